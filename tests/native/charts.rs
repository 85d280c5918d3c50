//! Charts: every shipped chart keeps the rules, the rules catch what they should, and
//! the grader gives partial credit as `content/charts/README.md` says, with the
//! properties the issue asks for.

use std::sync::OnceLock;

use billable::content::CHART_SOURCES;
use billable::content::charts::{ChartCodeLists, lint_charts, read_chart};
use billable::domain::charts::grade::{Answer, AnswerLine, DxVerdict, grade};
use billable::domain::charts::{Chart, pointer_letter};
use billable::domain::codes::cpt::{CptCode, parse_cpt};
use billable::domain::codes::hcpcs::{HcpcsCode, parse_hcpcs};
use billable::domain::codes::modifiers::{Modifier, parse_modifiers};
use billable::domain::codes::place_of_service::{PlaceOfService, parse_places};
use billable::domain::npi;
use proptest::prelude::*;

type Lists = (
    Vec<CptCode>,
    Vec<HcpcsCode>,
    Vec<Modifier>,
    Vec<PlaceOfService>,
);

fn lists() -> ChartCodeLists<'static> {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    let (cpt, hcpcs, modifiers, places) = LISTS.get_or_init(|| {
        (
            parse_cpt(include_str!("../../content/codes/cpt.tsv"))
                .unwrap_or_else(|e| panic!("cpt.tsv {e}")),
            parse_hcpcs(include_str!("../../content/codes/hcpcs.tsv"))
                .unwrap_or_else(|e| panic!("hcpcs.tsv {e}")),
            parse_modifiers(include_str!("../../content/codes/modifiers.tsv"))
                .unwrap_or_else(|e| panic!("modifiers.tsv {e}")),
            parse_places(include_str!("../../content/codes/place-of-service.tsv"))
                .unwrap_or_else(|e| panic!("place-of-service.tsv {e}")),
        )
    });
    ChartCodeLists::new(crate::icd10cm::icd10cm(), cpt, hcpcs, modifiers, places)
}

/// The example chart in content/charts/README.md.
fn readme_example() -> String {
    let readme = include_str!("../../content/charts/README.md");
    let start = readme
        .find("```toml\n")
        .map(|i| i + 8)
        .unwrap_or_else(|| panic!("no example"));
    let end = readme[start..]
        .find("```")
        .map(|i| start + i)
        .unwrap_or_else(|| panic!("open"));
    readme[start..end].to_string()
}

#[test]
fn npi_check_digits() {
    assert!(npi::is_valid("1234567893"), "the CMS test vector");
    assert!(!npi::is_valid("1234567890"));
    assert!(!npi::is_valid("123456789"));
    assert!(!npi::is_valid("12345678a3"));
    assert_eq!(npi::complete("123456789").as_deref(), Some("1234567893"));
    assert_eq!(npi::complete("12345678"), None);
}

#[test]
fn every_shipped_chart_keeps_the_rules() {
    let (charts, problems) = lint_charts(CHART_SOURCES, &lists());
    assert!(
        problems.is_empty(),
        "chart files break the rules:\n{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(charts.len(), CHART_SOURCES.len());
    let (_, problems) = lint_charts(
        &[("content/charts/readme-example.toml", &readme_example())],
        &lists(),
    );
    assert!(problems.is_empty(), "the README's example: {problems:?}");
}

#[test]
fn lint_names_each_broken_rule() {
    let good = readme_example();
    let cases = [
        (
            "\"J02.0\"",
            "\"J02\"",
            "J02 is not a billable ICD-10-CM code",
        ),
        (
            "2026-05-14",
            "2025-05-14",
            "outside 2026-04-01 to 2026-09-30",
        ),
        ("\"1234567893\"", "\"1234567890\"", "is not a valid NPI"),
        ("555-0142", "555-0242", "must be 555-0100 to 555-0199"),
        (
            "pointers = [\"A\"]",
            "pointers = [\"B\"]",
            "pointer B does not name",
        ),
        (
            "code = \"99213\"",
            "code = \"99999\"",
            "99999 is not in content/codes/cpt.tsv",
        ),
        ("\"125.00\"", "\"125\"", "is not dollars and cents"),
        (
            "place_of_service = \"11\"",
            "place_of_service = \"98\"",
            "place of service \"98\"",
        ),
        (
            "difficulty = 1",
            "difficulty = 4",
            "difficulty is 1, 2 or 3",
        ),
        ("sex = \"female\"", "sex = \"f\"", "unknown variant `f`"),
        (
            "member_id = \"ZZT-000123\"",
            "member_id = \"123-45-6789\"",
            "shaped like a Social Security number",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(good.contains(from), "the example has {from}");
        let text = good.replacen(from, to, 1);
        let (_, problems) = lint_charts(&[("content/charts/bad.toml", &text)], &lists());
        assert!(
            problems.iter().any(|p| p.to_string().contains(expected)),
            "{to}: expected {expected:?}, got {problems:?}"
        );
    }
    // An Excludes1 pair in the key: type 2 (E11) excludes type 1 (E10) diabetes.
    let both = good.replacen(
        "[[optional]]",
        "[[diagnosis]]\ncode = \"E11.9\"\nrationale = \"Type 2 diabetes, for the test.\"\n\n\
         [[diagnosis]]\ncode = \"E10.9\"\nrationale = \"Type 1 diabetes, for the test.\"\n\n[[optional]]",
        1,
    );
    let (_, problems) = lint_charts(&[("content/charts/bad.toml", &both)], &lists());
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("conflict") || p.message.contains("Excludes1")),
        "{problems:?}"
    );
    let broken = good.replacen("title =", "title ", 1);
    let error = read_chart("content/charts/bad.toml", &broken)
        .err()
        .map(|e| e.line);
    assert_eq!(error, Some(1), "TOML errors carry their line");
}

