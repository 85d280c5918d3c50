//! ICD-10-CM: the shipped data against the release's official counts, the validator's
//! verdicts, the set checks, and the converter.

use std::sync::OnceLock;

use billable::content::icd10cm_xml::convert;
use billable::domain::codes::icd10cm::{EntryKind, Icd10Cm};
use billable::domain::codes::icd10cm_data::parse;
use billable::domain::codes::set_checks::{SetFinding, check_set};
use billable::domain::codes::validate::{Verdict, validate};

/// The shipped code set, parsed once for all tests.
pub fn icd10cm() -> &'static Icd10Cm {
    static SET: OnceLock<Icd10Cm> = OnceLock::new();
    SET.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/codes/icd10cm.txt");
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

#[test]
fn official_counts() {
    let set = icd10cm();
    let count = |kind| set.entries().iter().filter(|e| e.kind == kind).count();
    assert_eq!(count(EntryKind::Chapter), 22);
    assert_eq!(count(EntryKind::Block), 297);
    // Every <diag> element of the source XML: CDC's 46,635 plus 246 that the
    // simple-icd-10-cm package marks placeholder="true" (X-padded levels such as H21.1X).
    assert_eq!(count(EntryKind::Code), 46_881);
    // CDC's count of codes valid for reporting in FY2026, which the expanded code list
    // of the April 1, 2026 release also gives.
    assert_eq!(set.billable_count(), 74_719);
    assert!(set.release().contains("April 1, 2026"), "{}", set.release());
}

fn check(input: &str, expected: &str) {
    let verdict = validate(icd10cm(), input);
    let shown = match &verdict {
        Verdict::Billable { code, .. } => format!("billable {code}"),
        Verdict::NotBillable {
            code,
            more,
            children,
            ..
        } => format!("not billable {code} +{more} ({} children)", children.len()),
        Verdict::NeedsSeventh { stem, choices, .. } => format!(
            "needs 7th {stem}? ({})",
            choices.iter().map(|c| c.0).collect::<String>()
        ),
        Verdict::PlaceholderMissing { suggestion, .. } => format!("placeholder {suggestion}"),
        Verdict::Unknown { code, nearest } => format!(
            "unknown {code} near {}",
            nearest.as_ref().map_or("-", |n| n.0.as_str())
        ),
        Verdict::Malformed(e) => format!("malformed {e:?}"),
    };
    assert_eq!(shown, expected, "{input:?}: {}", verdict.message());
    assert!(!verdict.message().is_empty());
}

#[test]
fn verdicts() {
    check("E11.9", "billable E11.9");
    check(" e119 ", "billable E11.9");
    check("E11", "not billable E11 +1 (10 children)");
    check("E11.2", "not billable E11.2 +1 (3 children)");
    check("I10", "billable I10");
    check("S72.001A", "billable S72.001A");
    check("s72001a", "billable S72.001A");
    check("S72.001", "needs 7th S72.001? (ABCDEFGHJKMNPQRS)");
    check("S72.001Z", "needs 7th S72.001? (ABCDEFGHJKMNPQRS)");
    check("S52.521A", "billable S52.521A");
    check("S52.521", "needs 7th S52.521? (ADGKPS)");
    check("S13.4", "needs 7th S13.4XX? (ADS)");
    check("S13.4XXA", "billable S13.4XXA");
    check("S13.4A", "placeholder S13.4XXA");
    check("T36.0X1A", "billable T36.0X1A");
    check("T36.01A", "placeholder T36.0X1A");
    check("T36.0X1", "needs 7th T36.0X1? (ADS)");
    check("E11.99", "unknown E11.99 near E11.9");
    check("Q99.9", "billable Q99.9");
    check("Z99.99", "unknown Z99.99 near Z99");
    check("", "malformed Empty");
    check("E11-9", "malformed BadCharacter('-')");
    check("E1.19", "malformed MisplacedDot");
    check("99213", "malformed NoLetterFirst(\"99213\")");
    check("E11.12345", "malformed BadLength(\"E1112345\", 8)");
}

