//! Claims: the adjudicator keeps its money laws for any claim, every shipped exercise
//! keeps the content rules, and the key of each exercise scores 100 and leads to the
//! next step it teaches.

use billable::content::claims::{PAYERS_TOML, read_payers};
use billable::domain::claims::adjudicate::{Context, Processed, adjudicate};
use billable::domain::claims::carc::Group;
use billable::domain::claims::claim::Claim;
use billable::domain::claims::exercise::PayerState;
use billable::domain::claims::form::line_id;
use billable::domain::claims::money::Cents;
use billable::domain::claims::payer::Payer;
use billable::domain::claims::teaching::{BundlePair, TeachingEdits, UnitLimit};
use billable::domain::dates::Day;
use proptest::prelude::*;

fn payers() -> Vec<Payer> {
    read_payers(PAYERS_TOML).unwrap_or_else(|e| panic!("{e}"))
}

/// Codes that exercise every rule: scheduled fees, copays, exclusions,
/// authorizations, coverage policies, a bundle pair and a unit limit.
const CODES: [&str; 12] = [
    "99213", "99214", "36415", "82306", "93000", "93010", "70551", "99397", "98940", "J1885",
    "20610", "96372",
];

fn teaching() -> TeachingEdits {
    TeachingEdits {
        bundles: vec![BundlePair {
            column1: "93000".into(),
            column2: "93010".into(),
            modifier_allowed: false,
            note: "test pair".into(),
        }],
        unit_limits: vec![UnitLimit {
            code: "J1885".into(),
            max_per_day: 2,
            note: "test limit".into(),
        }],
    }
}

prop_compose! {
    fn claims()(
        lines in prop::collection::vec(
            (0..CODES.len(), 1u32..5, 1i64..200_000, 0usize..5, 0usize..3),
            1..=6,
        ),
        dx in prop::sample::subsequence(vec!["E55.9", "R53.83", "I10", "Z00.00"], 1..=4),
        auth in prop::sample::select(vec!["", "AUTH-1", "AUTH-2"]),
        days_late in 0i64..400,
    ) -> (Claim, i64) {
        let mut c = Claim::new();
        c.set("1a", "ZZM123");
        c.set("23", auth);
        c.set("17b", "1234567893");
        for (letter, code) in ['A', 'B', 'C', 'D'].iter().zip(&dx) {
            c.set(&format!("21.{letter}"), *code);
        }
        for (i, (code, units, charge, modifier, pointer)) in lines.into_iter().enumerate() {
            let n = i + 1;
            c.set(&line_id(n, "a.from"), "06/15/2026");
            c.set(&line_id(n, "d"), CODES[code]);
            c.set(&line_id(n, "g"), units.to_string());
            c.set(&line_id(n, "f"), Cents(charge).to_string());
            c.set(&line_id(n, "d.m1"), ["", "50", "26", "XS", "GA"][modifier]);
            c.set(&line_id(n, "e"), ["A", "B", "AB"][pointer]);
        }
        (c, days_late)
    }
}

