//! The face sheet of a claim exercise: the fictional patient, the coverage, the visit,
//! the providers, the superbill, what the payer's records hold, and what should
//! happen once the remittance arrives. `exercise` builds the answer key from these.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A fictional patient as the face sheet gives them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub last: String,
    pub first: String,
    #[serde(default)]
    pub middle: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// `F` or `M`.
    pub sex: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    #[serde(default)]
    pub phone: String,
    /// The practice's account number (patients only).
    #[serde(default)]
    pub account: String,
}

impl Person {
    /// `LAST, FIRST M` as the form wants it.
    pub fn form_name(&self) -> String {
        form_name(&self.last, &self.first, &self.middle)
    }
}

/// `LAST, FIRST M`, upper case.
pub fn form_name(last: &str, first: &str, middle: &str) -> String {
    let middle = middle
        .trim()
        .chars()
        .next()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    format!("{}, {}{}", last.trim(), first.trim(), middle).to_uppercase()
}

/// The primary policyholder and plan. The person fields are the policyholder's own
/// details, given only when the relationship is not `self`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Insured {
    /// `self`, `spouse`, `child` or `other`.
    pub relationship: String,
    pub member_id: String,
    pub group: String,
    pub plan_name: String,
    #[serde(default)]
    pub last: String,
    #[serde(default)]
    pub first: String,
    #[serde(default)]
    pub middle: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub sex: String,
    #[serde(default)]
    pub street: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub zip: String,
}

impl Insured {
    /// True when the patient holds the policy.
    pub fn is_self(&self) -> bool {
        self.relationship == "self"
    }
}

/// A second plan that pays after the primary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secondary {
    pub payer: String,
    pub last: String,
    pub first: String,
    #[serde(default)]
    pub middle: String,
    pub policy: String,
    pub plan_name: String,
}

/// The visit itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Encounter {
    /// `YYYY-MM-DD`.
    pub date_of_service: String,
    pub place_of_service: String,
    #[serde(default)]
    pub onset: String,
    #[serde(default)]
    pub employment: bool,
    #[serde(default)]
    pub auto_accident: bool,
    #[serde(default)]
    pub auto_state: String,
    #[serde(default)]
    pub other_accident: bool,
    #[serde(default)]
    pub prior_auth: String,
    /// Collected at the front desk on the day, e.g. "30.00".
    #[serde(default)]
    pub copay_collected: String,
    #[serde(default = "yes")]
    pub signature_on_file: bool,
}

fn yes() -> bool {
    true
}

/// The referring or ordering provider (item 17).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Referring {
    pub name: String,
    pub npi: String,
    /// DN, DK or DQ.
    pub role: String,
}

/// The rendering and billing providers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderInfo {
    pub rendering: String,
    pub rendering_npi: String,
    pub billing_name: String,
    pub billing_street: String,
    pub billing_city: String,
    pub billing_state: String,
    pub billing_zip: String,
    pub billing_phone: String,
    pub billing_npi: String,
    pub ein: String,
}

/// Where the service was given, when not at the billing address (item 32).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facility {
    pub name: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub npi: String,
}

/// A diagnosis on a superbill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuperbillDiagnosis {
    pub code: String,
}

/// A service line on a superbill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuperbillLine {
    pub code: String,
    #[serde(default)]
    pub modifiers: Vec<String>,
    pub units: u32,
    pub pointers: Vec<String>,
    /// The line's total charge.
    pub charge: String,
}

/// What the payer's records hold; the learner never sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayerState {
    /// Deductible already met this year, e.g. "100.00".
    #[serde(default)]
    pub deductible_met: String,
    /// Authorization and referral numbers on file.
    #[serde(default)]
    pub authorizations: Vec<String>,
    /// A signed Advance Beneficiary Notice is on file.
    #[serde(default)]
    pub abn_on_file: bool,
    /// The rendering provider is a specialist who needs a PCP referral (HMO).
    #[serde(default)]
    pub specialist: bool,
}

/// What the learner should do once the remittance arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NextStep {
    BillPatient,
    BillSecondary,
    CorrectedClaim,
    Appeal,
    WriteOff,
}

impl NextStep {
    /// Every step, in the order the choice offers them.
    pub const ALL: [NextStep; 5] = [
        NextStep::BillPatient,
        NextStep::BillSecondary,
        NextStep::CorrectedClaim,
        NextStep::Appeal,
        NextStep::WriteOff,
    ];

    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            NextStep::BillPatient => "Bill the patient",
            NextStep::BillSecondary => "Bill the secondary insurance",
            NextStep::CorrectedClaim => "Send a corrected claim",
            NextStep::Appeal => "Appeal the denial",
            NextStep::WriteOff => "Write off the balance",
        }
    }
}

/// The expected next step, why, and what a corrected claim changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterRemittance {
    pub next_step: NextStep,
    pub why: String,
    #[serde(default)]
    pub reveal: String,
    /// Box id to the value a corrected claim carries.
    #[serde(default)]
    pub fix: BTreeMap<String, String>,
}
