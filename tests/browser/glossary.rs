//! The glossary and lesson search: marked terms link to their entries, entries link
//! back to lessons, and `/learn?q=` finds lessons with the matching passage.

use billable::content::catalog;
use billable::content::glossary::build;
use serde_json::json;

use crate::Learner;

#[test]
fn key_terms_link_to_the_glossary_and_back() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/learn/medical-terminology/word-parts");
    b.click_css(".key-terms a[href=\"/glossary#combining-vowel\"]");
    b.wait_for_text("main h1", "Glossary");
    b.wait_for("dt#combining-vowel.target");
    let hash = b.run("return location.hash", json!([]));
    assert_eq!(hash.as_str(), Some("#combining-vowel"));
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let terms = build(catalog).entries.len();
    b.wait_for_text(".glossary .lead", &format!("{terms} terms"));
    assert_eq!(b.find_all(".glossary dt").len(), terms);
    // Reloading the entry's URL still lands on it.
    learner.reload();
    b.wait_for("dt#combining-vowel.target");
    // The entry links back to the lesson that teaches it.
    b.click_css("dt#combining-vowel + dd a[href=\"/learn/medical-terminology/word-parts\"]");
    b.wait_for_text("main h1", "Medical word parts");
    // Marks in the prose are links too.
    assert!(
        !b.find_all(".prose a[href^=\"/glossary#\"]").is_empty(),
        "marked terms in the text link to the glossary"
    );
}

#[test]
fn lesson_search_shows_matching_passages() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/learn");
    let tracks = billable::domain::tracks::Track::ALL.len();
    b.wait_for("#lesson-query");
    assert_eq!(b.find_all(".track [data-track] progress").len(), tracks);
    let input = b.wait_for("#lesson-query");
    b.send_keys(&input, "combining vowel\u{E007}");
    b.wait_for_text(".search-count", "for “combining vowel”");
    let search = b.run("return location.search", json!([]));
    assert_eq!(
        search.as_str(),
        Some("?q=combining+vowel"),
        "a plain GET form"
    );
    b.wait_for(".search-results li a");
    let first = b.run(
        "return document.querySelector('.search-results li a').getAttribute('href')",
        json!([]),
    );
    assert_eq!(
        first.as_str(),
        Some("/learn/medical-terminology/word-parts")
    );
    assert!(
        !b.find_all(".search-results mark").is_empty(),
        "matches are marked"
    );
    learner.reload();
    b.wait_for_text(".search-count", "for “combining vowel”");
    learner.open("/learn?q=zzzqqq");
    b.wait_for_text(".search-count", "No lessons match");
    b.click_css(".search-results li a, a[href=\"/learn/medical-terminology/word-parts\"]");
    b.wait_for_text("main h1", "Medical word parts");
}