proptest! {
    #[test]
    fn adjudication_keeps_the_money_laws(
        (claim, days_late) in claims(),
        payer in 0usize..4,
        met in 0i64..70_000,
        abn in any::<bool>(),
        specialist in any::<bool>(),
        seen_before in any::<bool>(),
    ) {
        let payers = payers();
        let payer = &payers[payer];
        let state = PayerState {
            deductible_met: Cents(met).to_string(),
            authorizations: vec!["AUTH-1".into()],
            abn_on_file: abn,
            specialist,
        };
        let history = if seen_before { vec![Processed::of(&claim, "TC1")] } else { vec![] };
        let received = Day(Day::parse_mdy("06/15/2026").map_or(0, |d| d.0) + days_late);
        let teaching = teaching();
        let remit = adjudicate(&claim, &Context {
            payer,
            state: &state,
            teaching: &teaching,
            history: &history,
            received,
            claim_number: "TC2".into(),
        });
        let start = (payer.deductible_cents() - Cents(met)).max(Cents::ZERO);
        let mut deductible = Cents::ZERO;
        for line in &remit.lines {
            let adjusted: Cents = line.adjustments.iter().map(|a| a.amount).sum();
            prop_assert_eq!(line.paid + adjusted, line.billed, "paid + adjustments = billed on {:?}", line);
            prop_assert_eq!(line.patient(), line.adjustments.iter().filter(|a| a.group == Group::PR).map(|a| a.amount).sum::<Cents>());
            prop_assert!(line.paid >= Cents::ZERO && line.allowed <= line.billed);
            prop_assert!(line.adjustments.iter().all(|a| a.amount > Cents::ZERO));
            deductible = deductible + line.adjustments.iter().filter(|a| a.carc == 1).map(|a| a.amount).sum();
        }
        prop_assert!(deductible <= start, "deductible {} beyond the {} left", deductible, start);
        prop_assert_eq!(remit.deductible_left, start - deductible);
        prop_assert_eq!(remit.paid() + remit.lines.iter().map(|l| l.write_off() + l.patient()).sum::<Cents>(), remit.billed());
    }
}

/// A one-line claim to `payer` for `code`.
fn one_line(code: &str, charge: &str) -> Claim {
    let mut c = Claim::new();
    c.set("1a", "ZZM123");
    c.set("21.A", "E55.9");
    c.set("24.1.a.from", "06/15/2026");
    c.set("24.1.d", code);
    c.set("24.1.e", "A");
    c.set("24.1.f", charge);
    c.set("24.1.g", "1");
    c
}

fn remit_for(
    payer_id: &str,
    claim: &Claim,
    state: &PayerState,
    history: &[Processed],
) -> billable::domain::claims::adjudicate::Remittance {
    let payers = payers();
    let payer = payers
        .iter()
        .find(|p| p.id == payer_id)
        .unwrap_or_else(|| panic!("{payer_id}"));
    adjudicate(
        claim,
        &Context {
            payer,
            state,
            teaching: &teaching(),
            history,
            received: Day::parse_mdy("06/20/2026").unwrap_or(Day(0)),
            claim_number: "TC9".into(),
        },
    )
}

/// (group, carc, amount) of a one-line remittance.
fn adjustments(payer: &str, claim: &Claim, state: &PayerState) -> Vec<(&'static str, u16, String)> {
    remit_for(payer, claim, state, &[]).lines[0]
        .adjustments
        .iter()
        .map(|a| (a.group.code(), a.carc, a.amount.to_string()))
        .collect()
}

#[test]
fn payers_price_and_share_as_their_rules_say() {
    let met = |m: &str| PayerState {
        deductible_met: m.into(),
        ..PayerState::default()
    };
    // Medicare-like: fee 90.00, deductible 257.00 with 200.00 met, then 20%.
    assert_eq!(
        adjustments(
            "medicare-like",
            &one_line("99213", "150.00"),
            &met("200.00")
        ),
        vec![
            ("CO", 45, "60.00".into()),
            ("PR", 1, "57.00".into()),
            ("PR", 2, "6.60".into())
        ]
    );
    // PPO office visit: fee 105.00 and only the 30.00 copay.
    assert_eq!(
        adjustments("commercial-ppo", &one_line("99213", "150.00"), &met("0.00")),
        vec![("CO", 45, "45.00".into()), ("PR", 3, "30.00".into())]
    );
    // Excluded service: all of it is the patient's.
    assert_eq!(
        adjustments("commercial-ppo", &one_line("98940", "80.00"), &met("0.00")),
        vec![("PR", 96, "80.00".into())]
    );
    // Authorization needed and none on file.
    assert_eq!(
        adjustments(
            "commercial-ppo",
            &one_line("70551", "900.00"),
            &met("500.00")
        ),
        vec![("CO", 197, "900.00".into())]
    );
    // Coverage policy: vitamin D supported by E55.9, not by fatigue.
    let mut fatigue = one_line("82306", "60.00");
    fatigue.set("21.A", "R53.83");
    assert_eq!(
        adjustments("medicare-like", &fatigue, &met("257.00"))[0].1,
        50
    );
    assert_eq!(
        adjustments("medicare-like", &one_line("82306", "60.00"), &met("257.00"))[0].1,
        45
    );
}

