//! A claim rendered as an X12 837P 5010 (005010X222A1) transaction, one explained
//! segment at a time, so a learner can see where each CMS-1500 box goes.
//!
//! The file is a learning copy: ISA15 is `T` (test data) and the explanations say so.
//! Separators are `*` between elements, `:` between components, `^` for repetitions and
//! `~` after each segment. Text is upper-cased and kept to the X12 basic character set.
//! Not rendered: other insurance (items 9 and 11d), whose 2320 loops need the other
//! payer's electronic id that the form does not hold.

mod build;
mod claim_info;
pub mod example;
mod header;
mod parties;
mod service_lines;
#[cfg(test)]
mod tests;

use thiserror::Error;

use super::claim::Claim;
use super::payer::Payer;
use crate::domain::dates::Day;

/// The envelope around the claim: who sends the file, who receives it, and when. None
/// of it is on the CMS-1500; a practice's clearinghouse agreement supplies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The sender's interchange id (ISA06, GS02, 1000A NM109): 2 to 15 characters.
    pub sender_id: String,
    /// The receiver's interchange id (ISA08, GS03, 1000B NM109): 2 to 15 characters.
    pub receiver_id: String,
    /// The interchange and group control number (ISA13, GS06, IEA02, GE02): up to nine
    /// digits.
    pub control_number: u32,
    /// The day the file is created.
    pub date: Day,
    /// The time the file is created, `HHMM`.
    pub time: String,
    /// The submitter's name (1000A NM103).
    pub submitter_name: String,
    /// The submitter's EDI contact person (1000A PER02).
    pub submitter_contact: String,
    /// The contact's phone number (1000A PER04); only its digits are sent.
    pub submitter_phone: String,
    /// The receiver's name (1000B NM103).
    pub receiver_name: String,
}

/// One segment of the transaction with what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The segment as sent, without the `~` terminator.
    pub text: String,
    /// The loop it belongs to, e.g. `"2010BA"`; empty for the envelope (ISA, GS, ST, SE,
    /// GE, IEA) and the transaction header (BHT).
    pub loop_id: &'static str,
    /// Plain words: what the segment says and which CMS-1500 box it came from.
    pub explanation: String,
}

/// Why a claim cannot be rendered as an 837P, in words a learner can act on.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum X12Error {
    /// A box the 837P needs is empty.
    #[error("Item {item}, {label}, is empty: the 837P needs it")]
    Empty { item: String, label: String },
    /// A box the 837P needs cannot be read.
    #[error("Item {item}, {label}, must be {expected} to build the 837P")]
    Unreadable {
        item: String,
        label: String,
        expected: &'static str,
    },
    /// Item 24 has no service line.
    #[error("Item 24 has no service lines: the 837P needs at least one")]
    NoLines,
    /// Item 21 has no diagnosis.
    #[error("Item 21 has no diagnosis: the 837P needs at least one, starting in 21A")]
    NoDiagnoses,
    /// A line points to a diagnosis letter that holds no code.
    #[error(
        "Item 24E on line {line} points to {letter}, which is not a filled diagnosis in item 21: use the letters of the codes you entered"
    )]
    BadPointer { line: usize, letter: char },
    /// A line has more diagnosis pointers than SV107 holds.
    #[error("Item 24E on line {line} has more than four pointers: the 837P carries four at most")]
    TooManyPointers { line: usize },
    /// Item 28 is not the sum of the line charges.
    #[error(
        "Item 28, the total charge, is {total} but the charges in 24F add up to {lines}: the 837P needs them equal"
    )]
    TotalMismatch { total: String, lines: String },
    /// More than two of items 10a to 10c are answered Yes.
    #[error(
        "Items 10a to 10c: the 837P carries at most two related causes (work, auto, other accident)"
    )]
    TooManyCauses,
    /// The lines name different rendering providers.
    #[error(
        "The lines name different rendering providers in 24J: this 837P sends one rendering provider per claim, so bill each provider's lines on a claim of their own"
    )]
    MixedRendering,
    /// The envelope (not the claim) has a value X12 cannot carry.
    #[error("The envelope's {field} {problem}")]
    Envelope {
        field: &'static str,
        problem: &'static str,
    },
}

/// Renders `claim`, sent to `payer`, as an 837P inside `envelope`: every segment from
/// ISA to IEA, in order, each with its explanation.
pub fn render_837p(
    claim: &Claim,
    payer: &Payer,
    envelope: &Envelope,
) -> Result<Vec<Segment>, X12Error> {
    let mut segments = header::opening(envelope)?;
    segments.extend(parties::billing_provider(claim)?);
    segments.extend(parties::subscriber_and_patient(claim, payer)?);
    segments.extend(claim_info::claim(claim)?);
    segments.extend(service_lines::lines(claim)?);
    header::close(&mut segments, envelope);
    Ok(segments)
}

/// The transaction as text: each segment followed by `~` and a line break.
pub fn to_text(segments: &[Segment]) -> String {
    segments.iter().map(|s| format!("{}~\n", s.text)).collect()
}
