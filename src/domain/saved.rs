//! The saved form of progress: a versioned envelope `{"format": N, ...}`, migrations
//! from older formats, and the decision of what to do with a stored value.
//!
//! Format history:
//! - 1, the pre-release draft: lessons keyed by file stem (`billing/03-life-of-a-claim`).
//! - 2, current: lessons keyed by `track/slug`, so renumbering a lesson file keeps its
//!   progress.

use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

use super::progress::Progress;

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

#[derive(Serialize)]
struct Envelope<'a> {
    format: u64,
    #[serde(flatten)]
    progress: &'a Progress,
}

/// Encodes progress as the current envelope, ready for a single `setItem`.
pub fn encode(progress: &Progress) -> String {
    serde_json::to_string(&to_value(progress)).unwrap_or_default()
}

/// The current envelope as a JSON value, for embedding in a backup file.
pub fn to_value(progress: &Progress) -> Value {
    let envelope = Envelope {
        format: PROGRESS_FORMAT,
        progress,
    };
    // Serialising plain maps and integers cannot fail; an empty object is the
    // harmless fallback rather than a panic.
    serde_json::to_value(envelope).unwrap_or(Value::Object(Default::default()))
}

/// Decodes a stored envelope, migrating older formats.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    from_value(value)
}

/// Decodes an envelope already parsed as JSON, migrating older formats.
pub fn from_value(mut value: Value) -> Result<Decoded, DecodeError> {
    let format = value
        .get("format")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NoFormat)?;
    if format > PROGRESS_FORMAT {
        return Err(DecodeError::NewerFormat { found: format });
    }
    if format == 0 {
        return Err(DecodeError::Invalid {
            format,
            detail: "format 0 was never written".into(),
        });
    }
    let invalid = |detail: String| DecodeError::Invalid { format, detail };
    for from in format..PROGRESS_FORMAT {
        value = migrate(from, value).map_err(invalid)?;
    }
    if let Value::Object(map) = &mut value {
        map.remove("format");
    }
    let progress: Progress = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    check_scores(&progress).map_err(invalid)?;
    Ok(Decoded {
        progress,
        migrated_from: (format < PROGRESS_FORMAT).then_some(format),
    })
}

/// Migrates an envelope from format `from` to `from + 1`.
fn migrate(from: u64, value: Value) -> Result<Value, String> {
    match from {
        1 => migrate_1_to_2(value),
        other => Err(format!("no migration from format {other}")),
    }
}

/// Format 1 keyed lessons by file stem (`track/nn-slug`); format 2 drops the `nn-`.
/// When two stems collapse to one key, the one with more finished attempts wins.
pub fn migrate_1_to_2(mut value: Value) -> Result<Value, String> {
    let lessons = match value.get_mut("lessons") {
        None => return Ok(value),
        Some(Value::Object(lessons)) => std::mem::take(lessons),
        Some(_) => return Err("\"lessons\" is not an object".into()),
    };
    let mut migrated = serde_json::Map::new();
    for (stem, record) in lessons {
        let key = strip_order_prefix(&stem);
        let attempts = |v: &Value| v.get("attempts").and_then(Value::as_u64).unwrap_or(0);
        let keep_existing = migrated
            .get(&key)
            .is_some_and(|existing| attempts(existing) >= attempts(&record));
        if !keep_existing {
            migrated.insert(key, record);
        }
    }
    value["lessons"] = Value::Object(migrated);
    value["format"] = Value::from(2);
    Ok(value)
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