#[test]
fn duplicates_are_denied_but_corrected_claims_replace() {
    let claim = one_line("99213", "150.00");
    let history = [Processed::of(&claim, "TC1")];
    let state = PayerState::default();
    let again = remit_for("commercial-ppo", &claim, &state, &history);
    assert_eq!(
        (
            again.lines[0].adjustments[0].group,
            again.lines[0].adjustments[0].carc
        ),
        (Group::OA, 18)
    );
    let mut corrected = claim.clone();
    corrected.set("22", "7");
    corrected.set("22.ref", "TC1");
    assert!(!remit_for("commercial-ppo", &corrected, &state, &history).any_denied());
}

#[test]
fn bundled_components_and_excess_units_are_denied() {
    let mut c = one_line("93000", "50.00");
    c.set("21.A", "I10");
    c.set("24.2.a.from", "06/15/2026");
    c.set("24.2.d", "93010");
    c.set("24.2.e", "A");
    c.set("24.2.f", "20.00");
    c.set("24.2.g", "1");
    let remit = remit_for("commercial-ppo", &c, &PayerState::default(), &[]);
    assert!(!remit.lines[0].denied());
    assert_eq!(remit.lines[1].adjustments[0].carc, 97);
    let mut units = one_line("J1885", "40.00");
    units.set("24.1.g", "4");
    let remit = remit_for(
        "commercial-ppo",
        &units,
        &PayerState {
            deductible_met: "500.00".into(),
            ..PayerState::default()
        },
        &[],
    );
    assert_eq!(
        (
            remit.lines[0].adjustments[0].carc,
            remit.lines[0].adjustments[0].amount
        ),
        (151, Cents(2_000))
    );
}

mod exercises {
    use std::sync::OnceLock;

    use billable::content::charts::read_chart;
    use billable::content::claims::{
        ClaimWorld, PAYERS_TOML, TEACHING_TOML, exercise_codes, lint_exercises, read_exercise,
        read_payers, read_teaching,
    };
    use billable::content::{CHART_SOURCES, CLAIM_SOURCES};
    use billable::domain::charts::Chart;
    use billable::domain::claims::exercise::NextStep;
    use billable::domain::claims::grade::grade_claim;
    use billable::domain::claims::payer::Payer;
    use billable::domain::claims::scrub::CodeLists;
    use billable::domain::claims::teaching::TeachingEdits;
    use billable::domain::codes::cpt::parse_cpt;
    use billable::domain::codes::hcpcs::parse_hcpcs;
    use billable::domain::codes::modifiers::parse_modifiers;
    use billable::domain::codes::place_of_service::parse_places;

    struct Shipped {
        payers: Vec<Payer>,
        teaching: TeachingEdits,
        charts: Vec<Chart>,
        lists: CodeLists,
    }

