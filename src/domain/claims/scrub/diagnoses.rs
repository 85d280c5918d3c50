//! Edits on item 21: the ICD indicator, the order of the slots, and what ICD-10-CM says
//! about each code (from the `DiagnosisFacts` computed for the claim).

use super::{Finding, ScrubContext, finding};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::form::DX_LETTERS;
use crate::domain::codes::code_text::compact;

/// Runs the item 21 edits.
pub(super) fn check(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    if claim.get("21.ind") != "0" {
        out.push(finding(
            "icd-indicator",
            "21.ind",
            "Item 21's ICD indicator is not 0: write 0, which tells the payer the codes are ICD-10-CM.",
        ));
    }
    slots(claim, out);
    let diagnoses = claim.diagnoses();
    let mut seen: Vec<String> = Vec::new();
    for (letter, code) in &diagnoses {
        let field = format!("21.{letter}");
        let key = compact(code);
        if seen.contains(&key) {
            out.push(finding(
                "dx-duplicate",
                field.clone(),
                format!(
                    "Item 21{letter} repeats {code}, already listed above it: list each code once, remove this one and point 24E at the first."
                ),
            ));
        }
        seen.push(key);
        let Some(fact) = ctx.diagnoses.code(code) else {
            // Facts computed for another version of the claim say nothing about this
            // code; the next scrub, with fresh facts, will.
            continue;
        };
        if !fact.exists {
            out.push(finding(
                "dx-unknown",
                field,
                format!(
                    "Item 21{letter}: {} Look the condition up again in the index and the tabular list.",
                    fact.message
                ),
            ));
        } else if !fact.billable {
            out.push(finding(
                "dx-not-billable",
                field,
                format!("Item 21{letter}: {}", fact.message),
            ));
        }
    }
    set_findings(claim, ctx, &diagnoses, out);
    unused(claim, &diagnoses, out);
}

/// 21A must be filled, and the letters must run without gaps.
fn slots(claim: &Claim, out: &mut Vec<Finding>) {
    let filled: Vec<bool> = DX_LETTERS
        .iter()
        .map(|l| claim.has(&format!("21.{l}")))
        .collect();
    if !filled[0] {
        out.push(finding(
            "dx-missing",
            "21.A",
            "Item 21A is empty: the first-listed diagnosis, the main reason for the visit, goes in A. Move the codes up so they start at A.",
        ));
    }
    for (i, letter) in DX_LETTERS.iter().enumerate().skip(1) {
        if !filled[i] && filled[i + 1..].iter().any(|f| *f) {
            out.push(finding(
                "dx-gap",
                format!("21.{letter}"),
                format!(
                    "Item 21{letter} is empty but a later letter is filled: move the codes up so the letters run A, B, C... with no gaps, then update the pointers in 24E."
                ),
            ));
        }
    }
}

/// Excludes1 conflicts and a manifestation code listed first.
fn set_findings(
    claim: &Claim,
    ctx: &ScrubContext,
    diagnoses: &[(char, String)],
    out: &mut Vec<Finding>,
) {
    let slot = |code: &str| {
        diagnoses
            .iter()
            .find(|(_, c)| compact(c) == compact(code))
            .map(|(letter, _)| *letter)
    };
    for pair in &ctx.diagnoses.excludes1 {
        // Each conflict is reported once, at the later of the two slots.
        let (Some(a), Some(b)) = (slot(&pair.code), slot(&pair.excluded)) else {
            continue;
        };
        let later = a.max(b);
        let already = out
            .iter()
            .any(|f| f.edit == "dx-excludes1" && f.field == format!("21.{later}"));
        if !already {
            out.push(finding(
                "dx-excludes1",
                format!("21.{later}"),
                format!("Item 21{a} and 21{b}: {}", pair.message),
            ));
        }
    }
    if let Some(first) = &ctx.diagnoses.manifestation_first
        && slot(&first.code) == Some('A')
        && claim.has("21.A")
    {
        out.push(finding(
            "dx-manifestation-first",
            "21.A",
            format!("Item 21A: {}", first.message),
        ));
    }
}

/// A diagnosis no line points to.
fn unused(claim: &Claim, diagnoses: &[(char, String)], out: &mut Vec<Finding>) {
    let lines = claim.lines();
    if lines.iter().all(|l| l.code.is_empty()) {
        return;
    }
    for (letter, code) in diagnoses {
        if !lines.iter().any(|l| l.pointers.contains(letter)) {
            out.push(finding(
                "dx-unused",
                format!("21.{letter}"),
                format!(
                    "Item 21{letter} ({code}) is not pointed to by any service line: add {letter} to the 24E pointer of the line it supports, or remove it if no service was for it."
                ),
            ));
        }
    }
}
