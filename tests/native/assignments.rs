//! Assignments: links and files round-trip, and anything damaged, cut off, too big or
//! too new is refused with a message; results files carry a checksum; the gradebook
//! recognises duplicates and exports the reviewed CSV.

use billable::content::own::{CHART_TEMPLATE, QUESTIONS_TEMPLATE};
use billable::domain::assignments::assignment::{
    ASSIGNMENT_FORMAT, Assignment, Item, OWN_CONTENT_FORMAT, format_for,
};
use billable::domain::assignments::gradebook::{
    Gradebook, Imported, item_analysis, item_stats, to_csv,
};
use billable::domain::assignments::results::{
    ItemResult, RESULTS_FORMAT, Results, ResultsError, item_results, read_results,
};
use billable::domain::assignments::transport::{
    MAX_FILE_BYTES, MAX_LINK_PAYLOAD, TransportError, assignment_from_json, check_size,
    from_link_payload, to_file, to_link_payload,
};
use billable::domain::exams::blueprint::Mode;
use billable::domain::progress::Progress;
use proptest::prelude::*;

/// The fixture assignment: six items of every kind.
pub fn six_items() -> Assignment {
    Assignment {
        format: ASSIGNMENT_FORMAT,
        title: "Week 6: claims and the CBCS-style exam".into(),
        instructions: "Do the **two charts** first, then the claim.\n\n- Use the lookup.\n- Ask in class if stuck.".into(),
        due: "2026-12-04".into(),
        items: vec![
            Item::Lesson { id: "billing/life-of-a-claim".into(), pass: Some(80) },
            Item::Chart { id: "bh-psychotherapy-recurrent-mdd".into(), pass: Some(70) },
            Item::Chart { id: "cardio-afib-anticoagulant-ecg".into(), pass: None },
            Item::Claim { id: "ppo-chiropractic-not-covered".into(), pass: Some(90) },
            Item::Exam { mode: Mode::Cbcs, seed: 42, count: 0, minutes: None, pass: Some(70) },
            Item::Deck { id: "prefixes".into(), reviews: 40 },
        ],
    }
}

fn items() -> impl Strategy<Value = Item> {
    let id = "[a-z][a-z0-9-]{0,30}(/[a-z0-9-]{1,30})?";
    let pass = prop::option::of(0u32..=100);
    prop_oneof![
        (id, pass.clone()).prop_map(|(id, pass)| Item::Lesson { id, pass }),
        (id, pass.clone()).prop_map(|(id, pass)| Item::Chart { id, pass }),
        (id, pass.clone()).prop_map(|(id, pass)| Item::Claim { id, pass }),
        (
            0usize..4,
            any::<u64>(),
            0usize..200,
            prop::option::of(1u32..600),
            pass
        )
            .prop_map(|(m, seed, count, minutes, pass)| Item::Exam {
                mode: [Mode::Cmrs, Mode::Cpc, Mode::Cbcs, Mode::Custom][m],
                seed,
                count,
                minutes,
                pass,
            }),
        (id, 1u32..500).prop_map(|(id, reviews)| Item::Deck { id, reviews }),
    ]
}

/// Every kind, with the instructor's own items under unique names.
fn assignment_items() -> impl Strategy<Value = Vec<Item>> {
    let own = ("\\PC{1,300}", prop::option::of(0u32..=100), any::<bool>());
    (
        prop::collection::vec(items(), 0..8),
        prop::collection::vec(own, 0..3),
    )
        .prop_filter("at least one item", |(a, b)| !a.is_empty() || !b.is_empty())
        .prop_map(|(mut shipped, own)| {
            for (i, (source, pass, chart)) in own.into_iter().enumerate() {
                let id = format!("own-{i}");
                shipped.push(if chart {
                    Item::OwnChart { id, source, pass }
                } else {
                    Item::OwnQuestions { id, source, pass }
                });
            }
            shipped
        })
}

prop_compose! {
    fn assignments()(
        title in "[A-Za-z0-9 :,.'&<>\"-]{1,80}",
        instructions in "\\PC{0,400}",
        day in 1u32..=28,
        items in assignment_items(),
    ) -> Assignment {
        Assignment {
            format: format_for(&items),
            title: format!("T{title}"),
            instructions,
            due: format!("2026-11-{day:02}"),
            items,
        }
    }
}