    fn shipped() -> &'static Shipped {
        static SHIPPED: OnceLock<Shipped> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let fail = |e: String| -> ! { panic!("{e}") };
            Shipped {
                payers: read_payers(PAYERS_TOML).unwrap_or_else(|e| fail(e.to_string())),
                teaching: read_teaching(TEACHING_TOML).unwrap_or_else(|e| fail(e.to_string())),
                charts: CHART_SOURCES
                    .iter()
                    .map(|(p, t)| read_chart(p, t).unwrap_or_else(|e| fail(e.to_string())))
                    .collect(),
                lists: CodeLists::new(
                    &parse_cpt(include_str!("../../content/codes/cpt.tsv"))
                        .unwrap_or_else(|e| fail(e.to_string())),
                    &parse_hcpcs(include_str!("../../content/codes/hcpcs.tsv"))
                        .unwrap_or_else(|e| fail(e.to_string())),
                    &parse_modifiers(include_str!("../../content/codes/modifiers.tsv"))
                        .unwrap_or_else(|e| fail(e.to_string())),
                    &parse_places(include_str!("../../content/codes/place-of-service.tsv"))
                        .unwrap_or_else(|e| fail(e.to_string())),
                ),
            }
        })
    }

    fn world() -> ClaimWorld<'static> {
        let s = shipped();
        ClaimWorld {
            payers: &s.payers,
            teaching: &s.teaching,
            charts: &s.charts,
            icd10cm: crate::icd10cm::icd10cm(),
            lists: &s.lists,
        }
    }

    /// The problems the rules find in one exercise text.
    fn problems(text: &str) -> Vec<String> {
        lint_exercises(&[("content/claims/exercises/sample.toml", text)], &world())
            .1
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn every_shipped_exercise_keeps_the_rules() {
        let (exercises, problems) = lint_exercises(CLAIM_SOURCES, &world());
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(listed.is_empty(), "{}", listed.join("\n"));
        assert!(exercises.len() >= 20, "{} exercises", exercises.len());
        let denials = exercises
            .iter()
            .filter(|e| {
                matches!(
                    e.after_remittance.next_step,
                    NextStep::CorrectedClaim | NextStep::Appeal | NextStep::WriteOff
                )
            })
            .count();
        assert!(denials >= 6, "{denials} exercises lead to a denial");
        let from_charts = exercises.iter().filter(|e| e.chart.is_some()).count();
        assert!(
            from_charts > 0 && from_charts < exercises.len(),
            "some follow charts, some stand alone"
        );
    }

    #[test]
    fn every_key_scores_100_and_an_empty_claim_0() {
        let w = world();
        for (path, text) in CLAIM_SOURCES {
            let e = read_exercise(path, text).unwrap_or_else(|e| panic!("{e}"));
            let payer = w.payer(&e).unwrap_or_else(|| panic!("{path}: payer"));
            let codes = exercise_codes(&e, w.charts).unwrap_or_else(|| panic!("{path}: chart"));
            let key = e.key_claim(&codes, payer);
            assert_eq!(grade_claim(&key, &key).score(), 100, "{path}");
            assert_eq!(grade_claim(&Default::default(), &key).score(), 0, "{path}");
        }
    }

    /// A shipped standalone exercise, as text, to break in the tests below.
    fn sample() -> String {
        CLAIM_SOURCES
            .iter()
            .find(|(_, t)| {
                !t.contains("\nchart = ")
                    && !t.contains("[secondary]")
                    && t.contains("next_step = \"bill-patient\"")
            })
            .map(|(_, t)| t.to_string())
            .unwrap_or_else(|| panic!("no standalone bill-patient exercise"))
    }

    #[test]
    fn the_rules_catch_broken_exercises() {
        let good = sample();
        assert_eq!(problems(&good), Vec::<String>::new());
        let check = |from: &str, to: &str, expected: &str| {
            assert!(good.contains(from), "the sample has {from:?}");
            let broken = good.replacen(from, to, 1);
            let found = problems(&broken);
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{from:?} -> {to:?}: expected {expected:?} in {found:?}"
            );
        };
        let payer_line = good
            .lines()
            .find(|l| l.starts_with("payer = "))
            .unwrap_or_default()
            .to_string();
        check(
            &payer_line,
            "payer = \"nobody\"",
            "is not in content/claims/payers.toml",
        );
        check(
            "difficulty = ",
            "difficulty = 9\n#",
            "difficulty is 1, 2 or 3",
        );
        check(
            "next_step = \"bill-patient\"",
            "next_step = \"bill-secondary\"",
            "no [secondary] plan",
        );
        check("phone = \"555-555-01", "phone = \"555-555-02", "555-01");
        let ein = good
            .lines()
            .find(|l| l.starts_with("ein = "))
            .unwrap_or_default()
            .to_string();
        check(&ein, "ein = \"12-3456789\"", "must start 00-");
        let npi = good
            .lines()
            .find(|l| l.starts_with("billing_npi = "))
            .unwrap_or_default()
            .to_string();
        check(&npi, "billing_npi = \"1234567890\"", "33a");
    }
}
