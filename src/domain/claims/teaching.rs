//! Teaching edits we wrote ourselves: procedure-to-procedure bundling pairs and
//! per-day unit limits. They are **teaching data**, modelled on how NCCI edits and
//! MUEs work, and are not CMS's files (which may not be shipped). Read from
//! `content/claims/teaching-edits.toml`.

use serde::{Deserialize, Serialize};

/// A pair of codes that are not paid together on one day for one patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundlePair {
    /// The comprehensive code, which is paid.
    pub column1: String,
    /// The component code, which is denied when billed with it.
    pub column2: String,
    /// True when a distinct-service modifier (59, XE, XS, XP, XU) on the component
    /// may unbundle the pair, where the documentation supports it.
    pub modifier_allowed: bool,
    /// Why, in our words.
    pub note: String,
}

/// The most units of a code billable for one patient on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitLimit {
    pub code: String,
    pub max_per_day: u32,
    /// Why, in our words.
    pub note: String,
}

/// Every teaching edit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeachingEdits {
    #[serde(default, rename = "bundle")]
    pub bundles: Vec<BundlePair>,
    #[serde(default, rename = "unit_limit")]
    pub unit_limits: Vec<UnitLimit>,
}

/// Modifiers that mark a distinct procedural service.
pub const DISTINCT_MODIFIERS: [&str; 5] = ["59", "XE", "XS", "XP", "XU"];

impl TeachingEdits {
    /// The pair whose component is `component` when billed with `comprehensive`.
    pub fn bundle(&self, comprehensive: &str, component: &str) -> Option<&BundlePair> {
        self.bundles
            .iter()
            .find(|b| b.column1 == comprehensive && b.column2 == component)
    }

    /// The per-day limit for a code, if there is one.
    pub fn unit_limit(&self, code: &str) -> Option<&UnitLimit> {
        self.unit_limits.iter().find(|u| u.code == code)
    }
}
