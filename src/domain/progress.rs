//! The learner's progress and the pure transitions that change it.
//!
//! Invariant: a lesson's `answers` hold only the current attempt; finishing an attempt
//! (answering its last check) records `last` and updates `best`, and `retry` clears the
//! answers while keeping both scores.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::charts::grade::Answer;
use super::checks::{CheckResult, grade_check};
use super::lesson::{Lesson, LessonId, LessonInfo};
use super::tracks::Track;

/// Everything saved about the learner's lessons (keyed by `LessonId::key()`) and
/// practice charts (keyed by chart id).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Per-lesson records; lessons never opened have none.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Per-chart records (a `ChartBook`) as JSON text. The lessons' app carries the
    /// text through untouched, so its wasm has no code to read it (measured: typed, the
    /// records cost the first page about 6 KB gzip); the charts workspace reads and
    /// writes it with `chart_book` and the chart methods. Absent in progress saved
    /// before charts existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charts: Option<String>,
    /// Claim exercise records as JSON text, for the same reason as `charts`; read and
    /// written with `claim_book` and `change_claim` (`domain::claim_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims: Option<String>,
    /// Exam records as JSON text (`domain::exam_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exams: Option<String>,
    /// Flashcard review states as JSON text (`domain::exam_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cards: Option<String>,
    /// Flashcard due dates per deck, written by the flashcards page for the dashboard
    /// (`domain::flashcards::due`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deck_due: Option<String>,
    /// Assignments this student holds, as JSON text (`domain::assignments::held`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignments: Option<String>,
    /// The held assignments' due dates and titles, as plain text for the dashboard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment_list: Option<String>,
    /// An instructor's assignments and gradebooks, as JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gradebooks: Option<String>,
}

/// Every chart's record, by chart id.
pub type ChartBook = BTreeMap<String, ChartProgress>;

/// The saved chart records could not be read; they are left as they are.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error(
    "your saved chart work could not be read ({0}); it is kept unchanged, and new work is not saved until it is fixed or reset on My data"
)]
pub struct ChartBookError(String);

/// What the learner has done on one practice chart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartProgress {
    /// The answer being worked on, kept so it survives a reload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Answer>,
    /// Every submitted attempt, oldest first.
    #[serde(default)]
    pub attempts: Vec<ChartAttempt>,
    /// Whether the learner has revealed the full answer key.
    #[serde(default)]
    pub revealed: bool,
    /// Active time spent on the chart, in ms (`domain::active_time`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spent_ms: u64,
}

/// For `skip_serializing_if`: records saved before time was measured stay as they were.
pub(crate) fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One graded attempt at a chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartAttempt {
    /// The answer as submitted.
    pub answer: Answer,
    /// Its score, 0 to 100.
    pub score: u32,
    /// When it was submitted, in ms since the Unix epoch.
    pub at: u64,
    /// Whether the key had been revealed before this attempt.
    #[serde(default)]
    pub after_reveal: bool,
}

impl ChartProgress {
    /// The best score so far.
    pub fn best(&self) -> Option<u32> {
        self.attempts.iter().map(|a| a.score).max()
    }
}

impl Progress {
    /// Every chart's record.
    pub fn chart_book(&self) -> Result<ChartBook, ChartBookError> {
        match &self.charts {
            None => Ok(ChartBook::new()),
            Some(text) => serde_json::from_str(text).map_err(|e| ChartBookError(e.to_string())),
        }
    }

    /// One chart's record, if it has one (none when the records cannot be read).
    pub fn chart(&self, id: &str) -> Option<ChartProgress> {
        self.chart_book().ok()?.remove(id)
    }

    /// Applies `change` to chart `id`'s record and saves the records back.
    fn change_chart(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut ChartProgress),
    ) -> Result<(), ChartBookError> {
        let mut book = self.chart_book()?;
        change(book.entry(id.to_string()).or_default());
        let text = serde_json::to_string(&book).map_err(|e| ChartBookError(e.to_string()))?;
        self.charts = Some(text);
        Ok(())
    }

    /// Keeps the learner's unsubmitted answer, adding `spent_ms` of active time.
    pub fn save_chart_draft(
        &mut self,
        id: &str,
        answer: Answer,
        spent_ms: u64,
    ) -> Result<(), ChartBookError> {
        self.change_chart(id, |record| {
            record.draft = Some(answer);
            record.spent_ms = record.spent_ms.saturating_add(spent_ms);
        })
    }

    /// Records a graded attempt, adding `spent_ms` of active time; the draft stays, so
    /// the learner can adjust it and retry.
    pub fn record_chart_attempt(
        &mut self,
        id: &str,
        answer: Answer,
        score: u32,
        now: u64,
        spent_ms: u64,
    ) -> Result<(), ChartBookError> {
        self.change_chart(id, |record| {
            record.spent_ms = record.spent_ms.saturating_add(spent_ms);
            let after_reveal = record.revealed;
            record.draft = Some(answer.clone());
            record.attempts.push(ChartAttempt {
                answer,
                score,
                at: now,
                after_reveal,
            });
        })
    }

    /// Records that the learner revealed the answer key.
    pub fn reveal_chart(&mut self, id: &str) -> Result<(), ChartBookError> {
        self.change_chart(id, |record| record.revealed = true)
    }
}

