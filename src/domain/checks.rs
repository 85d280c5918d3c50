//! Grading one knowledge check: all-or-nothing, with the misses and wrong picks named.

use super::lesson::Check;

/// The outcome of answering one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// True when the chosen options are exactly the correct ones.
    pub correct: bool,
    /// Correct options the learner did not choose.
    pub missed: Vec<usize>,
    /// Options the learner chose that are not correct.
    pub wrong: Vec<usize>,
}

/// Grades `chosen` option indices against `check`. Duplicates and order do not matter.
pub fn grade_check(check: &Check, chosen: &[usize]) -> CheckResult {
    let missed: Vec<usize> = check
        .correct
        .iter()
        .copied()
        .filter(|i| !chosen.contains(i))
        .collect();
    let mut wrong: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|i| !check.correct.contains(i))
        .collect();
    wrong.sort_unstable();
    wrong.dedup();
    CheckResult {
        correct: missed.is_empty() && wrong.is_empty(),
        missed,
        wrong,
    }
}
