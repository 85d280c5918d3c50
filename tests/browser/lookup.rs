//! The code lookup: the data loads in the worker, searches answer by code and words,
//! the keyboard moves through results, and the 7th-character builder completes a code.

use serde_json::json;

use crate::{Learner, temp_file};

/// The `data-code` of every result row, in order.
fn result_codes(learner: &Learner) -> Vec<String> {
    let codes = learner.browser.run(
        "return [...document.querySelectorAll('#lookup-results [data-code]')].map(e => e.dataset.code)",
        json!([]),
    );
    codes
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().map(String::from))
        .collect()
}

#[test]
fn search_open_and_build_a_code() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/lookup?q=type%202%20diabetes%20kidney");
    b.wait_for_text("[data-testid=lookup-ready]", "74719 billable codes ready");
    b.wait_until("results for the query in the URL", || {
        result_codes(&learner)
            .contains(&"E11.22".to_string())
            .then_some(())
    });

    // Typing replaces the query; codes match by prefix without the dot.
    let input = b.wait_for("#lookup-query");
    b.run(
        "document.getElementById('lookup-query').value = ''",
        json!([]),
    );
    b.send_keys(&input, "e112");
    b.wait_until("code-prefix results", || {
        (result_codes(&learner).first().map(String::as_str) == Some("E11.2")).then_some(())
    });
    let url = b.run("return location.search", json!([]));
    assert_eq!(
        url.as_str(),
        Some("?q=e112"),
        "the query is kept in the URL"
    );

    // Down twice and Enter opens the third result.
    b.send_keys(&input, "\u{E015}\u{E015}\u{E007}");
    let third = result_codes(&learner)[2].clone();
    b.wait_for_text("#detail-heading", &third);
    let search = b.run(
        "return new URLSearchParams(location.search).get('code')",
        json!([]),
    );
    assert_eq!(search.as_str(), Some(third.as_str()));

    // A code that needs a 7th character offers the builder.
    learner.open("/lookup?q=radius&code=S52.521");
    b.wait_for_text(
        "#detail-heading",
        "Torus fracture of lower end of right radius",
    );
    b.click_css(".seventh-builder input[value=\"A\"]");
    b.wait_for_text("[data-testid=built-code]", "S52.521A is valid and billable");
    let path = b.wait_for_text(".code-path", "S52.52");
    assert!(path.contains("S52"), "{path}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("lookup.png"), b.screenshot_png());
}

#[test]
fn a_placeholder_code_is_built_with_x() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/lookup?q=sprain%20cervical&code=S13.4");
    b.wait_for_text("#detail-heading", "Sprain of ligaments of cervical spine");
    b.click_css(".seventh-builder input[value=\"A\"]");
    b.wait_for_text("[data-testid=built-code]", "S13.4XXA is valid and billable");
}

#[test]
fn cpt_and_modifiers_are_searchable_with_a_filter() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/lookup?q=99213");
    b.wait_until("the CPT code first", || {
        (result_codes(&learner).first().map(String::as_str) == Some("99213")).then_some(())
    });
    b.click_css("#result-0 a");
    b.wait_for_text("[data-testid=code-detail]", "What sets the level");
    b.wait_for_text(
        "[data-testid=code-detail]",
        "CPT® is a registered trademark of the American Medical Association",
    );

    learner.open("/lookup?q=bilateral");
    b.click_css(".set-filter input[value=\"modifiers\"]");
    b.wait_until("only modifiers", || {
        let codes = result_codes(&learner);
        (codes.contains(&"50".to_string()) && codes.iter().all(|c| c.len() == 2)).then_some(())
    });
    let url = b.run("return location.search", json!([]));
    assert_eq!(url.as_str(), Some("?q=bilateral&set=modifiers"));
}

#[test]
fn a_licensed_cpt_file_is_used_kept_and_removed() {
    let learner = Learner::start();
    let b = &learner.browser;
    let good = temp_file(
        "cpt-good.csv",
        "code,descriptor\n99213,Licensed text for 99213\n0500T,Only in the licensed file\n",
    );
    let bad = temp_file("cpt-bad.csv", "99213,fine\nE11.9,not a CPT code\n");

    learner.open("/lookup");
    b.wait_for("[data-testid=lookup-ready]");
    b.click_css(".own-cpt summary");
    learner.upload("#own-cpt-file", &bad);
    b.wait_for_text(
        "[data-testid=own-cpt-errors]",
        "line 2: \"E11.9\" is not a CPT code",
    );
    assert_eq!(
        learner.stored("billable.cpt-descriptors"),
        None,
        "a refused file is not stored"
    );

    learner.upload("#own-cpt-file", &good);
    b.wait_for_text(
        "[data-testid=own-cpt-status]",
        "Using 2 descriptors from your file",
    );
    assert!(learner.stored("billable.cpt-descriptors").is_some());

    // Kept across a reload, and searchable.
    learner.open("/lookup?q=only%20licensed&set=cpt");
    b.wait_until("the licensed-only code", || {
        (result_codes(&learner).first().map(String::as_str) == Some("0500T")).then_some(())
    });
    b.click_css(".own-cpt summary");
    b.wait_for_text("[data-testid=own-cpt-status]", "Using 2 descriptors");
    b.click_css(".own-cpt button");
    b.wait_until("the file to be forgotten", || {
        learner
            .stored("billable.cpt-descriptors")
            .is_none()
            .then_some(())
    });
    let _ = std::fs::remove_file(good);
    let _ = std::fs::remove_file(bad);
}