/// What the learner has done in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Chosen option indices per check index, for the current attempt.
    #[serde(default)]
    pub answers: BTreeMap<u32, Vec<u32>>,
    /// The best finished attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<Score>,
    /// The most recent finished attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Score>,
    /// How many attempts were finished.
    #[serde(default)]
    pub attempts: u32,
    /// Active time spent on the lesson up to its answers, in ms (`domain::active_time`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spent_ms: u64,
}

/// The score of one finished attempt at a lesson's checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Checks answered correctly.
    pub correct: u32,
    /// Checks in the lesson.
    pub total: u32,
    /// When the attempt finished, in ms since the Unix epoch.
    pub at: u64,
}

impl Score {
    /// The score as a whole percentage, rounded down.
    pub fn percent(&self) -> u32 {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }

    /// True when `self` is a strictly better result than `other`.
    fn beats(&self, other: &Score) -> bool {
        u64::from(self.correct) * u64::from(other.total)
            > u64::from(other.correct) * u64::from(self.total)
    }
}

/// Why an answer could not be recorded. These are programming or content mismatches,
/// not learner mistakes, but they are reported rather than panicking.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AnswerError {
    /// The check index is past the lesson's checks.
    #[error("this lesson has no check number {0}")]
    NoSuchCheck(usize),
    /// No option was chosen.
    #[error("choose an answer first")]
    NothingChosen,
    /// An option index is past the check's options.
    #[error("option {0} does not exist in this check")]
    NoSuchOption(usize),
    /// A single-answer check was given more than one option.
    #[error("this check has one answer: choose a single option")]
    TooManyChosen,
    /// The check was already answered in this attempt.
    #[error("this check is already answered; retry the lesson to answer it again")]
    AlreadyAnswered,
}

/// The result of answering a check, and whether it finished the attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    /// How the chosen options compare with the key.
    pub result: CheckResult,
    /// The attempt's score, when this answer was its last.
    pub finished: Option<Score>,
}

impl Progress {
    /// The record for a lesson, if the learner has one.
    pub fn lesson(&self, id: &LessonId) -> Option<&LessonProgress> {
        self.lessons.get(&id.key())
    }

    /// True when the learner has finished the lesson's checks at least once.
    pub fn is_complete(&self, id: &LessonId) -> bool {
        self.lesson(id).is_some_and(|p| p.best.is_some())
    }

    /// Records an answer to check `check` of `lesson`, finishing the attempt when it was
    /// the last unanswered check. `now` is ms since the Unix epoch; `spent_ms` is the
    /// active time since the last answer, added to the lesson's record.
    pub fn answer(
        &mut self,
        lesson: &Lesson,
        check: usize,
        chosen: &[usize],
        now: u64,
        spent_ms: u64,
    ) -> Result<Answered, AnswerError> {
        let spec = lesson
            .checks
            .get(check)
            .ok_or(AnswerError::NoSuchCheck(check))?;
        if chosen.is_empty() {
            return Err(AnswerError::NothingChosen);
        }
        if let Some(&bad) = chosen.iter().find(|&&i| i >= spec.options.len()) {
            return Err(AnswerError::NoSuchOption(bad));
        }
        if !spec.multiple && chosen.len() > 1 {
            return Err(AnswerError::TooManyChosen);
        }
        let record = self.lessons.entry(lesson.info.id.key()).or_default();
        let index = check as u32;
        if record.answers.contains_key(&index) {
            return Err(AnswerError::AlreadyAnswered);
        }
        // Every index is a valid option (checked above), so counting through the options
        // gives them sorted and once each.
        let stored: Vec<u32> = (0..spec.options.len())
            .filter(|i| chosen.contains(i))
            .map(|i| i as u32)
            .collect();
        record.answers.insert(index, stored);
        record.spent_ms = record.spent_ms.saturating_add(spent_ms);
        let result = grade_check(spec, chosen);
        let finished = (record.answers.len() == lesson.checks.len()).then(|| {
            let score = attempt_score(lesson, record, now);
            record.last = Some(score);
            if record.best.is_none_or(|best| score.beats(&best)) {
                record.best = Some(score);
            }
            record.attempts += 1;
            score
        });
        Ok(Answered { result, finished })
    }

