//! A student's results for an assignment, taken from their real progress, and the
//! results file they send the instructor. The file carries a SHA-256 checksum of its
//! content: it shows damage in transit, not tampering (anyone can recompute it).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::assignment::{Assignment, Item, hex};
use super::transport::{TransportError, versioned};
use crate::domain::exams::blueprint::Mode;
use crate::domain::exams::question::Question;
use crate::domain::progress::Progress;

/// The results format this version writes and reads.
pub const RESULTS_FORMAT: u32 = 1;

/// One exam question as answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweredQuestion {
    pub id: String,
    /// Original option indices chosen.
    pub chosen: Vec<usize>,
    pub correct: bool,
}

/// One item's outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    pub label: String,
    /// 0 to 100, or `None` when not done.
    pub score: Option<u32>,
    pub attempts: u32,
    /// When the best or latest work was done, ms since the Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<u64>,
    /// Time spent: active time on lessons' checks, charts, claims and instructors'
    /// questions (`domain::active_time`); exams, start to submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_ms: Option<u64>,
    /// What was answered: codes entered on charts and claims, as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// An exam's questions as answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<AnsweredQuestion>,
}

/// A results file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub format: u32,
    pub assignment_id: String,
    pub assignment_title: String,
    pub student_name: String,
    #[serde(default)]
    pub student_id: String,
    /// When the file was made, ms since the Unix epoch.
    pub submitted_at: u64,
    pub items: Vec<ItemResult>,
    /// SHA-256 (hex) of this file's JSON with this field empty.
    pub checksum: String,
}

impl Results {
    /// The checksum of the content.
    pub fn compute_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum.clear();
        let json = serde_json::to_string(&copy).unwrap_or_default();
        hex(&Sha256::digest(json.as_bytes()))
    }

    /// Fills in the checksum.
    pub fn seal(mut self) -> Results {
        self.checksum = self.compute_checksum();
        self
    }
}

/// Each item's outcome from the student's progress; `bank` marks exam answers.
pub fn item_results(
    assignment: &Assignment,
    progress: &Progress,
    bank: &[Question],
) -> Vec<ItemResult> {
    assignment
        .items
        .iter()
        .map(|item| item_result(item, progress, bank))
        .collect()
}

fn item_result(item: &Item, progress: &Progress, bank: &[Question]) -> ItemResult {
    let label = item.label();
    match item {
        Item::Lesson { id, .. } => {
            let record = progress.lessons.get(id);
            ItemResult {
                label,
                score: record.and_then(|r| r.best).map(|s| s.percent()),
                attempts: record.map_or(0, |r| r.attempts),
                done_at: record.and_then(|r| r.best).map(|s| s.at),
                time_ms: measured(record.map_or(0, |r| r.spent_ms)),
                ..ItemResult::default()
            }
        }
        Item::Chart { id, .. } => chart_result(label, id, progress),
        Item::OwnChart { .. } => chart_result(label, &item.own_key().unwrap_or_default(), progress),
        Item::OwnQuestions { .. } => {
            let key = item.own_key().unwrap_or_default();
            let book = progress.exam_book().unwrap_or_default();
            let taken = book.quizzes.get(&key).cloned().unwrap_or_default();
            let best = taken.iter().max_by_key(|a| a.score);
            ItemResult {
                label,
                score: best.map(|a| a.score),
                attempts: taken.len() as u32,
                done_at: best.map(|a| a.at),
                time_ms: measured(taken.iter().map(|a| a.spent_ms).sum()),
                questions: best.map(|a| a.answers.clone()).unwrap_or_default(),
                ..ItemResult::default()
            }
        }
        Item::Claim { id, .. } => {
            let record = progress.claim_record(id).unwrap_or_default();
            let mut answers: Vec<String> = record
                .draft
                .diagnoses()
                .into_iter()
                .map(|(_, c)| c)
                .collect();
            answers.extend(record.draft.lines().into_iter().map(|l| l.code));
            ItemResult {
                label,
                score: record.best(),
                attempts: record.scores.len() as u32,
                time_ms: measured(record.spent_ms),
                answers,
                ..ItemResult::default()
            }
        }
        Item::Exam { mode, seed, .. } => exam_result(label, *mode, *seed, progress, bank),
        Item::Deck { id, reviews } => {
            let prefix = format!("{id}/");
            let done = progress
                .card_book()
                .map(|b| b.keys().filter(|k| k.starts_with(&prefix)).count())
                .unwrap_or(0) as u32;
            ItemResult {
                label,
                score: Some(
                    (done.min(*reviews) * 100)
                        .checked_div(*reviews)
                        .unwrap_or(100),
                ),
                attempts: done,
                ..ItemResult::default()
            }
        }
    }
}

