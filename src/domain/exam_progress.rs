//! Mock exams and flashcard reviews in progress, kept as JSON text inside `Progress`
//! (like the chart and claim records) so the first page never decodes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::claim_progress::{BookError, read_book, write_book};
use super::exams::blueprint::{Feedback, Mode};
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
