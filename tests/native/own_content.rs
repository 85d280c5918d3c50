//! Instructors' own charts and questions: the same rules as shipped content, and the
//! browser's way of checking (two passes through a `FactSheet` of the search worker's
//! answers) finds exactly what the native code set finds.

use std::sync::OnceLock;

use billable::content::charts::ChartProblem;
use billable::content::icd_facts::{FactSheet, IcdFacts};
use billable::content::own::{CHART_TEMPLATE, OwnContent, QUESTIONS_TEMPLATE, check_own};
use billable::content::{CHART_SOURCES, QUESTION_SOURCES};
use billable::domain::assignments::assignment::Item;
use billable::domain::claims::diagnosis_facts::DiagnosisFacts;
use billable::domain::claims::scrub::CodeLists;
use billable::domain::exam_progress::QuizAttempt;

fn lists() -> &'static CodeLists {
    static LISTS: OnceLock<CodeLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        // Read the way both browser sides read them.
        let texts = [
            include_str!("../../content/codes/cpt.tsv"),
            include_str!("../../content/codes/hcpcs.tsv"),
            include_str!("../../content/codes/modifiers.tsv"),
            include_str!("../../content/codes/place-of-service.tsv"),
        ]
        .map(String::from);
        CodeLists::from_files(&texts).unwrap_or_else(|(file, e)| panic!("{file}: {e}"))
    })
}

#[test]
fn a_damaged_or_missing_list_is_named() {
    let mut texts = [
        include_str!("../../content/codes/cpt.tsv"),
        include_str!("../../content/codes/hcpcs.tsv"),
        include_str!("../../content/codes/modifiers.tsv"),
        include_str!("../../content/codes/place-of-service.tsv"),
    ]
    .map(String::from);
    texts[2] = "<html>not found</html>".into();
    assert!(matches!(
        CodeLists::from_files(&texts),
        Err(("/codes/modifiers.tsv", _))
    ));
    assert!(CodeLists::from_files(&texts[..3]).is_err());
}

type Checked = Option<Result<OwnContent, Vec<ChartProblem>>>;

/// Checks as the browser does: a first pass notes what ICD-10-CM facts are needed,
/// the "worker" (here the native set, through the same `DiagnosisFacts`) answers, and
/// the second pass gives the outcome. Returns it and how many lists were asked for.
fn check_in_browser(item: &Item) -> (Checked, usize) {
    let mut sheet = FactSheet::default();
    let first = check_own(item, &sheet, lists());
    let wanted = sheet.wanted();
    if wanted.is_empty() {
        return (first, 0);
    }
    let answers: Vec<DiagnosisFacts> = wanted
        .iter()
        .map(|codes| DiagnosisFacts::check(crate::icd10cm::icd10cm(), codes))
        .collect();
    sheet.add(&wanted, answers);
    let second = check_own(item, &sheet, lists());
    assert!(
        sheet.wanted().is_empty(),
        "the second pass asks for nothing new: {:?}",
        sheet.wanted()
    );
    (second, wanted.len())
}

fn check_natively(item: &Item) -> Checked {
    let icd: &dyn IcdFacts = crate::icd10cm::icd10cm();
    check_own(item, icd, lists())
}

fn chart(id: &str, source: &str) -> Item {
    Item::OwnChart {
        id: id.into(),
        source: source.into(),
        pass: None,
    }
}

fn questions(id: &str, source: &str) -> Item {
    Item::OwnQuestions {
        id: id.into(),
        source: source.into(),
        pass: None,
    }
}

fn problems(checked: Checked) -> Vec<String> {
    match checked {
        Some(Err(p)) => p.iter().map(ToString::to_string).collect(),
        Some(Ok(_)) => Vec::new(),
        None => vec!["not an own item".into()],
    }
}

#[test]
fn the_templates_pass_every_check_both_ways() {
    for item in [
        chart("my-chart", CHART_TEMPLATE),
        questions("my-questions", QUESTIONS_TEMPLATE),
    ] {
        let (browser, asked) = check_in_browser(&item);
        assert!(asked > 0, "the browser asks the worker about the codes");
        assert_eq!(problems(browser.clone()), Vec::<String>::new());
        assert_eq!(browser, check_natively(&item));
    }
}

#[test]
fn every_shipped_chart_checks_the_same_in_the_browser() {
    for (path, text) in CHART_SOURCES {
        let id = path
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".toml"));
        let item = chart(id.unwrap_or("x"), text);
        let (browser, _) = check_in_browser(&item);
        assert_eq!(browser, check_natively(&item), "{path}");
        assert!(
            matches!(browser, Some(Ok(_))),
            "{path}: {:?}",
            problems(browser)
        );
    }
}

#[test]
fn every_shipped_question_file_checks_the_same_in_the_browser() {
    for (path, text) in QUESTION_SOURCES {
        // Sections hold up to 52 questions, more than an assignment's set.
        let item = questions("bank", text);
        let (browser, _) = check_in_browser(&item);
        let native = check_natively(&item);
        assert_eq!(browser, native, "{path}");
        let found = problems(browser);
        assert!(
            found.iter().all(|p| p.contains("give 1 to 50")),
            "{path}: {found:?}"
        );
    }
}

