//! Mock exams and flashcards: the bank keeps its rules and counts, blueprints are
//! sampled exactly and reproducibly, and spaced repetition keeps its laws.

use std::collections::HashSet;

use billable::content::flashcards::{MIN_CARDS, generated_decks, lint_decks};
use billable::content::lint::CodeLists;
use billable::content::questions::{MIN_PER_SECTION, lint_bank, read_bank};
use billable::content::{DECK_SOURCES, QUESTION_SOURCES};
use billable::domain::codes::cpt::parse_cpt;
use billable::domain::codes::hcpcs::parse_hcpcs;
use billable::domain::codes::modifiers::parse_modifiers;
use billable::domain::codes::place_of_service::parse_places;
use billable::domain::exam_sections::CmrsSection;
use billable::domain::exams::blueprint::{BlueprintError, ExamSpec, Feedback, Mode, blueprint};
use billable::domain::exams::question::Question;
use billable::domain::exams::sample::generate;
use billable::domain::exams::score::score;
use billable::domain::flashcards::review::{Grade, ReviewState, is_due, review};
use proptest::prelude::*;

fn bank() -> Vec<Question> {
    let (bank, problems) = read_bank(QUESTION_SOURCES);
    assert!(problems.is_empty(), "{problems:?}");
    bank
}

fn lint(sources: &[(&str, &str)]) -> Vec<String> {
    let cpt = parse_cpt(include_str!("../../content/codes/cpt.tsv")).unwrap_or_default();
    let hcpcs = parse_hcpcs(include_str!("../../content/codes/hcpcs.tsv")).unwrap_or_default();
    let codes = CodeLists::new(crate::icd10cm::icd10cm(), &cpt, &hcpcs);
    lint_bank(sources, &codes)
        .1
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_bank_keeps_its_rules_and_counts() {
    let problems = lint(QUESTION_SOURCES);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let bank = bank();
    assert!(bank.len() >= 500, "{} questions", bank.len());
    let cases = bank.iter().filter(|q| !q.case.is_empty()).count();
    assert!(cases >= 60, "{cases} case-based questions");
    for section in CmrsSection::ALL {
        let n = bank.iter().filter(|q| q.cmrs == section).count();
        assert!(n >= MIN_PER_SECTION, "{}: {n}", section.name());
    }
}

#[test]
fn the_bank_rules_catch_broken_questions() {
    let good = r#"[[question]]
id = "mt-900"
cmrs = "Medical Terminology"
cbcs = "Coding & Coding Guidelines"
difficulty = 1
stem = "Which code reports type 2 diabetes without complications?"
options = ["`E11.9`", "`E11`", "`E10.9`"]
answer = [0]
rationale = "E11.9 is the billable code for type 2 diabetes without complications; E11 is a category and E10.9 is type 1."
"#;
    let path = "content/questions/medical-terminology.toml";
    let own = |text: &str| -> Vec<String> {
        lint(&[(path, text)])
            .into_iter()
            .filter(|p| p.contains("mt-900"))
            .collect()
    };
    assert_eq!(own(good), Vec::<String>::new());
    let check = |from: &str, to: &str, expected: &str| {
        let found = own(&good.replacen(from, to, 1));
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{from} -> {to}: {found:?}"
        );
    };
    check(
        "answer = [0]",
        "answer = [0, 2]",
        "exactly one correct option",
    );
    check("answer = [0]", "answer = [5]", "points past the options");
    check(
        "\"`E11.9`\", \"`E11`\"",
        "\"`E11`\", \"`E11.9`\"",
        "is in backticks",
    );
    check("`E10.9`", "`E19.9`", "is not in the shipped ICD-10-CM");
    check(
        "rationale = \"E11.9 is",
        "rationale = \"Yes.\"\n#",
        "too short",
    );
    check(
        "difficulty = 1",
        "difficulty = 4",
        "difficulty is 1, 2 or 3",
    );
    check("`E10.9`", "`E11.9`", "two options are the same");
    check(
        "cmrs = \"Medical Terminology\"",
        "cmrs = \"CPT\"",
        "belongs in cpt.toml",
    );
    check(
        "answer = [0]",
        "multi = true\nanswer = [0, 2]",
        "Select all that apply",
    );
}

