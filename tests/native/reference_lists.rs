//! The CPT, modifier and place-of-service lists: they parse, they hold what coders
//! need. (That lessons cite only listed codes is checked by `content::lint`.)

use billable::domain::codes::cpt::{CptCode, SECTIONS, parse_cpt};
use billable::domain::codes::modifiers::{Modifier, ModifierSet, parse_modifiers};
use billable::domain::codes::place_of_service::parse_places;
use billable::domain::codes::tsv::TsvError;

fn cpt() -> Vec<CptCode> {
    parse_cpt(include_str!("../../content/codes/cpt.tsv")).unwrap_or_else(|e| panic!("cpt.tsv {e}"))
}

fn modifiers() -> Vec<Modifier> {
    parse_modifiers(include_str!("../../content/codes/modifiers.tsv"))
        .unwrap_or_else(|e| panic!("modifiers.tsv {e}"))
}

#[test]
fn cpt_list_covers_every_section() {
    let codes = cpt();
    assert!(
        codes.len() >= 250,
        "{} CPT codes; the list needs at least 250",
        codes.len()
    );
    for section in SECTIONS {
        let n = codes.iter().filter(|c| c.section == section).count();
        assert!(n >= 10, "{section} has {n} codes");
    }
    for em in [
        "99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215",
    ] {
        assert!(
            codes
                .iter()
                .any(|c| c.code == em && c.level_basis.is_some()),
            "{em}"
        );
    }
    for deleted in ["99201", "99241", "99251", "11100", "71020"] {
        assert!(
            codes.iter().all(|c| c.code != deleted),
            "{deleted} was deleted from CPT"
        );
    }
}

#[test]
fn modifiers_cover_the_common_ones() {
    let list = modifiers();
    let has = |code: &str, set: ModifierSet| list.iter().any(|m| m.code == code && m.set == set);
    for code in [
        "25", "26", "50", "51", "57", "59", "76", "77", "78", "79", "91", "95",
    ] {
        assert!(has(code, ModifierSet::Cpt), "CPT modifier {code}");
    }
    let mut hcpcs = vec![
        "LT", "RT", "GA", "GY", "GZ", "JW", "JZ", "KX", "XE", "XS", "XP", "XU", "TC", "FA", "TA",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    hcpcs.extend((1..=9).flat_map(|d| [format!("F{d}"), format!("T{d}")]));
    for code in &hcpcs {
        assert!(has(code, ModifierSet::Hcpcs), "HCPCS modifier {code}");
    }
    assert!(list.iter().filter(|m| m.set == ModifierSet::Hcpcs).count() >= 40);
}

#[test]
fn places_of_service_are_the_cms_list() {
    let places = parse_places(include_str!("../../content/codes/place-of-service.tsv"))
        .unwrap_or_else(|e| panic!("{e}"));
    let name = |code: &str| {
        places
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.name.as_str())
    };
    assert_eq!(name("11"), Some("Office"));
    assert_eq!(
        name("02"),
        Some("Telehealth Provided Other than in Patient's Home")
    );
    assert_eq!(name("10"), Some("Telehealth Provided in Patient's Home"));
    assert_eq!(name("21"), Some("Inpatient Hospital"));
    assert_eq!(name("99"), Some("Other Place of Service"));
    assert_eq!(name("28"), None, "28 is unassigned");
    assert_eq!(places.len(), 52);
}

#[test]
fn bad_rows_are_named_by_line() {
    let header = "code\tsection\tsummary\tlevel_basis\n";
    let cases: [(String, &str); 6] = [
        (
            "code,section\n".to_string(),
            "line 1: the first line must be the header",
        ),
        (
            format!("{header}9921\tE/M\tx\ty\n"),
            "line 2: \"9921\" is not a CPT code",
        ),
        (
            format!("{header}99213\tE/M\tx\n"),
            "line 2: expected 4 tab-separated fields, found 3",
        ),
        (
            format!("{header}99213\tVisits\tx\ty\n"),
            "line 2: unknown section",
        ),
        (
            format!("{header}99213\tE/M\tx\t\n"),
            "line 2: 99213: level_basis is for E/M codes",
        ),
        (
            format!("{header}\n99213\tE/M\tx\ty\n99213\tE/M\tx\ty\n"),
            "line 4: 99213 is listed twice",
        ),
    ];
    for (text, expected) in cases {
        let error: Result<_, TsvError> = parse_cpt(&text);
        let message = error.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with(expected),
            "{message:?} should start with {expected:?}"
        );
    }
}
