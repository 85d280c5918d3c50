//! What the learner has done on each claim exercise, kept as JSON text inside
//! `Progress::claims` (like the chart records) so the first page never decodes it; and
//! the shared reading and writing of such records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::claims::adjudicate::{Processed, Remittance};
use super::claims::appeal::AppealLetter;
use super::claims::claim::Claim;
use super::progress::Progress;

/// Every claim exercise's record, by exercise id.
pub type ClaimBook = BTreeMap<String, ClaimProgress>;

/// Saved records (claims, exams, flashcards) could not be read; they are left as they
/// are.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error(
    "your saved work could not be read ({0}); it is kept unchanged, and new work is not saved until it is fixed or reset on My data"
)]
pub struct BookError(String);

/// Records kept as JSON text in one `Progress` field: empty when never saved.
pub(crate) fn read_book<T: Default + serde::de::DeserializeOwned>(
    text: &Option<String>,
) -> Result<T, BookError> {
    match text {
        None => Ok(T::default()),
        Some(text) => serde_json::from_str(text).map_err(|e| BookError(e.to_string())),
    }
}

/// Applies `change` to the records in `slot` and writes them back; unreadable records
/// are left untouched.
pub(crate) fn write_book<T: Default + Serialize + serde::de::DeserializeOwned, R>(
    slot: &mut Option<String>,
    change: impl FnOnce(&mut T) -> R,
) -> Result<R, BookError> {
    let mut book: T = read_book(slot)?;
    let result = change(&mut book);
    *slot = Some(serde_json::to_string(&book).map_err(|e| BookError(e.to_string()))?);
    Ok(result)
}

/// Where the learner is in an exercise.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimProgress {
    /// The claim being filled (the original, or the corrected one).
    #[serde(default)]
    pub draft: Claim,
    /// Claims the payer has processed, for the duplicate rule, oldest first.
    #[serde(default)]
    pub processed: Vec<Processed>,
    /// The latest remittance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remittance: Option<Remittance>,
    /// Scores of graded original claims, 0 to 100, oldest first.
    #[serde(default)]
    pub scores: Vec<u32>,
    /// True once the posting matched the remittance.
    #[serde(default)]
    pub posted: bool,
    /// The next step the learner chose, once chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step: Option<String>,
    /// True while the learner works on a corrected claim.
    #[serde(default)]
    pub correcting: bool,
    /// True once a corrected claim came back without a denial.
    #[serde(default)]
    pub resolved: bool,
    /// The appeal letter, once started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal: Option<AppealLetter>,
    /// The appeal letter's best checklist score, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appeal_score: Option<u32>,
    /// Active time spent on the exercise, in ms (`domain::active_time`).
    #[serde(default, skip_serializing_if = "super::progress::is_zero")]
    pub spent_ms: u64,
}

impl ClaimProgress {
    /// The best score so far.
    pub fn best(&self) -> Option<u32> {
        self.scores.iter().copied().max()
    }
}

impl Progress {
    /// Every claim exercise's record.
    pub fn claim_book(&self) -> Result<ClaimBook, BookError> {
        read_book(&self.claims)
    }

    /// One exercise's record (none when the records cannot be read).
    pub fn claim_record(&self, id: &str) -> Option<ClaimProgress> {
        self.claim_book().ok()?.remove(id)
    }

    /// Applies `change` to exercise `id`'s record and saves the records back.
    pub fn change_claim(
        &mut self,
        id: &str,
        change: impl FnOnce(&mut ClaimProgress),
    ) -> Result<(), BookError> {
        write_book(&mut self.claims, |book: &mut ClaimBook| {
            change(book.entry(id.to_string()).or_default())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_bad_text_is_an_error() {
        let mut p = Progress::default();
        p.change_claim("x", |r| {
            r.draft.set("2", "DOE, JO");
            r.scores.push(80);
        })
        .expect("saved");
        assert_eq!(p.claim_record("x").and_then(|r| r.best()), Some(80));
        assert_eq!(
            p.claim_record("x").map(|r| r.draft.get("2").to_string()),
            Some("DOE, JO".into())
        );
        p.claims = Some("{".into());
        assert!(p.claim_book().is_err());
        assert!(p.change_claim("x", |_| {}).is_err());
        assert_eq!(
            p.claims.as_deref(),
            Some("{"),
            "unreadable records are kept"
        );
    }
}
