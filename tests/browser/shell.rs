//! The app shell: dashboard, routes, layout and keyboard use.

use serde_json::json;

use crate::{Learner, lesson};

#[test]
fn dashboard_shows_progress_per_track() {
    let learner = Learner::start();
    learner.open("/");
    let b = &learner.browser;
    b.wait_for_text("main h1", "Your progress");
    b.wait_for_text("[data-testid=overall]", "0 of 3 lessons complete");
    for track in ["medical-terminology", "icd-10-cm", "billing"] {
        b.wait_for_text(
            &format!("[data-track=\"{track}\"] .track-count"),
            "0 of 1 lessons complete",
        );
    }
    assert_eq!(b.find_all("[data-track] progress").len(), 3);
    assert!(
        b.find_all("[data-track=cpt]").is_empty(),
        "tracks without lessons are not shown"
    );
    let title = b.run("return document.title", json!([]));
    assert_eq!(title.as_str(), Some("Dashboard · Billable"));
}

#[test]
fn every_route_loads_directly_and_by_navigation() {
    let learner = Learner::start();
    let b = &learner.browser;
    for (path, heading) in [
        ("/learn", "Learn"),
        ("/learn/billing/life-of-a-claim", "The life of a claim"),
        ("/my-data", "My data"),
        ("/learn/billing/no-such-lesson", "Page not found"),
        ("/nowhere", "Page not found"),
    ] {
        learner.open(path);
        b.wait_for_text("main h1", heading);
        learner.reload();
        b.wait_for_text("main h1", heading);
    }
    learner.open("/");
    b.click_css("nav a[href=\"/learn\"]");
    b.wait_for_text("main h1", "Learn");
    let current = b.run(
        "return document.querySelector('nav a[aria-current=page]').textContent",
        json!([]),
    );
    assert_eq!(current.as_str(), Some("Learn"));
    b.click_css("a[href=\"/learn/icd-10-cm/how-icd-10-cm-is-organized\"]");
    b.wait_for_text("main h1", "How ICD-10-CM is organized");
}

#[test]
fn phone_layout_has_no_sideways_scroll() {
    let learner = Learner::sized(360, 740);
    let b = &learner.browser;
    for path in [
        "/",
        "/learn",
        "/learn/icd-10-cm/how-icd-10-cm-is-organized",
        "/my-data",
    ] {
        learner.open(path);
        let widths = b.run(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            json!([]),
        );
        assert_eq!(
            widths[0], widths[1],
            "{path} scrolls sideways at 360 px: {widths}"
        );
    }
}

#[test]
fn a_check_can_be_answered_by_keyboard() {
    let learner = Learner::start();
    let lesson = lesson("billing/life-of-a-claim");
    learner.open(&lesson.id.href());
    let b = &learner.browser;
    // The first Tab reaches the skip link.
    b.run("document.activeElement.blur()", json!([]));
    let body = b.wait_for("body");
    b.send_keys(&body, "\u{E004}");
    let focused = b.run("return document.activeElement.textContent", json!([]));
    assert_eq!(focused.as_str(), Some("Skip to content"));
    // Space selects the correct radio, Enter presses "Check answer".
    let key = lesson.checks[0].correct[0];
    let radio = b.wait_for(&format!(
        "fieldset[data-check=\"0\"] input[value=\"{key}\"]"
    ));
    b.send_keys(&radio, " ");
    let button = b.wait_for("fieldset[data-check=\"0\"] button");
    b.send_keys(&button, "\u{E007}");
    b.wait_for_text("fieldset[data-check=\"0\"] .verdict", "Correct.");
    let labelled = b.run(
        "return [...document.querySelectorAll('input')].every(i => i.closest('label') || document.querySelector(`label[for=\"${i.id}\"]`))",
        json!([]),
    );
    assert_eq!(labelled.as_bool(), Some(true), "every input has a label");
}
