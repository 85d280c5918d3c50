//! The scrubber's tests: every edit has a one-line case that trips it on a clean
//! fixture claim, and the clean claims trip nothing.

use std::collections::HashSet;

use super::cases::{CASES, CLEAN_CHANGES};
use super::fixtures::{Fixture, TEACHING_TOML, lists, scrub_for, teaching};
use super::{EDITS, Finding, Severity, blocks_submission};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::form;

use Fixture::{Commercial as C, Medicare as M};

fn ids(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.edit).collect()
}

#[test]
fn clean_claims_have_no_findings() {
    for fixture in Fixture::ALL {
        let findings = scrub_for(fixture, &fixture.claim());
        assert!(findings.is_empty(), "{fixture:?}: {findings:#?}");
    }
}

#[test]
fn every_case_trips_its_edit() {
    for (i, (edit, fixture, change)) in CASES.iter().enumerate() {
        let clean = scrub_for(*fixture, &fixture.claim());
        assert!(
            !ids(&clean).contains(edit),
            "case {i}: clean {fixture:?} trips {edit}"
        );
        let mut claim = fixture.claim();
        change(&mut claim);
        let findings = scrub_for(*fixture, &claim);
        assert!(
            ids(&findings).contains(edit),
            "case {i} ({fixture:?}) should trip {edit}: {findings:#?}"
        );
    }
}

#[test]
fn careful_changes_stay_clean() {
    for (i, (fixture, change)) in CLEAN_CHANGES.iter().enumerate() {
        let mut claim = fixture.claim();
        change(&mut claim);
        let findings: Vec<Finding> = scrub_for(*fixture, &claim)
            .into_iter()
            .filter(|f| f.edit != "ssn-privacy")
            .collect();
        assert!(
            findings.is_empty(),
            "change {i} ({fixture:?}): {findings:#?}"
        );
    }
}

#[test]
fn every_edit_has_a_case() {
    let tested: HashSet<&str> = CASES.iter().map(|(id, _, _)| *id).collect();
    for edit in EDITS {
        assert!(tested.contains(edit.id), "{} has no test case", edit.id);
    }
}

#[test]
fn catalog_is_well_formed() {
    let mut seen = HashSet::new();
    for edit in EDITS {
        assert!(seen.insert(edit.id), "{} twice", edit.id);
        assert!(
            crate::domain::slug::is_slug(edit.id)
                && !edit.id.starts_with('-')
                && !edit.id.ends_with('-'),
            "{}",
            edit.id
        );
        assert!(
            !edit.item.is_empty() && edit.summary.ends_with('.'),
            "{}",
            edit.id
        );
    }
    assert!(EDITS.len() >= 40, "{} edits", EDITS.len());
}

/// Every finding from every case, plus a claim of nonsense, uses a catalog id, names
/// a real box, cites an item or line, and comes in form order.
#[test]
fn findings_are_well_formed() {
    let known: HashSet<&str> = EDITS.iter().map(|e| e.id).collect();
    let mut nonsense = Claim::new();
    for field in form::FIELDS {
        nonsense.set(field.id, "é?,1");
    }
    for n in [1, 2, 6] {
        for field in form::LINE_FIELDS {
            nonsense.set(&form::line_id(n, field.id), "é?,1");
        }
    }
    let mut runs = vec![scrub_for(C, &nonsense), scrub_for(M, &Claim::new())];
    for (_, fixture, change) in CASES {
        let mut claim = fixture.claim();
        change(&mut claim);
        runs.push(scrub_for(*fixture, &claim));
    }
    for findings in runs {
        for f in &findings {
            assert!(known.contains(f.edit), "{} is not in EDITS", f.edit);
            assert!(
                form::find(&f.field).is_some(),
                "{}: no box {}",
                f.edit,
                f.field
            );
            assert!(
                f.message.contains("Item") || f.message.contains("Line"),
                "{}: {}",
                f.edit,
                f.message
            );
            assert_eq!(
                f.severity,
                EDITS
                    .iter()
                    .find(|e| e.id == f.edit)
                    .map(|e| e.severity)
                    .unwrap_or(Severity::Warning)
            );
        }
        let positions: Vec<_> = findings
            .iter()
            .map(|f| super::form_position(&f.field))
            .collect();
        assert!(positions.is_sorted(), "{findings:#?}");
    }
}

