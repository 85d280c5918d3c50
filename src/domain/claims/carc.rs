//! A small teaching subset of the claim adjustment group codes, claim adjustment
//! reason codes (CARC) and remittance advice remark codes (RARC) that our payers use.
//! The code lists are maintained for X12 (x12.org, "Claim Adjustment Reason Codes" and
//! "Remittance Advice Remark Codes"); the descriptions here are our own summaries, not
//! X12's wording.

use serde::{Deserialize, Serialize};

/// Who an adjustment is assigned to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Group {
    /// Contractual obligation: the provider absorbs it and may not bill the patient.
    CO,
    /// Patient responsibility: the patient (or a secondary plan) owes it.
    PR,
    /// Other adjustment: neither of the above, e.g. a duplicate.
    OA,
    /// Payer-initiated reduction, outside any contract.
    PI,
}

impl Group {
    /// The two letters.
    pub fn code(self) -> &'static str {
        match self {
            Group::CO => "CO",
            Group::PR => "PR",
            Group::OA => "OA",
            Group::PI => "PI",
        }
    }

    /// What the group means for the biller.
    pub fn meaning(self) -> &'static str {
        match self {
            Group::CO => {
                "Contractual obligation: the provider writes it off; the patient is not billed for it."
            }
            Group::PR => "Patient responsibility: bill the patient, or a secondary plan first.",
            Group::OA => {
                "Other adjustment: neither the provider's contract nor the patient's share, such as a duplicate."
            }
            Group::PI => {
                "Payer-initiated reduction: the payer reduced it outside the contract; the patient is not billed."
            }
        }
    }
}

/// Claim adjustment reason codes our payers use, with our summaries.
pub const CARCS: &[(u16, &str)] = &[
    (1, "Applied to the patient's deductible."),
    (2, "The patient's coinsurance share."),
    (3, "The patient's copay."),
    (18, "A duplicate of a claim or service already processed."),
    (29, "The claim arrived after the payer's filing limit."),
    (
        45,
        "The charge is above the payer's allowed amount; under the contract the difference is written off.",
    ),
    (
        50,
        "The payer does not consider the service medically necessary for the diagnoses given.",
    ),
    (96, "The plan does not cover this service."),
    (
        97,
        "Payment for this service is included in another service paid on the same claim or day.",
    ),
    (
        151,
        "The payer does not accept this many units or services for the period.",
    ),
    (
        197,
        "The service needed a prior authorization the payer has no record of.",
    ),
    (
        288,
        "The plan needed a referral the payer has no record of.",
    ),
];

/// Remark codes our payers add, with our summaries.
pub const RARCS: &[(&str, &str)] = &[
    (
        "M62",
        "The treatment authorization number is missing or does not match the payer's records.",
    ),
    (
        "N20",
        "Not paid separately when done with another service on the same day.",
    ),
    (
        "N115",
        "The decision follows a coverage policy for this service; the policy lists the diagnoses that support it.",
    ),
    (
        "N130",
        "See the plan's benefit documents for what it excludes.",
    ),
    (
        "N362",
        "The units are more than the payer accepts for one day.",
    ),
    ("M86", "The same service was already paid for this date."),
];

/// Our summary of a CARC, or a fallback for a number outside the teaching subset.
pub fn carc_text(code: u16) -> &'static str {
    CARCS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("A reason code outside our teaching subset.", |(_, t)| t)
}

/// Our summary of a RARC.
pub fn rarc_text(code: &str) -> &'static str {
    RARCS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("A remark code outside our teaching subset.", |(_, t)| t)
}
