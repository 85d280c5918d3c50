//! Every shipped lesson keeps the content rules (checked by `content::lint`, which is
//! itself tested here on broken samples), and the curriculum covers what the issue
//! and the CMRS exam ask for.

use std::sync::OnceLock;

use billable::content::glossary::{build, link_marks, marks, slug};
use billable::content::lint::{CodeLists, LintKind, is_icd_shaped, lint, shaped};
use billable::content::{LESSON_SOURCES, catalog};
use billable::domain::codes::cpt::{CptCode, parse_cpt};
use billable::domain::codes::hcpcs::{HcpcsCode, parse_hcpcs};
use billable::domain::exam_sections::CmrsSection;
use billable::domain::tracks::Track;

fn lists() -> &'static (Vec<CptCode>, Vec<HcpcsCode>) {
    static LISTS: OnceLock<(Vec<CptCode>, Vec<HcpcsCode>)> = OnceLock::new();
    LISTS.get_or_init(|| {
        let cpt = parse_cpt(include_str!("../../content/codes/cpt.tsv"))
            .unwrap_or_else(|e| panic!("cpt.tsv {e}"));
        let hcpcs = parse_hcpcs(include_str!("../../content/codes/hcpcs.tsv"))
            .unwrap_or_else(|e| panic!("hcpcs.tsv {e}"));
        (cpt, hcpcs)
    })
}

fn code_lists() -> CodeLists<'static> {
    let (cpt, hcpcs) = lists();
    CodeLists::new(crate::icd10cm::icd10cm(), cpt, hcpcs)
}

