//! The sixteen sections of AMBA's CMRS exam, which lessons name in their front matter.

use serde::{Deserialize, Serialize};

/// One CMRS exam section; lessons say which sections they prepare a learner for.
/// Serialised as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum CmrsSection {
    MedicalTerminology,
    AnatomyPhysiology,
    InformationTechnology,
    WebIt,
    Icd10Cm,
    Cpt,
    Clearinghouses,
    Cms1500,
    Insurance,
    InsuranceCarriers,
    Acronyms,
    Compliance,
    FraudAbuse,
    ManagedCare,
    General,
    CaseStudy,
}

impl CmrsSection {
    /// Every section, in the order AMBA lists them.
    pub const ALL: [CmrsSection; 16] = [
        Self::MedicalTerminology,
        Self::AnatomyPhysiology,
        Self::InformationTechnology,
        Self::WebIt,
        Self::Icd10Cm,
        Self::Cpt,
        Self::Clearinghouses,
        Self::Cms1500,
        Self::Insurance,
        Self::InsuranceCarriers,
        Self::Acronyms,
        Self::Compliance,
        Self::FraudAbuse,
        Self::ManagedCare,
        Self::General,
        Self::CaseStudy,
    ];

    /// The section's name as AMBA writes it, and as lesson front matter spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::MedicalTerminology => "Medical Terminology",
            Self::AnatomyPhysiology => "Anatomy & Physiology",
            Self::InformationTechnology => "Information Technology",
            Self::WebIt => "Web & IT",
            Self::Icd10Cm => "ICD-10-CM",
            Self::Cpt => "CPT",
            Self::Clearinghouses => "Clearinghouses",
            Self::Cms1500 => "CMS-1500",
            Self::Insurance => "Insurance",
            Self::InsuranceCarriers => "Insurance Carriers",
            Self::Acronyms => "Acronyms",
            Self::Compliance => "Compliance",
            Self::FraudAbuse => "Fraud & Abuse",
            Self::ManagedCare => "Managed Care",
            Self::General => "General",
            Self::CaseStudy => "Case Study",
        }
    }

    /// Finds a section by its name, ignoring case and surrounding spaces.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

super::text_enum_serde!(CmrsSection, name, from_name, "CMRS section");