/// A chart with four diagnoses and three lines, for the grader's tests.
fn grading_chart() -> Chart {
    let text = format!(
        "{}\n{}",
        readme_example(),
        "[[diagnosis]]\ncode = \"E11.9\"\nrationale = \"Type 2 diabetes without complications, stated.\"\n\n\
         [[diagnosis]]\ncode = \"I10\"\nrationale = \"Essential hypertension, stated.\"\n\n\
         [[diagnosis]]\ncode = \"E78.5\"\naccept = [\"E78.49\"]\nrationale = \"Hyperlipidemia, unspecified, as documented.\"\n\n\
         [[line]]\ncode = \"36415\"\nunits = 1\npointers = [\"B\", \"D\"]\ncharge = \"10.00\"\nrationale = \"Venipuncture for the labs.\"\n"
    );
    read_chart("content/charts/grading.toml", &text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_key_scores_100_and_nothing_scores_0() {
    let chart = grading_chart();
    assert_eq!(grade(&chart, &chart.key_answer()).score, 100);
    assert_eq!(grade(&chart, &Answer::default()).score, 0);
    for (path, text) in CHART_SOURCES {
        let chart = read_chart(path, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(grade(&chart, &chart.key_answer()).score, 100, "{path}");
        assert_eq!(grade(&chart, &Answer::default()).score, 0, "{path}");
    }
}

#[test]
fn partial_credit_follows_the_rules() {
    let chart = grading_chart();
    // 4 diagnoses and 3 lines: 70 points available.
    let mut answer = chart.key_answer();
    answer.diagnoses[0] = "J02.9".into(); // right category, wrong specificity: 5 of 10
    answer.diagnoses[3] = "E78.49".into(); // an accepted alternative: full credit
    answer.lines[1].modifiers.clear(); // modifiers wrong: 8 of 10
    answer.lines[0].units = 2; // units wrong: 8 of 10
    answer.diagnoses.push("R07.0".into()); // an extra code: minus 5
    let result = grade(&chart, &answer);
    // Lost: 5 on the first diagnosis, 2 each for the wrong modifiers and units, and 2
    // each on the two lines whose pointer A now names J02.9 instead of the key's J02.0.
    assert_eq!(
        (result.earned, result.deducted, result.possible),
        (70 - 5 - 2 - 2 - 2 - 2, 5, 70)
    );
    assert_eq!(result.score, (52 * 100) / 70);
    let first = result
        .diagnoses
        .iter()
        .find(|m| m.key == Some(0))
        .map(|m| m.verdict);
    assert_eq!(first, Some(DxVerdict::WrongSpecificity));
    assert!(
        result
            .diagnoses
            .iter()
            .any(|m| m.verdict == DxVerdict::Extra && m.points == -5)
    );

    // The first-listed code given second: a sequencing error, 5 of 10.
    let key = chart.key_answer();
    let mut order = key.diagnoses.clone();
    order.swap(0, 1);
    let swapped = with_diagnoses(&key, order);
    let result = grade(&chart, &swapped);
    let first = result
        .diagnoses
        .iter()
        .find(|m| m.key == Some(0))
        .map(|m| m.verdict);
    assert_eq!(first, Some(DxVerdict::Sequencing));
    assert_eq!(result.earned, 65);

    // Optional codes neither add nor subtract.
    let mut with_optional = chart.key_answer();
    with_optional.diagnoses.push("Z20.818".into());
    assert_eq!(grade(&chart, &with_optional).score, 100);
}

/// Codes in categories the grading chart's key does not use.
const WRONG: [&str; 6] = ["R51.9", "K21.9", "M54.50", "F41.9", "L03.115", "N39.0"];

fn answers() -> impl Strategy<Value = Answer> {
    let chart = grading_chart();
    let key = chart.key_answer();
    let n = key.diagnoses.len();
    (
        proptest::sample::subsequence((0..n).collect::<Vec<_>>(), 0..=n),
        proptest::sample::subsequence(WRONG.to_vec(), 0..=2),
        Just(()).prop_perturb(move |_, mut rng| {
            let mut order: Vec<usize> = (0..n + 2).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.random_range(0..=i));
            }
            order
        }),
        proptest::sample::subsequence(
            (0..key.lines.len()).collect::<Vec<_>>(),
            0..=key.lines.len(),
        ),
    )
        .prop_map(move |(dx, wrong, order, lines)| {
            let mut codes: Vec<String> = dx.iter().map(|&i| key.diagnoses[i].clone()).collect();
            codes.extend(wrong.iter().map(|w| w.to_string()));
            let mut shuffled: Vec<String> = order
                .iter()
                .filter_map(|&i| codes.get(i).cloned())
                .collect();
            shuffled.extend(codes.iter().skip(order.len()).cloned());
            let lines: Vec<AnswerLine> = lines.iter().map(|&i| key.lines[i].clone()).collect();
            with_diagnoses(
                &Answer {
                    lines,
                    ..key.clone()
                },
                shuffled,
            )
        })
}

/// `answer` with its diagnoses replaced by `diagnoses`, every line's pointers moved to
/// follow the codes they pointed at (a pointer whose code is gone is dropped).
fn with_diagnoses(answer: &Answer, diagnoses: Vec<String>) -> Answer {
    let remap = |p: &String| {
        let index = billable::domain::charts::pointer_index(p)?;
        let code = answer.diagnoses.get(index)?;
        diagnoses
            .iter()
            .position(|c| c == code)
            .and_then(pointer_letter)
            .map(String::from)
    };
    let lines = answer
        .lines
        .iter()
        .map(|l| AnswerLine {
            pointers: l.pointers.iter().filter_map(remap).collect(),
            ..l.clone()
        })
        .collect();
    Answer { diagnoses, lines }
}

/// Moves the diagnoses after the first into another order, keeping every pointer on
/// the same code.
fn permute_secondaries(answer: &Answer, rotate: usize) -> Answer {
    if answer.diagnoses.len() < 3 {
        return answer.clone();
    }
    let mut rest = answer.diagnoses[1..].to_vec();
    let by = rotate % rest.len();
    rest.rotate_left(by);
    let mut diagnoses = vec![answer.diagnoses[0].clone()];
    diagnoses.extend(rest);
    with_diagnoses(answer, diagnoses)
}

proptest! {
    #[test]
    fn secondary_order_does_not_matter(answer in answers(), rotate in 0usize..8) {
        let chart = grading_chart();
        let before = grade(&chart, &answer).score;
        prop_assert_eq!(grade(&chart, &permute_secondaries(&answer, rotate)).score, before);
    }

    #[test]
    fn adding_a_missing_key_code_never_lowers_the_score(answer in answers()) {
        let chart = grading_chart();
        let before = grade(&chart, &answer).score;
        for key in &chart.diagnoses {
            if !answer.diagnoses.contains(&key.code) {
                let mut more = answer.clone();
                more.diagnoses.push(key.code.clone());
                prop_assert!(grade(&chart, &more).score >= before);
            }
        }
    }

    #[test]
    fn adding_a_wrong_code_never_raises_the_score(answer in answers(), at in 0usize..8) {
        let chart = grading_chart();
        let before = grade(&chart, &answer).score;
        for wrong in WRONG {
            if !answer.diagnoses.iter().any(|c| c == wrong) {
                let mut diagnoses = answer.diagnoses.clone();
                diagnoses.insert(at.min(diagnoses.len()), wrong.to_string());
                // Pointers follow their codes.
                let more = with_diagnoses(&answer, diagnoses);
                prop_assert!(grade(&chart, &more).score <= before);
            }
        }
    }

    #[test]
    fn any_answer_scores_between_0_and_100(answer in answers()) {
        let result = grade(&grading_chart(), &answer);
        prop_assert!(result.score <= 100);
    }
}

#[test]
fn published_charts_read_back() {
    use billable::content::publish::published_chart_files;
    use billable::domain::charts::ChartSummary;
    let charts: Vec<Chart> = CHART_SOURCES
        .iter()
        .map(|(p, t)| read_chart(p, t).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let files = published_chart_files(&charts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files.len(), charts.len() + 1);
    let list: Vec<ChartSummary> =
        serde_json::from_str(&files[0].1).unwrap_or_else(|e| panic!("index.json: {e}"));
    assert_eq!(list.len(), charts.len());
    assert!(
        list.windows(2)
            .all(|w| (w[0].difficulty, &w[0].title) <= (w[1].difficulty, &w[1].title))
    );
    for (path, json) in &files[1..] {
        let read: Chart = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            charts.contains(&read),
            "{path} reads back as a shipped chart"
        );
    }
}
