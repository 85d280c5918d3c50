//! Assignments: links and files round-trip, and anything damaged, cut off, too big or
//! too new is refused with a message; results files carry a checksum; the gradebook
//! recognises duplicates and exports the reviewed CSV.

use billable::domain::assignments::assignment::{ASSIGNMENT_FORMAT, Assignment, Item};
use billable::domain::assignments::gradebook::{
    Gradebook, Imported, item_analysis, item_stats, to_csv,
};
use billable::domain::assignments::results::{
    ItemResult, RESULTS_FORMAT, Results, ResultsError, read_results,
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

prop_compose! {
    fn assignments()(
        title in "[A-Za-z0-9 :,.'&<>\"-]{1,80}",
        instructions in "\\PC{0,400}",
        day in 1u32..=28,
        items in prop::collection::vec(items(), 1..10),
    ) -> Assignment {
        Assignment {
            format: ASSIGNMENT_FORMAT,
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
