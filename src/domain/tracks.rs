//! The learning tracks a lesson belongs to; the folder under `content/lessons/` names it.

use serde::{Deserialize, Serialize};

/// A course track such as medical terminology or billing; serialised as its slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub enum Track {
    MedicalTerminology,
    Anatomy,
    Icd10Cm,
    Cpt,
    Hcpcs,
    Billing,
    Compliance,
    InformationTechnology,
}

impl Track {
    /// Every track, in the order a certificate program teaches them.
    pub const ALL: [Track; 8] = [
        Self::MedicalTerminology,
        Self::Anatomy,
        Self::Icd10Cm,
        Self::Cpt,
        Self::Hcpcs,
        Self::Billing,
        Self::Compliance,
        Self::InformationTechnology,
    ];

    /// The track's slug: its folder name and its part of lesson URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Self::MedicalTerminology => "medical-terminology",
            Self::Anatomy => "anatomy",
            Self::Icd10Cm => "icd-10-cm",
            Self::Cpt => "cpt",
            Self::Hcpcs => "hcpcs",
            Self::Billing => "billing",
            Self::Compliance => "compliance",
            Self::InformationTechnology => "information-technology",
        }
    }

    /// The track's title as learners see it.
    pub fn title(self) -> &'static str {
        match self {
            Self::MedicalTerminology => "Medical terminology",
            Self::Anatomy => "Anatomy & physiology for coders",
            Self::Icd10Cm => "ICD-10-CM diagnosis coding",
            Self::Cpt => "CPT procedure coding",
            Self::Hcpcs => "HCPCS Level II",
            Self::Billing => "Billing & reimbursement",
            Self::Compliance => "Compliance",
            Self::InformationTechnology => "Information technology",
        }
    }

    /// Finds a track by its slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The list of valid slugs, for error messages.
    pub fn slugs() -> String {
        Self::ALL.map(Track::slug).join(", ")
    }
}

super::text_enum_serde!(Track, slug, from_slug, "track");