#[test]
fn every_lesson_keeps_every_rule() {
    let problems = lint(LESSON_SOURCES, &code_lists());
    assert!(
        problems.is_empty(),
        "lesson files break the content rules:\n{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    assert_eq!(catalog.lessons().len(), LESSON_SOURCES.len());
}

/// A lesson that keeps every rule, with `body` in place of its prose, for breaking one
/// rule at a time.
fn lesson_with(body: &str) -> String {
    let prose = "Claims move from the office to the payer and back again. ".repeat(60);
    let check = "```check\nWhich is right?\n- [x] This one\n- [ ] That one\nRationale: This one is right for a stated reason.\n```\n";
    format!(
        "---\ntitle: Rules\ntrack: billing\nminutes: 10\nsections: Insurance\nobjectives:\n  - Keep the rules\n---\n{prose}\n\n{body}\n\n[[Payer]] pays.\n\n```glossary\nPayer: The organization that pays the claim.\n```\n\n{}",
        check.repeat(4)
    )
}

fn kinds(sources: &[(&str, &str)]) -> Vec<LintKind> {
    lint(sources, &code_lists())
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

#[test]
fn lint_names_each_broken_rule() {
    let path = "content/lessons/billing/01-rules.md";
    let good = lesson_with("Code `E11.9` and `J1100` and `99213`.");
    assert_eq!(kinds(&[(path, &good)]), vec![]);
    let cases: Vec<(&str, LintKind)> = vec![
        (
            "Call 212-555-1234.",
            LintKind::RealPhone("212-555-1234".into()),
        ),
        (
            "Member 123-45-6789.",
            LintKind::SsnShaped("123-45-6789".into()),
        ),
        ("A line<br>break.", LintKind::RawHtml("<br>".into())),
        (
            "Code `E11` alone.",
            LintKind::IcdNotReportable {
                code: "E11".into(),
                message: String::new(),
            },
        ),
        (
            "Code Q99.99 here.",
            LintKind::IcdUnknown {
                code: "Q99.99".into(),
                message: String::new(),
            },
        ),
        ("Drug J9999 here.", LintKind::HcpcsUnknown("J9999".into())),
        ("Visit `12345` here.", LintKind::CptUnknown("12345".into())),
        ("Visit 99999 here.", LintKind::CptUnknown("99999".into())),
        (
            "See [[no such term]].",
            LintKind::UnknownTerm("no such term".into()),
        ),
    ];
    for (body, expected) in cases {
        let text = lesson_with(body);
        let found = kinds(&[(path, &text)]);
        let same = |k: &LintKind| match (k, &expected) {
            (
                LintKind::IcdNotReportable { code: a, .. },
                LintKind::IcdNotReportable { code: b, .. },
            )
            | (LintKind::IcdUnknown { code: a, .. }, LintKind::IcdUnknown { code: b, .. }) => {
                a == b
            }
            _ => k == &expected,
        };
        assert!(
            found.len() == 1 && same(&found[0]),
            "{body:?} should give only {expected:?}, gave {found:?}"
        );
    }
    // Not flagged: range ends, a category without backticks, a ZIP-like number, a
    // wrong option's deliberately wrong code, and a fictional phone number.
    let fine = lesson_with(
        "Block E08-E13 and category E11, range 12001-13160, ZIP 10001, call 555-0142.\n\n```check\nPick.\n- [x] `E11.9`\n- [ ] `E11`\nRationale: E11.9 is complete; the category is not.\n```",
    );
    assert_eq!(kinds(&[(path, &fine)]), vec![]);
}

#[test]
fn lint_checks_minimums_and_the_glossary_across_files() {
    let short = "---\ntitle: Short\ntrack: billing\nminutes: 5\nsections: Insurance\nobjectives:\n  - One\n---\nToo short.\n\n```check\nQ?\n- [x] a\n- [ ] b\nRationale: Short.\n```\n\n```glossary\nLonely term: Defined but never marked.\n```\n";
    let found = kinds(&[("content/lessons/billing/01-short.md", short)]);
    assert!(found.contains(&LintKind::TooFewWords(2)), "{found:?}");
    assert!(found.contains(&LintKind::TooFewChecks(1)), "{found:?}");
    assert!(found.contains(&LintKind::ThinRationale), "{found:?}");
    assert!(
        found.contains(&LintKind::TermNeverMarked("Lonely term".into())),
        "{found:?}"
    );
    let one = lesson_with("One.");
    let two = lesson_with("Two.");
    let found = kinds(&[
        ("content/lessons/billing/01-one.md", &one),
        ("content/lessons/billing/02-two.md", &two),
    ]);
    assert_eq!(
        found,
        vec![LintKind::TermDefinedTwice {
            term: "Payer".into(),
            first: "content/lessons/billing/01-one.md".into()
        }]
    );
}

#[test]
fn code_shapes() {
    assert!(is_icd_shaped("E11.9") && is_icd_shaped("Z23") && is_icd_shaped("S52.521A"));
    assert!(!is_icd_shaped("J1100") && !is_icd_shaped("E11.") && !is_icd_shaped("e11.9"));
    assert_eq!(
        shaped("ssn 123-45-6789 here", "ddd-dd-dddd"),
        vec!["123-45-6789"]
    );
    assert_eq!(
        shaped("call 555-0142 or 212-555-0199", "ddd-dddd"),
        vec!["555-0142"]
    );
}

#[test]
fn glossary_marks_link_to_entries() {
    let text = "A [[prefix]] and two [[suffixes|Suffix]]; [[]] and [[ a ] b]] are not marks.";
    let found: Vec<_> = marks(text)
        .into_iter()
        .map(|(_, m)| (m.shown, m.term))
        .collect();
    assert_eq!(found, vec![("prefix", "prefix"), ("suffixes", "Suffix")]);
    assert_eq!(
        link_marks("Two [[suffixes|Suffix]]."),
        "Two [suffixes](/glossary#suffix)."
    );
    assert_eq!(slug("Excludes1 note"), "excludes1-note");
    assert_eq!(slug("CMS-1500 (02/12)"), "cms-1500-02-12");
}

#[test]
fn curriculum_meets_the_issue() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let index = catalog.index();
    let minimums = [
        (Track::MedicalTerminology, 8),
        (Track::Anatomy, 6),
        (Track::Icd10Cm, 8),
        (Track::Cpt, 7),
        (Track::Hcpcs, 3),
        (Track::Billing, 10),
        (Track::Compliance, 4),
        (Track::InformationTechnology, 2),
    ];
    for (track, least) in minimums {
        let n = index.in_track(track).count();
        assert!(
            n >= least,
            "{} has {n} lessons; it needs {least}",
            track.title()
        );
    }
    assert!(
        index.lessons().len() >= 48,
        "{} lessons",
        index.lessons().len()
    );
    for section in CmrsSection::ALL {
        let n = index
            .lessons()
            .iter()
            .filter(|l| l.sections.contains(&section))
            .count();
        assert!(
            n >= 2,
            "CMRS section {} is covered by {n} lessons",
            section.name()
        );
    }
    let glossary = build(catalog);
    assert!(
        glossary.entries.len() >= 300,
        "the glossary has {} terms",
        glossary.entries.len()
    );
    assert!(
        glossary
            .entries
            .iter()
            .all(|e| e.used_in.contains(&e.defined_in)),
        "every term is marked in the lesson that defines it"
    );
}

#[test]
fn stats_tool_reports_the_catalogue() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let stats = crate::support::tool(&["stats"]);
    assert_eq!(stats["lessons"], catalog.lessons().len());
    let checks: usize = catalog.lessons().iter().map(|l| l.checks.len()).sum();
    assert_eq!(stats["checks"], checks);
    assert_eq!(stats["glossary_terms"], build(catalog).entries.len());
    assert_eq!(stats["cmrs_sections"].as_array().map(Vec::len), Some(16));
}
