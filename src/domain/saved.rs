//! The saved form of progress: a versioned envelope `{"format": N, ...}`, migrations
//! from older formats, and the decision of what to do with a stored value.
//!
//! Format history:
//! - 1, the pre-release draft: lessons keyed by file stem (`billing/03-life-of-a-claim`).
//! - 2, current: lessons keyed by `track/slug`, so renumbering a lesson file keeps its
//!   progress.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::progress::{LessonProgress, Progress};

/// The format this build writes.
pub const PROGRESS_FORMAT: u64 = 2;

/// Why a stored or imported progress value could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The text is not JSON at all (truncated or edited by hand).
    #[error("it is not valid JSON ({0})")]
    NotJson(String),
    /// JSON without a numeric `format` field.
    #[error("it has no \"format\" number, so it is not Billable progress")]
    NoFormat,
    /// Written by a newer Billable than this one.
    #[error(
        "it was written in format {found} by a newer version of Billable; this version reads up to format {PROGRESS_FORMAT}"
    )]
    NewerFormat {
        /// The format found in the value.
        found: u64,
    },
    /// The right format number, but the contents do not fit it.
    #[error("its contents do not match format {format} ({detail})")]
    Invalid {
        /// The format found in the value.
        format: u64,
        /// What serde reported.
        detail: String,
    },
}

/// Progress read from a saved value, and whether it had to be migrated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The progress, in the current model.
    pub progress: Progress,
    /// The older format it was migrated from, if any.
    pub migrated_from: Option<u64>,
}

/// The envelope as written: the format number beside the progress fields.
#[derive(Serialize)]
pub(crate) struct Envelope<'a> {
    format: u64,
    lessons: &'a BTreeMap<String, LessonProgress>,
    #[serde(skip_serializing_if = "Option::is_none")]
    charts: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exams: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cards: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deck_due: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignments: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assignment_list: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gradebooks: &'a Option<String>,
}

impl<'a> Envelope<'a> {
    /// The current-format envelope for `progress`.
    pub(crate) fn new(progress: &'a Progress) -> Self {
        Envelope {
            format: PROGRESS_FORMAT,
            lessons: &progress.lessons,
            charts: &progress.charts,
            claims: &progress.claims,
            exams: &progress.exams,
            cards: &progress.cards,
            deck_due: &progress.deck_due,
            assignments: &progress.assignments,
            assignment_list: &progress.assignment_list,
            gradebooks: &progress.gradebooks,
        }
    }
}

/// Only the format number, read first to choose how to read the rest.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<u64>,
}

/// The lesson records as every format so far stores them; formats differ in keys.
#[derive(Deserialize)]
struct StoredLessons {
    #[serde(default)]
    lessons: BTreeMap<String, LessonProgress>,
    /// Added within format 2: absent means no chart has been opened. Kept as saved;
    /// see `Progress::charts`.
    #[serde(default)]
    charts: Option<String>,
    /// Added within format 2, like `charts`; so are the three after it.
    #[serde(default)]
    claims: Option<String>,
    #[serde(default)]
    exams: Option<String>,
    #[serde(default)]
    cards: Option<String>,
    #[serde(default)]
    deck_due: Option<String>,
    #[serde(default)]
    assignments: Option<String>,
    #[serde(default)]
    assignment_list: Option<String>,
    #[serde(default)]
    gradebooks: Option<String>,
}

/// Encodes progress as the current envelope, ready for a single `setItem`.
pub fn encode(progress: &Progress) -> String {
    // Serialising maps of integers and strings cannot fail; an empty string would be
    // quarantined on the next load rather than silently lost.
    serde_json::to_string(&Envelope::new(progress)).unwrap_or_default()
}

/// Decodes a stored envelope, migrating older formats.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    serde_json::from_str::<serde::de::IgnoredAny>(raw)
        .map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let format = serde_json::from_str::<FormatProbe>(raw)
        .ok()
        .and_then(|probe| probe.format)
        .ok_or(DecodeError::NoFormat)?;
    if format > PROGRESS_FORMAT {
        return Err(DecodeError::NewerFormat { found: format });
    }
    let invalid = |detail: String| DecodeError::Invalid { format, detail };
    let stored: StoredLessons = serde_json::from_str(raw).map_err(|e| invalid(e.to_string()))?;
    let progress = match format {
        1 => migrate_1_to_2(stored.lessons),
        2 => Progress {
            lessons: stored.lessons,
            charts: stored.charts,
            claims: stored.claims,
            exams: stored.exams,
            cards: stored.cards,
            deck_due: stored.deck_due,
            assignments: stored.assignments,
            assignment_list: stored.assignment_list,
            gradebooks: stored.gradebooks,
        },
        _ => return Err(invalid(format!("format {format} was never written"))),
    };
    check_scores(&progress).map_err(invalid)?;
    Ok(Decoded {
        progress,
        migrated_from: (format < PROGRESS_FORMAT).then_some(format),
    })
}

/// Format 1 keyed lessons by file stem (`track/nn-slug`); format 2 drops the `nn-`.
/// When two stems collapse to one key, the one with more finished attempts wins.
fn migrate_1_to_2(lessons: BTreeMap<String, LessonProgress>) -> Progress {
    let mut migrated: BTreeMap<String, LessonProgress> = BTreeMap::new();
    for (stem, record) in lessons {
        let key = strip_order_prefix(&stem);
        let keep_existing = migrated
            .get(&key)
            .is_some_and(|existing| existing.attempts >= record.attempts);
        if !keep_existing {
            migrated.insert(key, record);
        }
    }
    Progress {
        lessons: migrated,
        ..Progress::default()
    }
}

/// `billing/03-life-of-a-claim` becomes `billing/life-of-a-claim`.
fn strip_order_prefix(stem: &str) -> String {
    match stem.split_once('/') {
        Some((track, file)) => {
            let slug = match file.split_once('-') {
                Some((digits, rest))
                    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    rest
                }
                _ => file,
            };
            format!("{track}/{slug}")
        }
        None => stem.to_string(),
    }
}

/// Rejects scores that cannot have been produced by grading.
fn check_scores(progress: &Progress) -> Result<(), String> {
    for (key, record) in &progress.lessons {
        for score in record.best.iter().chain(record.last.iter()) {
            if score.correct > score.total {
                return Err(format!(
                    "lesson {key} has a score of {}/{}",
                    score.correct, score.total
                ));
            }
        }
    }
    Ok(())
}

/// What to do with the value found in storage at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadPlan {
    /// Nothing stored yet: start empty.
    Fresh,
    /// A usable value (possibly migrated; write it back in the current format).
    Use(Decoded),
    /// An unusable value: keep `raw` under a quarantine key, start empty, and tell the
    /// learner `reason`.
    Quarantine {
        /// The stored text, kept byte for byte.
        raw: String,
        /// Why it could not be used.
        reason: DecodeError,
    },
}

/// Decides what to do with the raw stored value (`None` when the key is absent).
pub fn plan_load(raw: Option<&str>) -> LoadPlan {
    match raw {
        None => LoadPlan::Fresh,
        Some(raw) => match decode(raw) {
            Ok(decoded) => LoadPlan::Use(decoded),
            Err(reason) => LoadPlan::Quarantine {
                raw: raw.to_string(),
                reason,
            },
        },
    }
}
