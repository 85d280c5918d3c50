//! The claim scrubber: the edits a clearinghouse and a payer's front end run on a
//! CMS-1500 before it is paid, as data. `scrub` returns findings in form order; an
//! empty list is a clean claim. Every id a finding carries is in `EDITS`.
//!
//! The scrubber is pure: the day the claim is sent, the payer, the reference lists, the
//! teaching edits and the ICD-10-CM facts are all passed in.

mod across;
mod catalog;
mod diagnoses;
mod formats;
mod lines;
mod patient;
mod provider;

#[cfg(test)]
mod cases;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::diagnosis_facts::DiagnosisFacts;
use super::form::{FIELDS, LINE_FIELDS};
use super::payer::Payer;
use super::teaching::TeachingEdits;
use crate::domain::codes::cpt::{CptCode, parse_cpt};
use crate::domain::codes::hcpcs::{HcpcsCode, parse_hcpcs};
use crate::domain::codes::modifiers::{Modifier, parse_modifiers};
use crate::domain::codes::place_of_service::{PlaceOfService, parse_places};
use crate::domain::dates::Day;

pub use catalog::EDITS;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The clearinghouse or payer sends the claim back unprocessed: fix and resend.
    Reject,
    /// The claim is accepted but is likely to be denied, in whole or for a line.
    DenyRisk,
    /// Worth a look; the claim may still be paid as it is.
    Warning,
}

impl Severity {
    /// The label shown beside a finding.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Reject => "Rejects the claim",
            Severity::DenyRisk => "Risk of denial",
            Severity::Warning => "Warning",
        }
    }
}

/// One edit in the catalog: what it checks, how bad it is, and which item it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// A stable kebab-case id, e.g. `npi-check-digit`.
    pub id: &'static str,
    /// How bad a finding from this edit is.
    pub severity: Severity,
    /// The item number(s) it reads, as printed on the form ("24J", "5, 7, 33").
    pub item: &'static str,
    /// What the edit checks, in one sentence.
    pub summary: &'static str,
}

/// One problem found on a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The id of the edit in `EDITS` that found it.
    pub edit: &'static str,
    /// The edit's severity.
    pub severity: Severity,
    /// The box to fix: an id from `form`, e.g. `"24.2.d"` or `"33a"`.
    pub field: String,
    /// What is wrong and how to fix it, citing the item number.
    pub message: String,
}

/// The reference lists a claim's codes must come from, as sets of upper-cased codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeLists {
    /// CPT codes (ours, plus any the learner imported).
    pub cpt: HashSet<String>,
    /// HCPCS Level II codes.
    pub hcpcs: HashSet<String>,
    /// CPT and HCPCS modifiers.
    pub modifiers: HashSet<String>,
    /// Two-digit place-of-service codes.
    pub places: HashSet<String>,
}

impl CodeLists {
    /// The sets for the parsed reference lists.
    pub fn new(
        cpt: &[CptCode],
        hcpcs: &[HcpcsCode],
        modifiers: &[Modifier],
        places: &[PlaceOfService],
    ) -> CodeLists {
        let upper = |code: &str| code.trim().to_ascii_uppercase();
        CodeLists {
            cpt: cpt.iter().map(|c| upper(&c.code)).collect(),
            hcpcs: hcpcs.iter().map(|c| upper(&c.code)).collect(),
            modifiers: modifiers.iter().map(|m| upper(&m.code)).collect(),
            places: places.iter().map(|p| upper(&p.code)).collect(),
        }
    }

    /// Reads the four lists from their files' text, given in `FILES` order; the error
    /// names the damaged file and where.
    pub fn from_files(texts: &[String]) -> Result<CodeLists, (&'static str, String)> {
        let [cpt, hcpcs, modifiers, places] = texts else {
            return Err((Self::FILES[0], "not every list was read".into()));
        };
        let damaged = |i: usize| move |e: String| (Self::FILES[i], e);
        Ok(CodeLists::new(
            &parse_cpt(cpt).map_err(|e| damaged(0)(e.to_string()))?,
            &parse_hcpcs(hcpcs).map_err(|e| damaged(1)(e.to_string()))?,
            &parse_modifiers(modifiers).map_err(|e| damaged(2)(e.to_string()))?,
            &parse_places(places).map_err(|e| damaged(3)(e.to_string()))?,
        ))
    }

    /// Where the app serves the lists, in the order `from_files` reads them.
    pub const FILES: [&'static str; 4] = [
        "/codes/cpt.tsv",
        "/codes/hcpcs.tsv",
        "/codes/modifiers.tsv",
        "/codes/place-of-service.tsv",
    ];

    /// True when the code is in the CPT or the HCPCS list.
    pub fn has_procedure(&self, code: &str) -> bool {
        self.cpt.contains(code) || self.hcpcs.contains(code)
    }
}

/// Everything the scrubber needs besides the claim.
#[derive(Clone, Copy, Debug)]
pub struct ScrubContext<'a> {
    /// The day the claim is sent.
    pub today: Day,
    /// The payer it goes to.
    pub payer: &'a Payer,
    /// The code lists its codes must come from.
    pub lists: &'a CodeLists,
    /// Bundling pairs and unit limits.
    pub teaching: &'a TeachingEdits,
    /// What ICD-10-CM says about the claim's diagnosis codes.
    pub diagnoses: &'a DiagnosisFacts,
}

/// Runs every edit on the claim. Findings come in form order (item 1 first, the
/// service lines between items 23 and 25); an empty list means the claim is clean.
pub fn scrub(claim: &Claim, ctx: &ScrubContext) -> Vec<Finding> {
    let mut found = Vec::new();
    patient::check(claim, ctx, &mut found);
    provider::check(claim, ctx, &mut found);
    diagnoses::check(claim, ctx, &mut found);
    lines::check(claim, ctx, &mut found);
    across::check(claim, ctx, &mut found);
    found.sort_by_key(|f| form_position(&f.field));
    found
}

/// True when any finding rejects the claim, so it should not be sent as it is.
pub fn blocks_submission(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Reject)
}

/// A finding from the edit `edit` at box `field`, with the catalog's severity.
fn finding(edit: &'static str, field: impl Into<String>, message: impl Into<String>) -> Finding {
    Finding {
        edit,
        severity: catalog::severity(edit),
        field: field.into(),
        message: message.into(),
    }
}

/// Where a box sits on the form, for sorting: claim-level boxes by their place in
/// `FIELDS`, and the service lines (item 24) between item 23 and item 25.
fn form_position(field: &str) -> (usize, usize, usize) {
    let index = |id: &str| FIELDS.iter().position(|f| f.id == id);
    let lines_at = index("25").unwrap_or(FIELDS.len());
    if let Some(rest) = field.strip_prefix("24.") {
        let (line, line_box) = rest.split_once('.').unwrap_or((rest, ""));
        let line = line.parse().unwrap_or(0);
        let line_box = LINE_FIELDS
            .iter()
            .position(|f| f.id == line_box)
            .unwrap_or(0);
        return (lines_at, line, line_box);
    }
    match index(field) {
        Some(i) if i >= lines_at => (i + 1, 0, 0),
        Some(i) => (i, 0, 0),
        None => (FIELDS.len() + 1, 0, 0),
    }
}