proptest! {
    #[test]
    fn links_and_files_round_trip(a in assignments()) {
        let payload = to_link_payload(&a);
        prop_assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "URL-safe");
        prop_assert_eq!(from_link_payload(&payload), Ok(a.clone()));
        prop_assert_eq!(assignment_from_json(&to_file(&a)), Ok(a.clone()));
        prop_assert_eq!(a.id().len(), 16);
    }

    #[test]
    fn results_round_trip_with_their_checksum(name in "[A-Za-z' -]{1,40}", scores in prop::collection::vec(prop::option::of(0u32..=100), 1..8), at in any::<u32>()) {
        let results = Results {
            format: RESULTS_FORMAT,
            assignment_id: "0123456789abcdef".into(),
            assignment_title: "A".into(),
            student_name: name,
            student_id: String::new(),
            submitted_at: u64::from(at),
            items: scores.iter().map(|s| ItemResult { label: "x".into(), score: *s, attempts: 1, ..ItemResult::default() }).collect(),
            checksum: String::new(),
        }
        .seal();
        let text = serde_json::to_string_pretty(&results).unwrap_or_default();
        prop_assert_eq!(read_results(&text, "0123456789abcdef"), Ok(results));
    }

    #[test]
    fn cut_off_links_are_refused_not_misread(a in assignments(), cut in 1usize..40) {
        let payload = to_link_payload(&a);
        let short = &payload[..payload.len().saturating_sub(cut)];
        prop_assert!(from_link_payload(short).is_err());
    }
}

#[test]
fn bad_links_and_files_get_a_clear_message() {
    let check = |payload: &str, expected: &str| {
        let e = from_link_payload(payload)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains(expected), "{payload:.40}: {e}");
    };
    check("", "empty");
    check("%%%not-base64%%%", "not in Billable's link format");
    check("aGVsbG8gd29ybGQ", "does not unpack");
    check(
        &"A".repeat(MAX_LINK_PAYLOAD + 1),
        "longer than any Billable makes",
    );
    let mut newer = six_items();
    newer.format = 99;
    assert_eq!(
        from_link_payload(&to_link_payload(&newer)),
        Err(TransportError::NewerFormat { found: 99 })
    );
    let mut no_items = six_items();
    no_items.items.clear();
    assert!(matches!(
        from_link_payload(&to_link_payload(&no_items)),
        Err(TransportError::Invalid(_))
    ));
    assert!(matches!(
        assignment_from_json("<html>"),
        Err(TransportError::NotJson { .. })
    ));
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1),
        Err(TransportError::TooLarge(MAX_FILE_BYTES + 1))
    );
    assert_eq!(check_size(10), Ok(()));
    // A damaged link stores nothing: the only way in is a readable assignment.
    let progress = Progress::default();
    assert!(
        progress
            .held_assignments()
            .map(|b| b.is_empty())
            .unwrap_or(false)
    );
}