    /// Starts a new attempt at a lesson's checks, keeping its best and last scores.
    pub fn retry(&mut self, id: &LessonId) {
        if let Some(record) = self.lessons.get_mut(&id.key()) {
            record.answers.clear();
        }
    }

    /// The chosen options for a check in the current attempt, if answered.
    pub fn chosen(&self, id: &LessonId, check: usize) -> Option<Vec<usize>> {
        let answers = &self.lesson(id)?.answers;
        let chosen = answers.get(&(check as u32))?;
        Some(chosen.iter().map(|&i| i as usize).collect())
    }

    /// How many of `lessons` have been completed; records of other lessons are ignored.
    pub fn completed_count<'a>(&self, lessons: impl IntoIterator<Item = &'a LessonInfo>) -> usize {
        lessons
            .into_iter()
            .filter(|l| self.is_complete(&l.id))
            .count()
    }
}

/// Scores the current attempt's answers against the key.
fn attempt_score(lesson: &Lesson, record: &LessonProgress, now: u64) -> Score {
    let correct = lesson
        .checks
        .iter()
        .enumerate()
        .filter(|(i, check)| {
            record.answers.get(&(*i as u32)).is_some_and(|chosen| {
                let chosen: Vec<usize> = chosen.iter().map(|&c| c as usize).collect();
                grade_check(check, &chosen).correct
            })
        })
        .count();
    Score {
        correct: correct as u32,
        total: lesson.checks.len() as u32,
        at: now,
    }
}

/// Lessons completed out of lessons available, for one track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackSummary {
    /// The track.
    pub track: Track,
    /// Lessons with a finished attempt.
    pub completed: usize,
    /// Lessons the track has.
    pub total: usize,
}

/// Summarises progress per track, listing only tracks that have lessons.
pub fn track_summaries(lessons: &[LessonInfo], progress: &Progress) -> Vec<TrackSummary> {
    Track::ALL
        .into_iter()
        .filter_map(|track| {
            let in_track: Vec<&LessonInfo> =
                lessons.iter().filter(|l| l.id.track == track).collect();
            (!in_track.is_empty()).then(|| TrackSummary {
                track,
                completed: progress.completed_count(in_track.iter().copied()),
                total: in_track.len(),
            })
        })
        .collect()
}

/// Where a learner stands in one lesson, for lists of lessons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonState {
    /// No check answered yet.
    NotStarted,
    /// Some checks of the first attempt answered.
    InProgress {
        /// Checks answered.
        answered: usize,
        /// Checks in the lesson.
        total: usize,
    },
    /// At least one attempt finished.
    Complete {
        /// The best attempt.
        best: Score,
        /// The latest attempt.
        last: Score,
    },
}

impl LessonState {
    /// The state of lesson `id`, which has `checks` checks.
    pub fn of(progress: &Progress, id: &LessonId, checks: usize) -> LessonState {
        match progress.lesson(id) {
            None => LessonState::NotStarted,
            Some(record) => match (record.best, record.last) {
                (Some(best), last) => LessonState::Complete {
                    best,
                    last: last.unwrap_or(best),
                },
                (None, _) if record.answers.is_empty() => LessonState::NotStarted,
                (None, _) => LessonState::InProgress {
                    answered: record.answers.len().min(checks),
                    total: checks,
                },
            },
        }
    }

    /// Checks answered, for a bar out of the lesson's checks: all of them once complete.
    pub fn answered(&self, checks: usize) -> usize {
        match self {
            LessonState::NotStarted => 0,
            LessonState::InProgress { answered, .. } => *answered,
            LessonState::Complete { .. } => checks,
        }
    }

    /// The state in words, e.g. "Complete, best score 100%, last 60%".
    pub fn describe(&self) -> String {
        match self {
            LessonState::NotStarted => "Not started".to_string(),
            LessonState::InProgress { answered, total } => {
                format!("In progress, {answered} of {total} checks answered")
            }
            LessonState::Complete { best, last } if best.percent() != last.percent() => format!(
                "Complete, best score {}%, last {}%",
                best.percent(),
                last.percent()
            ),
            LessonState::Complete { best, .. } => {
                format!("Complete, best score {}%", best.percent())
            }
        }
    }
}