/// Modes with their specs, including custom ones.
fn specs() -> impl Strategy<Value = ExamSpec> {
    let custom = (
        prop::sample::subsequence(CmrsSection::ALL.to_vec(), 1..=16),
        1usize..=60,
        any::<bool>(),
    )
        .prop_map(|(sections, count, timed)| ExamSpec {
            mode: Mode::Custom,
            seed: 0,
            sections,
            count,
            minutes: timed.then_some(45),
            feedback: Feedback::Immediate,
        });
    prop_oneof![
        Just(ExamSpec::standard(Mode::Cmrs, 0)),
        Just(ExamSpec::standard(Mode::Cpc, 0)),
        Just(ExamSpec::standard(Mode::Cbcs, 0)),
        custom,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn exams_follow_their_blueprint_exactly(mut spec in specs(), seed in any::<u64>()) {
        let bank = bank();
        spec.seed = seed;
        let bp = blueprint(&spec).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let exam = match generate(&bank, &spec, &bp) {
            Ok(exam) => exam,
            // A custom exam may ask for more than a section holds: then the refusal
            // must be true of the bank, and name the pool that is short.
            Err(BlueprintError::NotEnough { pool, need, have }) => {
                let held = bank.iter().filter(|q| q.cmrs.name() == pool).count();
                prop_assert_eq!(held, have);
                prop_assert!(have < need && spec.mode == Mode::Custom, "{pool}: {have} < {need}");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        prop_assert_eq!(exam.questions.len(), bp.total());
        for (pool, count) in &bp.slots {
            let drawn = exam.questions.iter().filter(|q| q.pool == pool.name()).count();
            prop_assert_eq!(drawn, *count, "{}", pool.name());
            for q in exam.questions.iter().filter(|q| q.pool == pool.name()) {
                let question = bank.iter().find(|b| b.id == q.id);
                prop_assert!(question.is_some_and(|b| pool.holds(b)));
            }
        }
        let ids: HashSet<&str> = exam.questions.iter().map(|q| q.id.as_str()).collect();
        prop_assert_eq!(ids.len(), exam.questions.len(), "no question twice");
        for q in &exam.questions {
            let mut order = q.order.clone();
            order.sort_unstable();
            let n = bank.iter().find(|b| b.id == q.id).map_or(0, |b| b.options.len());
            prop_assert_eq!(order, (0..n).collect::<Vec<_>>(), "options are a permutation");
        }
        prop_assert_eq!(&generate(&bank, &spec, &bp).ok(), &Some(exam.clone()), "same seed, same exam");
        // With ten or more questions two seeds drawing the same exam is vanishingly
        // unlikely (well under one in a billion); tiny custom exams can coincide.
        if exam.questions.len() >= 10 {
            let other = ExamSpec { seed: seed.wrapping_add(1), ..spec.clone() };
            let different = generate(&bank, &other, &bp).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_ne!(different.questions, exam.questions, "another seed, another exam");
        }
    }
}

#[test]
fn blueprints_have_the_published_shape() {
    let cpc = blueprint(&ExamSpec::standard(Mode::Cpc, 1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (cpc.total(), cpc.minutes, cpc.pass_percent),
        (100, Some(240), 70)
    );
    let cbcs = blueprint(&ExamSpec::standard(Mode::Cbcs, 1)).unwrap_or_else(|e| panic!("{e}"));
    let counts: Vec<usize> = cbcs.slots.iter().map(|(_, n)| *n).collect();
    assert_eq!(
        (counts, cbcs.minutes, cbcs.pass_percent),
        (vec![15, 20, 32, 33], Some(180), 70)
    );
    let cmrs = blueprint(&ExamSpec::standard(Mode::Cmrs, 1)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            cmrs.total(),
            cmrs.slots.len(),
            cmrs.minutes,
            cmrs.pass_percent
        ),
        (160, 16, None, 85)
    );
}

#[test]
fn scoring_counts_exact_answers_and_breaks_down_by_slot() {
    let bank = bank();
    let spec = ExamSpec::standard(Mode::Cbcs, 42);
    let bp = blueprint(&spec).unwrap_or_else(|e| panic!("{e}"));
    let exam = generate(&bank, &spec, &bp).unwrap_or_else(|e| panic!("{e}"));
    let key = |q: &billable::domain::exams::sample::ExamQuestion| {
        bank.iter()
            .find(|b| b.id == q.id)
            .map(|b| b.answer.clone())
            .unwrap_or_default()
    };
    let all_right: Vec<Vec<usize>> = exam.questions.iter().map(key).collect();
    let result = score(&exam, &bank, &all_right, bp.pass_percent);
    assert_eq!((result.percent(), result.passed), (100, true));
    let none = score(
        &exam,
        &bank,
        &vec![Vec::new(); exam.questions.len()],
        bp.pass_percent,
    );
    assert_eq!((none.correct, none.passed), (0, false));
    let mut seventy = all_right.clone();
    for answer in seventy.iter_mut().take(30) {
        answer.clear();
    }
    let result = score(&exam, &bank, &seventy, bp.pass_percent);
    assert_eq!(
        (result.percent(), result.passed),
        (70, true),
        "70% passes a CBCS-style exam"
    );
    let totals: Vec<usize> = result.breakdown.iter().map(|s| s.total).collect();
    assert_eq!(totals.iter().sum::<usize>(), 100);
}

const DAY: i64 = 86_400_000;

proptest! {
    #[test]
    fn reviews_are_never_due_in_the_past(grades in prop::collection::vec(0usize..4, 1..30), gaps in prop::collection::vec(0i64..(40 * DAY), 30)) {
        let all = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];
        let mut now = 1_780_000_000_000i64;
        let mut state: Option<ReviewState> = None;
        for (g, gap) in grades.iter().zip(&gaps) {
            now += gap;
            let next = review(state.as_ref(), all[*g], now);
            prop_assert!(next.due_ms >= now, "due {} before the review at {}", next.due_ms, now);
            prop_assert!(!is_due(Some(&next), now - 1));
            state = Some(next);
        }
    }
}

#[test]
fn good_grows_the_interval_and_again_resets_it() {
    let mut now = 1_780_000_000_000i64;
    let mut state = review(None, Grade::Good, now);
    let mut intervals = Vec::new();
    for _ in 0..8 {
        now = state.due_ms;
        state = review(Some(&state), Grade::Good, now);
        intervals.push(state.interval_days);
    }
    assert!(intervals.windows(2).all(|w| w[1] >= w[0]), "{intervals:?}");
    let reviewing: Vec<i64> = intervals.iter().copied().filter(|d| *d > 0).collect();
    assert!(reviewing.len() >= 6, "{intervals:?}");
    assert!(
        reviewing.windows(2).all(|w| w[1] > w[0]),
        "each good review lengthens the interval: {intervals:?}"
    );
    let lapses = state.lapses;
    now = state.due_ms;
    let forgot = review(Some(&state), Grade::Again, now);
    assert_eq!(forgot.interval_days, 0, "again starts the card over");
    assert!(
        forgot.due_ms - now < DAY,
        "again shows the card again the same day"
    );
    assert_eq!(forgot.lapses, lapses + 1);
    assert!(is_due(None, now), "a new card is due");
}

#[test]
fn the_decks_keep_their_rules_and_hold_600_cards() {
    let (decks, problems) = lint_decks(DECK_SOURCES);
    assert!(problems.is_empty(), "{problems:?}");
    let modifiers =
        parse_modifiers(include_str!("../../content/codes/modifiers.tsv")).unwrap_or_default();
    let places =
        parse_places(include_str!("../../content/codes/place-of-service.tsv")).unwrap_or_default();
    let generated = generated_decks(&modifiers, &places);
    assert!(generated.iter().all(|d| !d.cards.is_empty()));
    let total: usize = decks.iter().chain(&generated).map(|d| d.cards.len()).sum();
    assert!(total >= MIN_CARDS, "{total} cards");
    let (_, problems) = lint_decks(&[(
        "content/flashcards/x.toml",
        "title = \"X\"\ndescription = \"d\"\n[[card]]\nfront = \"a\"\nback = \"b\"\n[[card]]\nfront = \"A\"\nback = \"c\"\n",
    )]);
    assert!(
        problems.iter().any(|p| p.message.contains("twice")),
        "{problems:?}"
    );
}