#[test]
fn a_typical_six_item_link_is_a_few_hundred_characters() {
    let payload = to_link_payload(&six_items());
    let link = format!("http://127.0.0.1:8080/assignment#{payload}");
    assert!(link.len() < 1_000, "{} characters", link.len());
    println!("six-item assignment link: {} characters", link.len());
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/gradebook/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_gradebook_exports_the_reviewed_csv() {
    let a = six_items();
    let id = a.id();
    let mut book = Gradebook::default();
    let mut outcomes = Vec::new();
    for name in ["ana.json", "ben.json", "chloe.json", "ana.json"] {
        let results = read_results(&fixture(name), &id).unwrap_or_else(|e| panic!("{name}: {e}"));
        outcomes.push(book.import(results));
    }
    assert_eq!(
        outcomes,
        [
            Imported::Added,
            Imported::Added,
            Imported::Added,
            Imported::Duplicate
        ]
    );
    assert!(matches!(
        read_results(&fixture("other-assignment.json"), &id),
        Err(ResultsError::OtherAssignment(_))
    ));
    assert!(matches!(
        read_results(&fixture("damaged.json"), &id),
        Err(ResultsError::Damaged)
    ));
    assert_eq!(to_csv(&a, &book), fixture("expected.csv"));
    let rows = book.rows();
    let chart = item_stats(&rows, 1);
    assert_eq!((chart.median, chart.completion), (Some(80.0), 1.0));
    let exam = item_analysis(&rows, 4);
    let q = exam
        .iter()
        .find(|q| q.id == "ins-004")
        .unwrap_or_else(|| panic!("ins-004"));
    assert_eq!((q.answered, q.correct, q.top_wrong), (3, 1, Some((2, 2))));
}

fn with_own_items() -> Assignment {
    let mut a = six_items();
    a.items.push(Item::OwnChart {
        id: "sore-throat".into(),
        source: CHART_TEMPLATE.into(),
        pass: Some(80),
    });
    a.items.push(Item::OwnQuestions {
        id: "quiz".into(),
        source: QUESTIONS_TEMPLATE.into(),
        pass: None,
    });
    a.format = format_for(&a.items);
    a
}

#[test]
fn own_items_travel_in_format_2_and_keep_their_rules() {
    let a = with_own_items();
    assert_eq!(a.format, OWN_CONTENT_FORMAT);
    assert_eq!(format_for(&six_items().items), ASSIGNMENT_FORMAT);
    let link = format!("http://127.0.0.1:8080/assignment#{}", to_link_payload(&a));
    assert!(link.len() < MAX_LINK_PAYLOAD, "{} characters", link.len());
    println!(
        "six items plus the chart and question templates: a link of {} characters",
        link.len()
    );
    assert_eq!(from_link_payload(&to_link_payload(&a)), Ok(a.clone()));
    let refused = |change: &dyn Fn(&mut Assignment), says: &str| {
        let mut bad = with_own_items();
        change(&mut bad);
        let e = assignment_from_json(&to_file(&bad))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains(says), "{says}: {e}");
    };
    refused(
        &|a| {
            if let Some(Item::OwnQuestions { id, .. }) = a.items.last_mut() {
                *id = "sore-throat".into();
            }
        },
        "the same name",
    );
    refused(
        &|a| {
            if let Some(Item::OwnQuestions { id, .. }) = a.items.last_mut() {
                *id = "Quiz One".into();
            }
        },
        "lowercase letters",
    );
    refused(
        &|a| {
            if let Some(Item::OwnQuestions { source, .. }) = a.items.last_mut() {
                *source = "x".repeat(40_001);
            }
        },
        "longer than 40,000",
    );
    // Its keys follow the source: an edited chart starts afresh.
    let key = a.items[6].own_key().unwrap_or_default();
    assert!(
        key.starts_with("own-sore-throat-") && key.len() == 24,
        "{key}"
    );
    let mut edited = a.items[6].clone();
    if let Item::OwnChart { source, .. } = &mut edited {
        source.push('\n');
    }
    assert_ne!(edited.own_key(), a.items[6].own_key());
    assert_eq!(a.items[0].own_key(), None);
}

#[test]
fn own_items_and_time_spent_come_from_the_students_records() {
    use billable::content::lint::CodeLists;
    use billable::content::own::check_own_questions;
    use billable::domain::charts::grade::Answer;
    use billable::domain::exam_progress::QuizAttempt;

    let a = with_own_items();
    let chart_key = a.items[6].own_key().unwrap_or_default();
    let quiz_key = a.items[7].own_key().unwrap_or_default();
    let mut p = Progress::default();
    let answer = Answer {
        diagnoses: vec!["J02.0".into()],
        ..Answer::default()
    };
    assert!(
        p.record_chart_attempt(&chart_key, answer.clone(), 60, 1_000, 90_000)
            .is_ok()
    );
    assert!(p.save_chart_draft(&chart_key, answer, 30_000).is_ok());
    // The template's codes are all ICD-10-CM, so empty CPT and HCPCS lists do.
    let Ok(qs) = check_own_questions(
        "quiz",
        QUESTIONS_TEMPLATE,
        &CodeLists::new(crate::icd10cm::icd10cm(), &[], &[]),
    ) else {
        panic!("the template reads");
    };
    let attempts = [
        QuizAttempt::grade(&qs, &[vec![0], vec![0, 1]], 2_000, 45_000),
        QuizAttempt::grade(&qs, &[vec![1], vec![0, 1]], 3_000, 15_000),
    ];
    assert!(
        p.change_exams(|b| b.quizzes.insert(quiz_key.clone(), attempts.to_vec()))
            .is_ok()
    );
    let results = item_results(&a, &p, &[]);
    assert_eq!(results[6].score, Some(60));
    assert_eq!(results[6].time_ms, Some(120_000));
    assert_eq!(results[6].answers, vec!["J02.0".to_string()]);
    assert_eq!((results[7].score, results[7].attempts), (Some(100), 2));
    assert_eq!(results[7].time_ms, Some(60_000));
    assert_eq!(results[7].questions.len(), 2);
    assert!(results[7].questions.iter().all(|q| q.correct));
    // Nothing done: no score, and no time claimed.
    assert_eq!(results[1].score, None);
    assert_eq!(results[1].time_ms, None);
}