#[test]
fn a_broken_chart_is_refused_with_lines_the_same_both_ways() {
    let broken = CHART_TEMPLATE
        .replace("code = \"J02.0\"", "code = \"J02\"")
        .replace("Z20.818", "Q99.99")
        .replace("phone = \"555-0142\"", "phone = \"555-2368\"")
        .replace("code = \"87880\"", "code = \"87999\"");
    let item = chart("broken", &broken);
    let (browser, _) = check_in_browser(&item);
    assert_eq!(browser, check_natively(&item));
    let found = problems(browser);
    let line = |needle: &str| {
        broken
            .lines()
            .position(|l| l.contains(needle))
            .map_or(0, |i| i + 1)
    };
    for (needle, says) in [
        ("code = \"J02\"", "J02 is not a billable ICD-10-CM code"),
        ("Q99.99", "Q99.99 is not a billable ICD-10-CM code"),
        ("phone = ", "phone \"555-2368\""),
        ("code = \"87999\"", "87999 is not in content/codes/cpt.tsv"),
    ] {
        let expected = format!("broken.toml:{}: ", line(needle));
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&expected) && p.contains(says)),
            "{expected}{says} in {found:#?}"
        );
    }
}

#[test]
fn conflicting_key_diagnoses_are_caught_through_the_worker_too() {
    // E11.9 and E10.9: an Excludes1 pair.
    let source = CHART_TEMPLATE.replace(
        "[[optional]]",
        "[[diagnosis]]\ncode = \"E11.9\"\nrationale = \"Type 2 diabetes is documented in the history and assessment.\"\n\n[[diagnosis]]\ncode = \"E10.9\"\nrationale = \"Type 1 diabetes is documented in the history and assessment.\"\n\n[[optional]]",
    );
    let item = chart("conflict", &source);
    let (browser, _) = check_in_browser(&item);
    assert_eq!(browser, check_natively(&item));
    let found = problems(browser);
    assert!(
        found
            .iter()
            .any(|p| p.contains("the key's diagnoses conflict")),
        "{found:#?}"
    );
}

#[test]
fn broken_questions_are_refused_with_lines() {
    let broken = QUESTIONS_TEMPLATE
        .replace("answer = [0]", "answer = [0, 1]")
        .replace("id = \"my-002\"", "id = \"my-001\"")
        .replace("\"`J03.00`\"", "\"`J02`\"");
    let (browser, _) = check_in_browser(&questions("quiz", &broken));
    let found = problems(browser);
    assert!(
        found
            .iter()
            .any(|p| p.contains("exactly one correct option")),
        "{found:#?}"
    );
    let second = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("id = \"my-001\""))
        .nth(1)
        .map_or(0, |(i, _)| i + 1);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("quiz.toml:{second}: ")) && p.contains("used twice")),
        "{found:#?}"
    );
    // J02 in a wrong option exists but is not billable: allowed, as in the bank.
    assert!(!found.iter().any(|p| p.contains("`J02`")), "{found:#?}");
    let unreadable = questions("quiz", "[[question]]\nid = 3\n");
    let found = problems(check_in_browser(&unreadable).0);
    assert!(
        found.len() == 1 && found[0].starts_with("quiz.toml:2: "),
        "{found:?}"
    );
    let empty = problems(check_in_browser(&questions("quiz", "question = []\n")).0);
    assert!(
        empty.iter().any(|p| p.contains("give 1 to 50")),
        "{empty:?}"
    );
}

#[test]
fn a_quiz_attempt_is_graded_per_question() {
    let Some(Ok(OwnContent::Questions(qs))) = check_natively(&questions("q", QUESTIONS_TEMPLATE))
    else {
        panic!("the template reads");
    };
    let all_right = QuizAttempt::grade(&qs, &[vec![0], vec![1, 0]], 5, 60_000);
    assert_eq!(all_right.score, 100);
    assert!(all_right.answers.iter().all(|a| a.correct));
    let half = QuizAttempt::grade(&qs, &[vec![0], vec![0]], 5, 0);
    assert_eq!(half.score, 50);
    assert_eq!(
        QuizAttempt::grade(&qs, &[], 5, 0).score,
        0,
        "unanswered is wrong"
    );
}

#[test]
fn the_checking_workers_exchange_ends_in_two_messages() {
    use billable::content::own::{OwnReply, OwnRequest, respond};
    // Every message crosses as JSON, as between the page and the workers.
    let via_json = |request: &OwnRequest| -> OwnReply {
        let request: OwnRequest =
            serde_json::from_str(&serde_json::to_string(request).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{e}"));
        let reply = respond(&request, lists());
        serde_json::from_str(&serde_json::to_string(&reply).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let search_worker = |wanted: &[Vec<String>]| -> Vec<DiagnosisFacts> {
        wanted
            .iter()
            .map(|codes| DiagnosisFacts::check(crate::icd10cm::icd10cm(), codes))
            .collect()
    };
    for (item, passes) in [
        (chart("my-chart", CHART_TEMPLATE), true),
        (
            chart("bad", &CHART_TEMPLATE.replace("\"J02.0\"", "\"J02\"")),
            false,
        ),
        (questions("quiz", QUESTIONS_TEMPLATE), true),
    ] {
        let first = via_json(&OwnRequest {
            item: item.clone(),
            facts: None,
        });
        let OwnReply::Wanted(wanted) = first else {
            panic!("the first answer asks for ICD-10-CM facts: {first:?}");
        };
        let answers = search_worker(&wanted);
        let second = via_json(&OwnRequest {
            item,
            facts: Some((wanted, answers)),
        });
        match (second, passes) {
            (OwnReply::Checked(_), true) => {}
            (OwnReply::Problems(p), false) => {
                assert!(
                    p.iter()
                        .any(|m| m.starts_with("Line ") && m.contains("J02 is not a billable")),
                    "{p:?}"
                );
            }
            (other, _) => panic!("unexpected {other:?}"),
        }
    }
}
