//! The app shell: dashboard, routes, layout and keyboard use.

use serde_json::json;

use crate::{Learner, lesson};

#[test]
fn dashboard_shows_progress_per_track() {
    let learner = Learner::start();
    learner.open("/");
    let b = &learner.browser;
    b.wait_for_text("main h1", "Your progress");
    b.wait_for_text("[data-testid=overall]", &crate::overall(0));
    let tracks = billable::domain::tracks::Track::ALL.map(|t| t.slug());
    for track in tracks {
        b.wait_for_text(
            &format!("[data-track=\"{track}\"] .track-count"),
            &crate::track_count(track, 0),
        );
    }
    assert_eq!(b.find_all("[data-track] progress").len(), tracks.len());
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
        ("/glossary", "Glossary"),
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
    // A link from one lesson straight to another keeps the route and changes only its
    // parameters; the page must follow.
    b.run(
        "const a = document.createElement('a'); a.href = '/learn/billing/life-of-a-claim'; a.id = 'jump';
         a.textContent = 'jump'; document.querySelector('main').append(a);",
        json!([]),
    );
    b.click_css("#jump");
    b.wait_for_text("main h1", "The life of a claim");
    let path = b.run("return location.pathname", json!([]));
    assert_eq!(path.as_str(), Some("/learn/billing/life-of-a-claim"));
    // Back goes back.
    b.run("history.back()", json!([]));
    b.wait_for_text("main h1", "How ICD-10-CM is organized");
}

#[test]
fn phone_layout_has_no_sideways_scroll() {
    let learner = Learner::sized(360, 740);
    let b = &learner.browser;
    for path in [
        "/",
        "/learn",
        "/learn?q=modifier",
        "/glossary",
        "/charts",
        "/charts/derm-bcc-excision-layered-closure",
        "/learn/icd-10-cm/how-icd-10-cm-is-organized",
        "/my-data",
        "/claims",
        "/claims/medicaid-lumbar-mri-transposed-auth",
        "/exams",
        "/flashcards",
        "/flashcards/prefixes",
        "/instructor",
        "/assignment",
    ] {
        learner.open(path);
        // Pages that fetch their content are measured once it is in.
        if path.contains("?q=") {
            b.wait_for(".search-count");
        } else if path == "/glossary" {
            b.wait_for(".glossary dl");
        } else if matches!(path, "/charts" | "/claims" | "/flashcards") {
            b.wait_for(".chart-item");
        } else if path.starts_with("/claims/") {
            b.wait_for("#box-2");
        } else if path == "/exams" {
            b.wait_for("#start-exam");
        } else if path.starts_with("/flashcards/") {
            b.wait_for("#card-front");
        }
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
    learner.open(&lesson.info.id.href());
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
    // The same holds for the claim form, the exam setup and the instructor's builder.
    for (path, ready) in [
        ("/claims/ppo-chiropractic-not-covered", "#box-33a"),
        ("/exams", "#start-exam"),
        ("/instructor", "#create-assignment"),
    ] {
        learner.open(path);
        b.wait_for(ready);
        let labelled = b.run(
            "return [...document.querySelectorAll('input, select, textarea')].filter(i => !(i.closest('label') || document.querySelector(`label[for=\"${i.id}\"]`) || i.getAttribute('aria-label'))).map(i => i.id)",
            json!([]),
        );
        assert_eq!(labelled, json!([]), "{path}: every control has a label");
    }
}

/// Emulates the system colour scheme, then checks the page follows it and saves a
/// phone-sized screenshot of each to target/screenshots/ (the README's come from here).
#[test]
fn light_and_dark_follow_the_system() {
    let learner = Learner::sized(390, 844);
    let b = &learner.browser;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    // Some saved progress, so the pictures show a bar that is not empty.
    learner.open("/");
    let saved = r#"{"format":2,"lessons":{"medical-terminology/word-parts":{"answers":{},"best":{"correct":4,"total":5,"at":1795400000000},"last":{"correct":4,"total":5,"at":1795400000000},"attempts":1}}}"#;
    b.run(
        "localStorage.setItem('billable.progress', arguments[0])",
        json!([saved]),
    );
    for (scheme, background) in [("light", "rgb(255, 255, 255)"), ("dark", "rgb(18, 21, 26)")] {
        b.cdp(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]}),
        );
        learner.open("/");
        let shown = b.run(
            "return getComputedStyle(document.body).backgroundColor",
            json!([]),
        );
        assert_eq!(shown.as_str(), Some(background), "{scheme} scheme");
        b.wait_for_text(
            "[data-track=\"medical-terminology\"] .track-count",
            &crate::track_count("medical-terminology", 1),
        );
        let png = b.screenshot_png();
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
        let _ = std::fs::write(dir.join(format!("dashboard-{scheme}.png")), png);
    }
}
