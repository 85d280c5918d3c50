//! Moving assignments as links (`/assignment#<payload>`: JSON, deflated, URL-safe
//! base64) and as files, with every check an untrusted input needs.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::DeserializeOwned;
use thiserror::Error;

use super::assignment::{Assignment, Item, OWN_CONTENT_FORMAT};
use crate::domain::slug::is_slug;

/// The longest payload a link may carry; longer links are refused on reading and
/// offered as a file on writing.
pub const MAX_LINK_PAYLOAD: usize = 8_000;
/// The largest file accepted, checked before it is read.
pub const MAX_FILE_BYTES: u64 = 2_000_000;
/// The most bytes a link's payload may inflate to.
const MAX_INFLATED: usize = 1_000_000;
/// The longest source an instructor's chart or question set may have.
pub const MAX_OWN_SOURCE: usize = 40_000;

/// Why a link or file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TransportError {
    #[error("the link is damaged: it is empty")]
    Empty,
    #[error(
        "the link is damaged: it is longer than any Billable makes ({0} characters); ask for the file instead"
    )]
    TooLong(usize),
    #[error(
        "the link is damaged: it is not in Billable's link format (it may have been cut off when copied)"
    )]
    NotBase64,
    #[error(
        "the link is damaged: its content does not unpack (it may have been cut off when copied)"
    )]
    NotDeflate,
    #[error("the file is {0} bytes, larger than any Billable writes; it was not read")]
    TooLarge(u64),
    #[error("it is not a Billable {what}: {detail}")]
    NotJson { what: &'static str, detail: String },
    #[error("it was written by a newer Billable (format {found}); update Billable to open it")]
    NewerFormat { found: u32 },
    #[error("it is not valid: {0}")]
    Invalid(String),
}

/// The link payload for an assignment.
pub fn to_link_payload(assignment: &Assignment) -> String {
    let json = serde_json::to_string(assignment).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// Reads a link payload (the part after `#`).
pub fn from_link_payload(payload: &str) -> Result<Assignment, TransportError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(TransportError::Empty);
    }
    if payload.len() > MAX_LINK_PAYLOAD {
        return Err(TransportError::TooLong(payload.len()));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| TransportError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED)
        .map_err(|_| TransportError::NotDeflate)?;
    let text = String::from_utf8(json).map_err(|_| TransportError::NotDeflate)?;
    assignment_from_json(&text)
}

/// The assignment file's text.
pub fn to_file(assignment: &Assignment) -> String {
    serde_json::to_string_pretty(assignment).unwrap_or_default()
}

/// Reads an assignment file's text (its size already checked with `check_size`).
pub fn assignment_from_json(text: &str) -> Result<Assignment, TransportError> {
    let assignment: Assignment = versioned(text, "assignment", OWN_CONTENT_FORMAT)?;
    check_assignment(&assignment)?;
    Ok(assignment)
}

/// Refuses a file larger than Billable writes, before reading it.
pub fn check_size(bytes: u64) -> Result<(), TransportError> {
    if bytes > MAX_FILE_BYTES {
        Err(TransportError::TooLarge(bytes))
    } else {
        Ok(())
    }
}

/// Reads JSON with a `format` field no newer than `current`.
pub fn versioned<T: DeserializeOwned>(
    text: &str,
    what: &'static str,
    current: u32,
) -> Result<T, TransportError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| TransportError::NotJson {
            what,
            detail: e.to_string(),
        })?;
    let found = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| TransportError::NotJson {
            what,
            detail: "it has no format number".into(),
        })?;
    if found > u64::from(current) {
        return Err(TransportError::NewerFormat {
            found: found.min(u64::from(u32::MAX)) as u32,
        });
    }
    serde_json::from_value(value).map_err(|e| TransportError::Invalid(e.to_string()))
}

/// The assignment's own rules: a title, a due date, at least one item, sane marks.
fn check_assignment(a: &Assignment) -> Result<(), TransportError> {
    let bad = |m: &str| Err(TransportError::Invalid(m.to_string()));
    if a.title.trim().is_empty() || a.title.len() > 200 {
        return bad("the title must be 1 to 200 characters");
    }
    if crate::domain::dates::Day::parse_iso(&a.due).is_none() {
        return bad("the due date must be a date, YYYY-MM-DD");
    }
    if a.items.is_empty() || a.items.len() > 50 {
        return bad("an assignment has 1 to 50 items");
    }
    if a.instructions.len() > 20_000 {
        return bad("the instructions are longer than 20,000 characters");
    }
    if a.items.iter().any(|i| i.pass().is_some_and(|p| p > 100)) {
        return bad("a pass mark is a percent from 0 to 100");
    }
    let mut own_ids = std::collections::HashSet::new();
    for item in &a.items {
        if let Item::OwnChart { id, source, .. } | Item::OwnQuestions { id, source, .. } = item {
            if !is_slug(id) || id.len() > 60 {
                return bad(
                    "an instructor's chart or question set is named with 1 to 60 lowercase letters, digits and dashes",
                );
            }
            if !own_ids.insert(id.as_str()) {
                return bad("two of the instructor's charts or question sets have the same name");
            }
            if source.len() > MAX_OWN_SOURCE {
                return bad(
                    "an instructor's chart or question set is longer than 40,000 characters",
                );
            }
        }
    }
    Ok(())
}
