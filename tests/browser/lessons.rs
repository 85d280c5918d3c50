//! Completing a lesson's checks, keeping the result across reloads, and retrying.

use crate::{Learner, lesson};

#[test]
fn completing_a_lesson_is_scored_and_survives_a_reload() {
    let learner = Learner::start();
    let b = &learner.browser;
    let lesson = lesson("medical-terminology/word-parts");
    let total = lesson.checks.len();
    learner.answer_lesson(lesson, &[0]);
    let expected = format!("Lesson complete. Last score {}/{total}", total - 1);
    b.wait_for_text("[data-testid=lesson-status]", &expected);
    b.wait_for_text("[data-testid=lesson-status]", "Saved in this browser.");
    b.wait_for_text("fieldset[data-check=\"0\"] .verdict", "Not quite.");
    assert!(
        !b.find_all("fieldset[data-check=\"0\"] .rationale p")
            .is_empty(),
        "the rationale is shown"
    );

    let stored = learner.stored_progress();
    assert_eq!(stored["format"], 2);
    let record = &stored["lessons"]["medical-terminology/word-parts"];
    assert_eq!(record["best"]["correct"], total - 1);
    assert_eq!(record["attempts"], 1);

    learner.reload();
    b.wait_for_text("[data-testid=lesson-status]", &expected);
    assert!(
        b.find_all("fieldset[data-check] button").is_empty(),
        "answered checks stay answered"
    );

    learner.open("/");
    b.wait_for_text(
        "[data-track=\"medical-terminology\"] .track-count",
        &crate::track_count("medical-terminology", 1),
    );
    b.wait_for_text("[data-testid=overall]", &crate::overall(1));
}

#[test]
fn retrying_keeps_the_best_score() {
    let learner = Learner::start();
    let b = &learner.browser;
    let lesson = lesson("billing/life-of-a-claim");
    let total = lesson.checks.len();
    learner.answer_lesson(lesson, &[]);
    b.wait_for_text(
        "[data-testid=lesson-status]",
        &format!("Last score {total}/{total}"),
    );
    b.click_css(".lesson-status button");
    b.wait_for_text(
        "[data-testid=lesson-status]",
        &format!("0 of {total} checks answered"),
    );
    learner.answer_lesson(lesson, &[0, 1]);
    let status = b.wait_for_text("[data-testid=lesson-status]", "2 attempts");
    assert!(
        status.contains(&format!("Last score {}/{total}", total - 2)),
        "{status}"
    );
    assert!(
        status.contains(&format!("best {total}/{total}")),
        "{status}"
    );
    // The track page shows both scores.
    learner.open("/learn");
    b.wait_for_text(
        "a[href=\"/learn/billing/life-of-a-claim\"] + .lesson-meta",
        &format!(
            "Complete, best score 100%, last {}%",
            (total - 2) * 100 / total
        ),
    );
}
