//! Scoring a finished exam: the score, pass or fail for its mode, and a breakdown by
//! the blueprint's slots (sections, domains or areas).

use serde::{Deserialize, Serialize};

use super::question::Question;
use super::sample::Exam;

/// The learner's choices per exam question, as original option indices.
pub type Answers = Vec<Vec<usize>>;

/// Right answers out of questions, for one slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotScore {
    pub pool: String,
    pub correct: usize,
    pub total: usize,
}

impl SlotScore {
    /// 0 to 100, rounded down.
    pub fn percent(&self) -> u32 {
        (self.correct * 100 / self.total.max(1)) as u32
    }
}

/// A finished exam's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamResult {
    pub correct: usize,
    pub total: usize,
    pub passed: bool,
    pub pass_percent: u32,
    /// In the order slots first appear in the exam's blueprint.
    pub breakdown: Vec<SlotScore>,
}

impl ExamResult {
    /// 0 to 100, rounded down.
    pub fn percent(&self) -> u32 {
        (self.correct * 100 / self.total.max(1)) as u32
    }
}

/// Scores `answers` to `exam`; a question missing from `bank` counts as wrong.
pub fn score(exam: &Exam, bank: &[Question], answers: &Answers, pass_percent: u32) -> ExamResult {
    let mut breakdown: Vec<SlotScore> = Vec::new();
    let mut correct = 0;
    for (i, eq) in exam.questions.iter().enumerate() {
        let right = bank
            .iter()
            .find(|q| q.id == eq.id)
            .is_some_and(|q| q.is_correct(answers.get(i).map_or(&[], Vec::as_slice)));
        correct += usize::from(right);
        match breakdown.iter_mut().find(|s| s.pool == eq.pool) {
            Some(slot) => {
                slot.total += 1;
                slot.correct += usize::from(right);
            }
            None => breakdown.push(SlotScore {
                pool: eq.pool.clone(),
                correct: usize::from(right),
                total: 1,
            }),
        }
    }
    let total = exam.questions.len();
    ExamResult {
        correct,
        total,
        passed: correct * 100 >= pass_percent as usize * total.max(1),
        pass_percent,
        breakdown,
    }
}

/// A lesson to study, for the results' "study next" links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub href: String,
    pub title: String,
}

/// Lessons by the CMRS section they prepare for (section name to lessons).
pub type StudyGuide = std::collections::BTreeMap<String, Vec<LessonLink>>;

/// The CMRS sections where the learner got less than `threshold` percent right, with
/// (correct, total), weakest first.
pub fn weak_sections(
    exam: &Exam,
    bank: &[Question],
    answers: &Answers,
    threshold: u32,
) -> Vec<(crate::domain::exam_sections::CmrsSection, usize, usize)> {
    let mut tally: Vec<(crate::domain::exam_sections::CmrsSection, usize, usize)> = Vec::new();
    for (i, eq) in exam.questions.iter().enumerate() {
        let right = bank
            .iter()
            .find(|q| q.id == eq.id)
            .is_some_and(|q| q.is_correct(answers.get(i).map_or(&[], Vec::as_slice)));
        match tally.iter_mut().find(|(s, _, _)| *s == eq.section) {
            Some((_, c, t)) => {
                *c += usize::from(right);
                *t += 1;
            }
            None => tally.push((eq.section, usize::from(right), 1)),
        }
    }
    tally.retain(|(_, c, t)| (*c * 100) < threshold as usize * *t);
    tally.sort_by_key(|(_, c, t)| c * 1000 / t);
    tally
}
