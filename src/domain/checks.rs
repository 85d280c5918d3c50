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
    // Counting up to the largest index yields them sorted and once each, without a
    // sort (which would cost the browser's wasm a few KB for lists of a few items).
    let upper = chosen.iter().max().map_or(0, |m| m + 1);
    let wrong: Vec<usize> = (0..upper)
        .filter(|i| chosen.contains(i) && !check.correct.contains(i))
        .collect();
    CheckResult {
        correct: missed.is_empty() && wrong.is_empty(),
        missed,
        wrong,
    }
}
