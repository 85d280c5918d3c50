//! Questions of the bank (`content/questions/`) and the two other exams' ways of
//! grouping them: CBCS-style domains and CPC-style content areas.

use serde::{Deserialize, Serialize};

use crate::domain::exam_sections::CmrsSection;

/// One of the four CBCS-style domains, with its share of a CBCS-style exam.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum CbcsDomain {
    RevenueCycle,
    Eligibility,
    Coding,
    Billing,
}

impl CbcsDomain {
    /// Every domain, in the blueprint's order.
    pub const ALL: [CbcsDomain; 4] = [
        Self::RevenueCycle,
        Self::Eligibility,
        Self::Coding,
        Self::Billing,
    ];

    /// The domain's name, as question files spell it.
    pub fn name(self) -> &'static str {
        match self {
            Self::RevenueCycle => "Revenue Cycle & Regulatory Compliance",
            Self::Eligibility => "Insurance Eligibility & Other Payer Requirements",
            Self::Coding => "Coding & Coding Guidelines",
            Self::Billing => "Billing & Reimbursement",
        }
    }

    /// Its weight in percent: 15, 20, 32 and 33.
    pub fn weight(self) -> usize {
        match self {
            Self::RevenueCycle => 15,
            Self::Eligibility => 20,
            Self::Coding => 32,
            Self::Billing => 33,
        }
    }

    /// The domain with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(name.trim()))
    }
}

super::super::text_enum_serde!(CbcsDomain, name, from_name, "CBCS domain");

/// One of the CPC-style content areas, sampled evenly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum CpcArea {
    Em,
    Anesthesia,
    Surgery,
    Radiology,
    Pathology,
    Medicine,
    Modifiers,
    Terminology,
    Icd10Cm,
    Hcpcs,
    Guidelines,
    Compliance,
}

impl CpcArea {
    /// Every area, in the blueprint's order.
    pub const ALL: [CpcArea; 12] = [
        Self::Em,
        Self::Anesthesia,
        Self::Surgery,
        Self::Radiology,
        Self::Pathology,
        Self::Medicine,
        Self::Modifiers,
        Self::Terminology,
        Self::Icd10Cm,
        Self::Hcpcs,
        Self::Guidelines,
        Self::Compliance,
    ];

    /// The area's name, as question files spell it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Em => "E/M",
            Self::Anesthesia => "Anesthesia",
            Self::Surgery => "Surgery",
            Self::Radiology => "Radiology",
            Self::Pathology => "Pathology and Laboratory",
            Self::Medicine => "Medicine",
            Self::Modifiers => "Modifiers",
            Self::Terminology => "Medical Terminology and Anatomy",
            Self::Icd10Cm => "ICD-10-CM",
            Self::Hcpcs => "HCPCS Level II",
            Self::Guidelines => "Coding Guidelines",
            Self::Compliance => "Compliance",
        }
    }

    /// The area with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name.trim()))
    }
}

super::super::text_enum_serde!(CpcArea, name, from_name, "CPC area");

/// One multiple-choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique across the bank, e.g. `icd-017`.
    pub id: String,
    pub cmrs: CmrsSection,
    pub cbcs: CbcsDomain,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpc: Option<CpcArea>,
    /// 1 to 3.
    pub difficulty: u8,
    /// Choose every correct option.
    #[serde(default)]
    pub multi: bool,
    /// A short note for case-based questions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub case: String,
    pub stem: String,
    pub options: Vec<String>,
    /// Indices of the correct options.
    pub answer: Vec<usize>,
    pub rationale: String,
}

impl Question {
    /// True when `chosen` (original option indices, any order) is exactly the answer.
    pub fn is_correct(&self, chosen: &[usize]) -> bool {
        let mut a = self.answer.clone();
        let mut c = chosen.to_vec();
        a.sort_unstable();
        a.dedup();
        c.sort_unstable();
        c.dedup();
        !c.is_empty() && a == c
    }
}