#[test]
fn seventh_character_titles_read_in_full() {
    match validate(icd10cm(), "S52.521A") {
        Verdict::Billable { title, .. } => assert_eq!(
            title,
            "Torus fracture of lower end of right radius, initial encounter for closed fracture"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn set_checks() {
    let set = icd10cm();
    let findings = check_set(set, &["E11.9", "E10.9"]);
    assert!(
        findings.iter().any(|f| matches!(f, SetFinding::Excludes1 { code, excluded, .. } if code == "E11.9" && excluded == "E10.9")),
        "{findings:?}"
    );
    assert_eq!(check_set(set, &["E11.9", "I10"]), vec![]);
    let manifestation = check_set(set, &["G63", "E11.42"]);
    assert_eq!(
        manifestation,
        vec![SetFinding::ManifestationFirst { code: "G63".into() }]
    );
    assert_eq!(
        check_set(set, &["E11.42", "G63"]),
        vec![],
        "etiology first is right"
    );
    for finding in check_set(set, &["G63", "E11.9", "E10.9"]) {
        assert!(!finding.message().is_empty());
    }
}

const SAMPLE_XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2026</version>
  <chapter>
    <name>19</name>
    <desc>Injury (S00-T88)</desc>
    <sectionIndex><sectionRef first="S10" last="S19" id="S10-S19">Neck</sectionRef></sectionIndex>
    <section id="S10-S19">
      <desc>Injuries to the neck (S10-S19)</desc>
      <diag>
        <name>S13</name>
        <desc>Dislocation and sprain of joints and ligaments at neck level</desc>
        <excludes2><note>strain of muscle
           at neck level (S16.1)</note></excludes2>
        <sevenChrNote><note>The appropriate 7th character is to be added to each code from category S13</note></sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter</extension>
          <extension char="S">sequela</extension>
        </sevenChrDef>
        <diag>
          <name>S13.4</name>
          <desc>Sprain of ligaments of cervical spine</desc>
          <inclusionTerm><note>Whiplash injury of cervical spine</note></inclusionTerm>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>"#;

/// The expanded code list for the sample: S13.4 takes only A here, to show the
/// converter narrowing 7th characters to what the list allows.
const SAMPLE_LIST: &str = "19\nS10-S19\nS13\nS134\nS134XXA\n";

const SAMPLE_DATA: &str = "ICD10CM\ttest release
C\t19\tInjury (S00-T88)
B\tS10-S19\tInjuries to the neck (S10-S19)
D\tS13\tDislocation and sprain of joints and ligaments at neck level
2\tstrain of muscle at neck level (S16.1)
s\tThe appropriate 7th character is to be added to each code from category S13
x\tA\tinitial encounter
x\tS\tsequela
D\tS13.4\tSprain of ligaments of cervical spine
t\tWhiplash injury of cervical spine
x\tA\tinitial encounter
";

#[test]
fn converter_output_is_exact_and_deterministic() {
    let first = convert(SAMPLE_XML, SAMPLE_LIST, "test release").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first, SAMPLE_DATA);
    assert_eq!(
        convert(SAMPLE_XML, SAMPLE_LIST, "test release").ok(),
        Some(first)
    );
    let set = parse(SAMPLE_DATA).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(set.billable_count(), 1);
    assert_eq!(
        validate(&set, "S13.4XXA").message(),
        "S13.4XXA is valid and billable: Sprain of ligaments of cervical spine, initial encounter."
    );
    assert!(matches!(
        validate(&set, "S13.4XXS"),
        Verdict::NeedsSeventh { .. }
    ));
}

#[test]
fn converter_and_parser_refuse_damage() {
    assert!(convert("<not-closed>", SAMPLE_LIST, "r").is_err());
    assert!(convert("<other/>", SAMPLE_LIST, "r").is_err());
    assert!(
        convert(SAMPLE_XML, "", "r").is_err(),
        "a code with no listed 7th-character form is refused"
    );
    assert!(parse("").is_err());
    assert!(parse("HELLO\tworld\n").is_err());
    let damaged = SAMPLE_DATA.replace("D\tS13.4\t", "Q\tS13.4\t");
    let message = parse(&damaged)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("line 9"), "{message}");
}
