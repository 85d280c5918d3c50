//! Lesson search: every word must match, titles rank first, passages are cut around
//! the match, and everything shown is escaped.

use billable::content::catalog;
use billable::content::publish::search_docs;
use billable::domain::lesson::LessonId;
use billable::domain::lesson_search::{SearchDoc, results_html, search};

fn doc(key: &str, title: &str, passages: &[&str]) -> SearchDoc {
    SearchDoc {
        id: LessonId::try_from(key.to_string()).unwrap_or_else(|e| panic!("{e}")),
        title: title.to_string(),
        passages: passages.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn every_word_must_match_and_titles_rank_first() {
    let long = format!(
        "{} The global surgical package ends here.",
        "Filler words. ".repeat(40)
    );
    let docs = [
        doc("billing/a", "Claims", &["Modifier 25 on a visit.", &long]),
        doc(
            "cpt/b",
            "Surgery and the global package",
            &["Modifiers 78 and 79."],
        ),
        doc("cpt/c", "Radiology", &["No match <here>."]),
    ];
    let keys =
        |q: &str| -> Vec<String> { search(&docs, q).iter().map(|h| h.doc.id.key()).collect() };
    assert_eq!(keys("global package"), ["cpt/b", "billing/a"]);
    assert_eq!(
        keys("GLOBAL Modifier"),
        ["cpt/b", "billing/a"],
        "prefixes and case"
    );
    assert_eq!(keys("global radiology"), Vec::<String>::new());
    assert!(
        keys("   the of ").is_empty(),
        "stop words alone find nothing"
    );
    let hits = search(&docs, "global package");
    let passage = hits[1].passage.clone().unwrap_or_default();
    assert!(
        passage.starts_with('…') && passage.contains("global surgical package"),
        "{passage}"
    );
    assert!(passage.chars().count() <= 222);
    let html = results_html(&docs, "match <here>");
    assert!(
        html.contains("1 lesson matches for “match &lt;here&gt;”"),
        "{html}"
    );
    assert!(html.contains("<mark>&lt;here&gt;.</mark>"), "{html}");
    assert!(!html.contains("<here>"));
    assert!(results_html(&docs, "zzz").contains("No lessons match"));
}

#[test]
fn shipped_lessons_are_searchable() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let docs = search_docs(catalog);
    let hits = search(&docs, "combining vowel");
    assert_eq!(
        hits.first().map(|h| h.doc.id.key()).as_deref(),
        Some("medical-terminology/word-parts")
    );
    assert!(docs.iter().all(|d| !d.passages.is_empty()));
    assert!(
        docs.iter()
            .flat_map(|d| &d.passages)
            .all(|p| !p.contains("[[")),
        "marks are reduced to their words"
    );
}

proptest::proptest! {
    /// Any passage and query: no panic, and the passage shown is never longer than
    /// the limit plus its two ellipses.
    #[test]
    fn any_text_is_searched_safely(passage in "[ a-zé<>&.]{0,400}", query in "[ a-zé<]{0,12}") {
        let docs = [doc("billing/a", "Title", &[passage.as_str()])];
        for hit in search(&docs, &query) {
            let shown = hit.passage.unwrap_or_default();
            proptest::prop_assert!(shown.chars().count() <= 222);
        }
        let html = results_html(&docs, &query);
        proptest::prop_assert!(!html.contains("<>") && !html.contains("&<"));
    }
}
