//! The charts workspace (its own wasm, loaded on /charts): the list and its filters,
//! coding a chart through the UI, grading, a draft that survives a reload, and the
//! answer key.

use billable::content::CHART_SOURCES;
use billable::content::charts::read_chart;
use billable::domain::charts::Chart;
use billable::domain::charts::grade::{Answer, grade};
use serde_json::json;

use crate::Learner;

pub fn chart(id: &str) -> Chart {
    let (path, text) = CHART_SOURCES
        .iter()
        .find(|(p, _)| p.ends_with(&format!("/{id}.toml")))
        .unwrap_or_else(|| panic!("no chart {id}"));
    read_chart(path, text).unwrap_or_else(|e| panic!("{e}"))
}

/// Sets an input's value as a learner would and fires the event the page listens to.
pub fn set_value(learner: &Learner, css: &str, value: &str, event: &str) {
    learner.browser.run(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1];
         e.dispatchEvent(new Event(arguments[2], {bubbles: true}));",
        json!([css, value, event]),
    );
}

/// Enters `answer` through the coding panel.
pub fn enter(learner: &Learner, answer: &Answer) {
    let b = &learner.browser;
    for code in &answer.diagnoses {
        set_value(learner, "#dx-input", code, "input");
        b.run(
            "document.querySelector('.dx-add').requestSubmit()",
            json!([]),
        );
        b.wait_for(&format!(".dx-row[data-dx=\"{code}\"]"));
    }
    for (i, line) in answer.lines.iter().enumerate() {
        b.click_css("#add-line");
        let row = format!("fieldset[data-line=\"{i}\"]");
        b.wait_for(&row);
        set_value(learner, &format!("{row} .line-code"), &line.code, "change");
        set_value(
            learner,
            &format!("{row} .line-modifiers"),
            &line.modifiers.join(" "),
            "change",
        );
        set_value(
            learner,
            &format!("{row} .line-units"),
            &line.units.to_string(),
            "change",
        );
        set_value(
            learner,
            &format!("{row} .line-pointers"),
            &line.pointers.join(" "),
            "change",
        );
    }
}

#[test]
fn the_list_filters_by_specialty() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/charts");
    b.wait_for_text("main h1", "Practice charts");
    b.wait_for_text(".search-count", &format!("{} charts", CHART_SOURCES.len()));
    let derm = CHART_SOURCES
        .iter()
        .filter(|(p, t)| read_chart(p, t).is_ok_and(|c| c.specialty.label() == "Dermatology"))
        .count();
    set_value(&learner, "#filter-specialty", "Dermatology", "change");
    b.wait_for_text(".search-count", &format!("{derm} charts"));
    assert_eq!(b.find_all(".chart-item").len(), derm);
}

#[test]
fn coding_a_chart_through_the_ui_is_graded_and_kept() {
    let learner = Learner::start();
    let b = &learner.browser;
    let id = "peds-acute-otitis-media-left";
    let chart = chart(id);
    learner.open(&format!("/charts/{id}"));
    b.wait_for_text("main h1", &chart.title);
    // The validator answers as the code is typed.
    set_value(&learner, "#dx-input", &chart.diagnoses[0].code, "input");
    b.wait_for_text(".dx-verdict", &chart.diagnoses[0].code);
    // The lookup built in: matching codes appear, and choosing one adds it.
    let first = &chart.diagnoses[0].code;
    set_value(&learner, "#dx-input", &first[..first.len() - 1], "input");
    let row = format!(".dx-suggestions [data-code=\"{first}\"] a");
    b.click_css(&row);
    b.wait_for(&format!(".dx-row[data-dx=\"{first}\"]"));

    let key = chart.key_answer();
    enter(&learner, &key);
    b.click_css("#submit-chart");
    b.wait_for_text("[data-testid=chart-score]", "Score: 100 of 100");

    // The work and the attempt survive a reload.
    learner.reload();
    b.wait_for(&format!(".dx-row[data-dx=\"{}\"]", key.diagnoses[0]));
    b.wait_for_text(".attempts", "100 of 100");

    // A partial answer: the first-listed diagnosis left out.
    b.click_css(&format!(
        "button[aria-label=\"Remove {}\"]",
        key.diagnoses[0]
    ));
    b.wait_until("the first diagnosis to go", || {
        b.find_all(&format!(".dx-row[data-dx=\"{}\"]", key.diagnoses[0]))
            .is_empty()
            .then_some(())
    });
    let mut partial = key.clone();
    partial.diagnoses.remove(0);
    let expected = grade(&chart, &partial).score;
    assert!(expected < 100);
    b.click_css("#submit-chart");
    b.wait_for_text(
        "[data-testid=chart-score]",
        &format!("Score: {expected} of 100"),
    );
    b.wait_for_text("[data-testid=dx-marks]", "Missing");
    b.wait_for_text(
        "[data-testid=dx-marks]",
        &chart.diagnoses[0].rationale[..40],
    );

    // Revealing the key shows it and is recorded.
    b.click_css("#reveal-key");
    b.wait_for_text("[data-testid=answer-key]", &chart.lines[0].rationale[..40]);
    // Chart records travel inside the progress envelope as JSON text (see
    // `Progress::charts`).
    let stored = learner.stored_progress();
    let charts: serde_json::Value =
        serde_json::from_str(stored["charts"].as_str().unwrap_or("null"))
            .unwrap_or_else(|e| panic!("stored chart records: {e}"));
    assert_eq!(charts[id]["revealed"], true);
    assert_eq!(charts[id]["attempts"].as_array().map(Vec::len), Some(2));
}

#[test]
fn links_between_workspace_pages_show_the_page_they_name() {
    // The main app keeps its workspace element between two workspace pages; the
    // loader must still show the new one, going forward and back.
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/charts");
    b.wait_for(".chart-item a");
    let title = b.run(
        "return document.querySelector('.chart-item a').textContent",
        json!([]),
    );
    b.click_css(".chart-item a");
    b.wait_for("#dx-input");
    b.wait_for_text("main h1", title.as_str().unwrap_or_default());
    b.run("history.back()", json!([]));
    b.wait_for("#filter-specialty");
    b.click_css(".site-header a[href=\"/claims\"]");
    b.wait_for(".chart-item a");
    b.click_css(".chart-item a");
    b.wait_for("form.cms1500");
}