/// Time spent as reported: none when nothing was measured.
fn measured(ms: u64) -> Option<u64> {
    (ms > 0).then_some(ms)
}

/// A chart's outcome, shipped or the instructor's, from its record under `key`.
fn chart_result(label: String, key: &str, progress: &Progress) -> ItemResult {
    let record = progress.chart(key).unwrap_or_default();
    let best = record.attempts.iter().max_by_key(|a| a.score);
    ItemResult {
        label,
        score: best.map(|a| a.score),
        attempts: record.attempts.len() as u32,
        done_at: best.map(|a| a.at),
        answers: best
            .map(|a| {
                let mut codes = a.answer.diagnoses.clone();
                codes.extend(a.answer.lines.iter().map(|l| {
                    let mods = l.modifiers.join(" ");
                    format!("{} {mods} x{}", l.code, l.units).replace("  ", " ")
                }));
                codes
            })
            .unwrap_or_default(),
        time_ms: measured(record.spent_ms),
        ..ItemResult::default()
    }
}

fn exam_result(
    label: String,
    mode: Mode,
    seed: u64,
    progress: &Progress,
    bank: &[Question],
) -> ItemResult {
    let book = progress.exam_book().unwrap_or_default();
    let taken: Vec<_> = book
        .history
        .iter()
        .filter(|r| r.mode == mode && r.seed == seed)
        .collect();
    let best = taken.iter().max_by_key(|r| r.result.percent());
    let last = book
        .last
        .as_ref()
        .filter(|s| s.exam.spec.mode == mode && s.exam.spec.seed == seed);
    ItemResult {
        label,
        score: best.map(|r| r.result.percent()),
        attempts: taken.len() as u32,
        done_at: best.map(|r| r.at),
        time_ms: last.and_then(|s| best.map(|r| r.at.saturating_sub(s.clock.started_ms))),
        questions: last
            .map(|s| {
                s.exam
                    .questions
                    .iter()
                    .zip(&s.answers)
                    .map(|(q, chosen)| AnsweredQuestion {
                        id: q.id.clone(),
                        chosen: chosen.clone(),
                        correct: bank.iter().any(|b| b.id == q.id && b.is_correct(chosen)),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        ..ItemResult::default()
    }
}

/// Why a results file is not taken into the gradebook.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResultsError {
    #[error("{0}")]
    Unreadable(#[from] TransportError),
    #[error("its checksum does not match its content: the file was damaged on the way")]
    Damaged,
    #[error("it answers another assignment (\"{0}\")")]
    OtherAssignment(String),
}

/// Reads a results file's text for `assignment_id`.
pub fn read_results(text: &str, assignment_id: &str) -> Result<Results, ResultsError> {
    let results: Results = versioned(text, "results file", RESULTS_FORMAT)?;
    if results.compute_checksum() != results.checksum {
        return Err(ResultsError::Damaged);
    }
    if results.assignment_id != assignment_id {
        return Err(ResultsError::OtherAssignment(results.assignment_title));
    }
    Ok(results)
}
