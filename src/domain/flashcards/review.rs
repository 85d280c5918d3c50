//! Spaced repetition with FSRS, through the maintained `rs-fsrs` crate (the Open
//! Spaced Repetition project's Rust scheduler). Review state is kept compactly, as
//! numbers, and converted to the crate's card for each review. Time is passed in as
//! milliseconds since the Unix epoch.

use chrono::{DateTime, Utc};
use rs_fsrs::{FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

/// The learner's grade for one card: keys 1 to 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// The grade for keys 1–4.
    pub fn from_key(key: &str) -> Option<Grade> {
        match key {
            "1" => Some(Grade::Again),
            "2" => Some(Grade::Hard),
            "3" => Some(Grade::Good),
            "4" => Some(Grade::Easy),
            _ => None,
        }
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// One card's review state after at least one review.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewState {
    /// When it is next due.
    #[serde(rename = "d")]
    pub due_ms: i64,
    #[serde(rename = "s")]
    pub stability: f64,
    #[serde(rename = "f")]
    pub difficulty: f64,
    /// Days scheduled at the last review.
    #[serde(rename = "i")]
    pub interval_days: i64,
    #[serde(rename = "e")]
    pub elapsed_days: i64,
    #[serde(rename = "r")]
    pub reps: i32,
    #[serde(rename = "l")]
    pub lapses: i32,
    /// 1 learning, 2 review, 3 relearning.
    #[serde(rename = "t")]
    pub state: u8,
    #[serde(rename = "v")]
    pub last_ms: i64,
}

fn time(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn scheduler() -> FSRS {
    // The crate's default parameters (FSRS's published weights, 90% retention). Fuzz
    // stays off, so the schedule is deterministic; the default seed it reads from the
    // clock is then never used.
    FSRS::new(Parameters {
        enable_fuzz: false,
        ..Parameters::default()
    })
}

/// The state after grading a card at `now`; `previous` is `None` for a new card.
pub fn review(previous: Option<&ReviewState>, grade: Grade, now_ms: i64) -> ReviewState {
    let card = match previous {
        None => rs_fsrs::Card {
            due: time(now_ms),
            last_review: time(now_ms),
            ..rs_fsrs::Card::default()
        },
        Some(p) => rs_fsrs::Card {
            due: time(p.due_ms),
            stability: p.stability,
            difficulty: p.difficulty,
            elapsed_days: p.elapsed_days,
            scheduled_days: p.interval_days,
            reps: p.reps,
            lapses: p.lapses,
            state: match p.state {
                1 => State::Learning,
                2 => State::Review,
                3 => State::Relearning,
                _ => State::New,
            },
            last_review: time(p.last_ms),
        },
    };
    let next = scheduler().next(card, time(now_ms), grade.rating()).card;
    ReviewState {
        // Never due before the review itself.
        due_ms: next.due.timestamp_millis().max(now_ms),
        stability: next.stability,
        difficulty: next.difficulty,
        interval_days: next.scheduled_days,
        elapsed_days: next.elapsed_days,
        reps: next.reps,
        lapses: next.lapses,
        state: next.state as u8,
        last_ms: now_ms,
    }
}

/// True when the card should be shown at `now`: never reviewed, or due.
pub fn is_due(state: Option<&ReviewState>, now_ms: i64) -> bool {
    state.is_none_or(|s| s.due_ms <= now_ms)
}
