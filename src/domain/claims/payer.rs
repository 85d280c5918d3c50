//! Simulated payers: who they are, what they pay, and the rules they apply that a
//! scrubber cannot see. All figures are synthetic teaching data, not any real payer's
//! fee schedule or policy. Payers are read from `content/claims/payers.toml`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::Cents;

/// The kind of program, which decides the items a claim must carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PayerKind {
    Medicare,
    Medicaid,
    Commercial,
    Tricare,
}

impl PayerKind {
    /// The item 1 value a claim to this kind of payer ticks.
    pub fn coverage(self) -> &'static [&'static str] {
        match self {
            PayerKind::Medicare => &["medicare"],
            PayerKind::Medicaid => &["medicaid"],
            PayerKind::Tricare => &["tricare"],
            PayerKind::Commercial => &["group", "other"],
        }
    }

    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            PayerKind::Medicare => "Medicare",
            PayerKind::Medicaid => "Medicaid",
            PayerKind::Commercial => "Commercial",
            PayerKind::Tricare => "TRICARE",
        }
    }
}

/// A service this payer pays only for some diagnoses (its teaching coverage policy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NecessityRule {
    /// The CPT or HCPCS code the rule covers.
    pub code: String,
    /// ICD-10-CM code prefixes (dotted) that support it; any pointed-to diagnosis
    /// starting with one of them satisfies the rule.
    pub diagnoses: Vec<String>,
    /// The policy in our words, shown with the denial.
    pub note: String,
}

/// One simulated payer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payer {
    /// Short id used by exercises, e.g. `medicare-like`.
    pub id: String,
    pub name: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    /// The electronic payer id used in the 837P (2010BB NM109).
    pub payer_id: String,
    pub kind: PayerKind,
    /// "Medicare-like", "Commercial PPO", ...
    pub plan: String,
    /// The yearly deductible, e.g. "250.00".
    pub deductible: String,
    /// The patient's share after the deductible, in percent.
    pub coinsurance_percent: u32,
    /// A copay per visit for the codes in `copay_codes`, e.g. "25.00"; "0.00" for none.
    pub copay: String,
    /// Codes that carry the copay instead of deductible and coinsurance (office visits).
    #[serde(default)]
    pub copay_codes: Vec<String>,
    /// Days from the date of service within which a claim must arrive.
    pub timely_filing_days: u32,
    /// HMO rule: a specialist's claim needs a referring provider (item 17) and the
    /// referral number (item 23).
    #[serde(default)]
    pub referral_required: bool,
    /// Codes that need a prior authorization number in item 23.
    #[serde(default)]
    pub auth_required: Vec<String>,
    /// Codes this plan never covers.
    #[serde(default)]
    pub not_covered: Vec<String>,
    /// Allowed amounts by code, e.g. `"99213" = "92.00"`.
    #[serde(default)]
    pub fees: BTreeMap<String, String>,
    /// For codes without a fee, the allowed amount as a percent of the charge.
    pub default_allowed_percent: u32,
    /// Coverage policies by diagnosis.
    #[serde(default, rename = "necessity")]
    pub necessity: Vec<NecessityRule>,
}

impl Payer {
    /// The yearly deductible in cents (zero when the text is not money; the content
    /// checks catch that).
    pub fn deductible_cents(&self) -> Cents {
        Cents::parse(&self.deductible).unwrap_or(Cents::ZERO)
    }

    /// The copay in cents.
    pub fn copay_cents(&self) -> Cents {
        Cents::parse(&self.copay).unwrap_or(Cents::ZERO)
    }

    /// The scheduled fee for a code, if the schedule lists it.
    pub fn fee(&self, code: &str) -> Option<Cents> {
        self.fees.get(code).and_then(|f| Cents::parse(f))
    }

    /// True when the code needs prior authorization with this payer.
    pub fn needs_auth(&self, code: &str) -> bool {
        self.auth_required.iter().any(|c| c == code)
    }

    /// True when the plan never covers the code.
    pub fn excludes(&self, code: &str) -> bool {
        self.not_covered.iter().any(|c| c == code)
    }
}
