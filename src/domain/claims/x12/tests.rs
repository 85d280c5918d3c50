//! The 837P against its reviewed fixture, and the rules every rendering keeps.

use super::*;

fn reference() -> Vec<Segment> {
    render_837p(&example::claim(), &example::payer(), &example::envelope())
        .expect("the reference claim renders")
}

fn render_with(changes: &[(&str, &str)]) -> Result<Vec<Segment>, X12Error> {
    let mut claim = example::claim();
    for (id, value) in changes {
        claim.set(id, *value);
    }
    render_837p(&claim, &example::payer(), &example::envelope())
}

fn find<'a>(segments: &'a [Segment], prefix: &str) -> Vec<&'a str> {
    segments
        .iter()
        .filter(|s| s.text.starts_with(prefix))
        .map(|s| s.text.as_str())
        .collect()
}

#[test]
fn reference_renders_exactly_to_the_fixture() {
    let text = to_text(&reference());
    let fixture = include_str!("../../../../tests/fixtures/reference-837p.txt");
    assert_eq!(text, fixture, "\n{text}");
}

#[test]
fn se_counts_st_to_se() {
    let segments = reference();
    let st = segments.iter().position(|s| s.text.starts_with("ST*"));
    let se = segments.iter().position(|s| s.text.starts_with("SE*"));
    let (Some(st), Some(se)) = (st, se) else {
        panic!("ST and SE are both present");
    };
    assert_eq!(segments[se].text, format!("SE*{}*0001", se - st + 1));
}

#[test]
fn hierarchical_levels_point_to_their_parents() {
    assert_eq!(
        find(&reference(), "HL*"),
        ["HL*1**20*1", "HL*2*1*22*1", "HL*3*2*23*0"]
    );
    let own = render_with(&[("6", "self"), ("4", "BRAMBLE, JUNO T"), ("3", "06/14/2017")])
        .expect("a self-insured claim renders");
    assert_eq!(find(&own, "HL*"), ["HL*1**20*1", "HL*2*1*22*0"]);
    assert!(find(&own, "PAT*").is_empty());
    assert_eq!(find(&own, "SBR*"), ["SBR*P*18*GRP-55120******CI"]);
}

#[test]
fn every_segment_is_explained_and_marked_for_learning() {
    let segments = reference();
    for s in &segments {
        assert!(
            !s.explanation.trim().is_empty(),
            "{} has no explanation",
            s.text
        );
    }
    assert!(segments[0].text.contains("*T*:"));
    assert!(segments[0].explanation.contains("not for submission"));
}

#[test]
fn a_corrected_claim_names_the_claim_it_replaces() {
    let segments =
        render_with(&[("22", "7"), ("22.ref", "BWH250310001")]).expect("a corrected claim renders");
    assert_eq!(
        find(&segments, "CLM*"),
        ["CLM*BRA-20417*155***11:B:7*Y*A*Y*Y"]
    );
    assert_eq!(find(&segments, "REF*F8"), ["REF*F8*BWH250310001"]);
    let missing = render_with(&[("22", "7")]);
    assert!(matches!(missing, Err(X12Error::Empty { item, .. }) if item == "22"));
}

#[test]
fn a_missing_birth_date_is_named() {
    let error = render_with(&[("3", "")]).expect_err("item 3 is needed");
    assert_eq!(
        error.to_string(),
        "Item 3, the patient's birth date, is empty: the 837P needs it"
    );
    let error = render_with(&[("3", "6/14/2017")]).expect_err("item 3 is unreadable");
    assert_eq!(
        error.to_string(),
        "Item 3, the patient's birth date, must be MM/DD/YYYY to build the 837P"
    );
}

fn check_error(changes: &[(&str, &str)], expected: &str) {
    let error = render_with(changes).expect_err("the claim cannot be rendered");
    assert_eq!(error.to_string(), expected, "{changes:?}");
}

#[test]
fn unreadable_claims_say_which_box() {
    check_error(
        &[("24.2.e", "C")],
        "Item 24E on line 2 points to C, which is not a filled diagnosis in item 21: use the letters of the codes you entered",
    );
    check_error(
        &[("28", "150.00")],
        "Item 28, the total charge, is 150.00 but the charges in 24F add up to 155.00: the 837P needs them equal",
    );
    check_error(
        &[("33a", "1234567890")],
        "Item 33a, the billing provider NPI, must be a ten-digit NPI with a valid check digit to build the 837P",
    );
    check_error(
        &[("24.2.g", "")],
        "Item 24G on line 2, the days or units, is empty: the 837P needs it",
    );
    check_error(
        &[("24.2.j", &example::billing_npi())],
        "The lines name different rendering providers in 24J: this 837P sends one rendering provider per claim, so bill each provider's lines on a claim of their own",
    );
    check_error(
        &[("24.2.f", "30.0.0")],
        "Item 24F on line 2, the charges, must be an amount such as 125.00 to build the 837P",
    );
    check_error(
        &[("26", "")],
        "Item 26, the patient's account number, is empty: the 837P needs it",
    );
}

#[test]
fn lines_carry_their_own_place_span_and_emergency() {
    let segments = render_with(&[
        ("24.2.b", "22"),
        ("24.2.c", "Y"),
        ("24.2.a.to", "03/07/2025"),
    ])
    .expect("renders");
    assert_eq!(
        find(&segments, "SV1*"),
        [
            "SV1*HC:99213:25*125*UN*1***1:2",
            "SV1*HC:87880*30*UN*1*22**1**Y"
        ]
    );
    assert_eq!(
        find(&segments, "DTP*472"),
        ["DTP*472*D8*20250305", "DTP*472*RD8*20250305-20250307"]
    );
}

#[test]
fn optional_loops_follow_their_boxes() {
    let segments = render_with(&[
        ("17.role", "DK"),
        ("23", "AUTH-5521"),
        ("32.name", "Fernbrook Sample Lab"),
        ("32.street", "9 Test Row"),
        ("32.city", "Fernbrook"),
        ("32.state", "OH"),
        ("32.zip", "43999"),
        ("10b", "Y"),
        ("10b.state", "OH"),
        ("29", "20.00"),
    ])
    .expect("renders");
    assert_eq!(find(&segments, "NM1*DN"), Vec::<&str>::new());
    assert_eq!(find(&segments, "NM1*DK").len(), 2);
    assert_eq!(find(&segments, "NM1*77"), ["NM1*77*2*FERNBROOK SAMPLE LAB"]);
    assert_eq!(find(&segments, "REF*G1"), ["REF*G1*AUTH-5521"]);
    assert_eq!(find(&segments, "AMT*"), ["AMT*F5*20"]);
    assert_eq!(find(&segments, "DTP*439"), ["DTP*439*D8*20250302"]);
    assert_eq!(
        find(&segments, "CLM*"),
        ["CLM*BRA-20417*155***11:B:1*Y*A*Y*Y**AA:::OH"]
    );
}