#[test]
fn rejects_block_submission() {
    let mut claim = C.claim();
    claim.set("26", "");
    let warnings = scrub_for(C, &claim);
    assert_eq!(ids(&warnings), ["account-number-missing"]);
    assert!(!blocks_submission(&warnings));
    claim.set("1a", "");
    assert!(blocks_submission(&scrub_for(C, &claim)));
    assert!(!blocks_submission(&[]));
}

#[test]
fn lines_sit_between_items_23_and_25() {
    let mut claim = C.claim();
    claim.set("23", "");
    claim.set("25", "");
    claim.set("24.2.f", "");
    claim.set("21.ind", "");
    let fields: Vec<String> = scrub_for(C, &claim).into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["21.ind", "24.2.f", "25", "28"]);
}

#[test]
fn severity_labels_and_json() {
    assert_eq!(Severity::Reject.label(), "Rejects the claim");
    assert_eq!(Severity::DenyRisk.label(), "Risk of denial");
    assert_eq!(Severity::Warning.label(), "Warning");
    let json = serde_json::to_string(&Severity::DenyRisk).expect("serializes");
    assert_eq!(json, "\"deny-risk\"");
}

#[test]
fn teaching_edits_use_codes_we_ship() {
    let edits = teaching();
    assert!(TEACHING_TOML.contains("NOT CMS's files"));
    assert!(edits.bundles.len() >= 15 && edits.unit_limits.len() >= 20);
    let lists = lists();
    let mut pairs = HashSet::new();
    for pair in &edits.bundles {
        assert!(lists.cpt.contains(&pair.column1), "{}", pair.column1);
        assert!(lists.cpt.contains(&pair.column2), "{}", pair.column2);
        assert_ne!(pair.column1, pair.column2);
        assert!(
            pairs.insert((&pair.column1, &pair.column2)),
            "{pair:?} twice"
        );
        assert!(!pair.note.is_empty());
    }
    let mut codes = HashSet::new();
    for limit in &edits.unit_limits {
        assert!(lists.has_procedure(&limit.code), "{}", limit.code);
        assert!(codes.insert(&limit.code), "{} twice", limit.code);
        assert!(limit.max_per_day >= 1 && !limit.note.is_empty());
    }
    let hcpcs = edits
        .unit_limits
        .iter()
        .filter(|l| lists.hcpcs.contains(&l.code))
        .count();
    assert!(hcpcs >= 15, "{hcpcs} HCPCS limits");
}

/// Every box id on the form, lines included.
fn all_boxes() -> Vec<String> {
    let mut ids: Vec<String> = form::FIELDS.iter().map(|f| f.id.to_string()).collect();
    for n in 1..=form::MAX_LINES {
        ids.extend(form::LINE_FIELDS.iter().map(|f| form::line_id(n, f.id)));
    }
    ids
}

proptest::proptest! {
    /// Whatever is typed into whichever boxes, the scrubber answers with catalog ids
    /// at real boxes, and never panics.
    #[test]
    fn any_typing_gives_catalog_findings(
        typed in proptest::collection::vec((0usize..200, "\\PC{0,12}"), 0..30),
        base in 0usize..2,
    ) {
        let boxes = all_boxes();
        let fixture = [C, M][base];
        let mut claim = fixture.claim();
        for (at, value) in typed {
            claim.set(&boxes[at % boxes.len()], value);
        }
        for f in scrub_for(fixture, &claim) {
            proptest::prop_assert!(EDITS.iter().any(|e| e.id == f.edit), "{}", f.edit);
            proptest::prop_assert!(form::find(&f.field).is_some(), "{}", f.field);
        }
    }
}
