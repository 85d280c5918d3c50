//! Mock exams and flashcard reviews in progress, kept as JSON text inside `Progress`
//! (like the chart and claim records) so the first page never decodes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assignments::results::AnsweredQuestion;
use super::claim_progress::{BookError, read_book, write_book};
use super::exams::blueprint::{Feedback, Mode};
use super::exams::question::Question;
use super::exams::sample::Exam;
use super::exams::score::{Answers, ExamResult};
use super::exams::timer::Clock;
use super::flashcards::review::ReviewState;
use super::progress::Progress;

/// An exam being taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSession {
    pub exam: Exam,
    /// Per question, the original indices of the options chosen.
    pub answers: Answers,
    /// Per question, flagged for review.
    pub flags: Vec<bool>,
    /// The question on screen.
    pub position: usize,
    pub clock: Clock,
    pub pass_percent: u32,
    pub feedback: Feedback,
}

/// A finished exam, kept for the history and its chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamRecord {
    pub mode: Mode,
    pub seed: u64,
    /// When it was finished, ms since the Unix epoch.
    pub at: u64,
    pub result: ExamResult,
}

/// Every exam record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamBook {
    /// The exam in progress, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<ExamSession>,
    /// The last finished exam with its answers, for review after a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<ExamSession>,
    /// Every finished exam, oldest first.
    #[serde(default)]
    pub history: Vec<ExamRecord>,
    /// Instructors' own question sets taken, by the item's key (`Item::own_key`):
    /// every attempt, oldest first.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quizzes: BTreeMap<String, Vec<QuizAttempt>>,
}

/// One attempt at an instructor's own question set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizAttempt {
    /// When it was submitted, ms since the Unix epoch.
    pub at: u64,
    /// Percent correct.
    pub score: u32,
    /// Each question as answered, in the set's order.
    pub answers: Vec<AnsweredQuestion>,
    /// Active time spent on this attempt, in ms.
    #[serde(default)]
    pub spent_ms: u64,
}

impl QuizAttempt {
    /// Grades the options chosen for each question (original indices, in the set's
    /// order; a question not answered is wrong).
    pub fn grade(questions: &[Question], chosen: &[Vec<usize>], at: u64, spent_ms: u64) -> Self {
        let answers: Vec<AnsweredQuestion> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let picked = chosen.get(i).cloned().unwrap_or_default();
                AnsweredQuestion {
                    id: q.id.clone(),
                    correct: q.is_correct(&picked),
                    chosen: picked,
                }
            })
            .collect();
        let right = answers.iter().filter(|a| a.correct).count();
        QuizAttempt {
            at,
            score: (right * 100).checked_div(answers.len()).unwrap_or(0) as u32,
            answers,
            spent_ms,
        }
    }
}

/// Review states by card key (`deck/front`).
pub type CardBook = BTreeMap<String, ReviewState>;

impl Progress {
    /// The exam records.
    pub fn exam_book(&self) -> Result<ExamBook, BookError> {
        read_book(&self.exams)
    }

    /// Applies `change` to the exam records and saves them back.
    pub fn change_exams<R>(
        &mut self,
        change: impl FnOnce(&mut ExamBook) -> R,
    ) -> Result<R, BookError> {
        write_book(&mut self.exams, change)
    }

    /// The flashcard review states.
    pub fn card_book(&self) -> Result<CardBook, BookError> {
        read_book(&self.cards)
    }

    /// Applies `change` to the review states and saves them back.
    pub fn change_cards<R>(
        &mut self,
        change: impl FnOnce(&mut CardBook) -> R,
    ) -> Result<R, BookError> {
        write_book(&mut self.cards, change)
    }
}
