//! Storage that fails: a corrupt value, a full quota, and another tab's changes.

use serde_json::json;

use crate::{Learner, lesson};

const CORRUPT: &str = "{\"format\":2,\"lessons\":{\"billing/life-of-a";

#[test]
fn a_corrupt_value_is_kept_and_explained() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/");
    b.run(
        "localStorage.setItem('billable.progress', arguments[0])",
        json!([CORRUPT]),
    );
    learner.reload();
    let banner = b.wait_for_text("[data-testid=quarantine-banner]", "could not be read");
    assert!(banner.contains("billable.quarantine.progress."), "{banner}");
    b.wait_for_text("[data-testid=overall]", &crate::overall(0));
    let kept: Vec<String> = learner
        .stored_keys()
        .into_iter()
        .filter(|k| k.starts_with("billable.quarantine.progress."))
        .collect();
    assert_eq!(kept.len(), 1, "one quarantined copy: {kept:?}");
    assert_eq!(
        learner.stored(&kept[0]).as_deref(),
        Some(CORRUPT),
        "kept byte for byte"
    );
    assert!(
        !b.find_all("[data-testid=quarantine-banner] button")
            .is_empty(),
        "offers the download"
    );

    // New work is saved normally, and the kept value stays.
    learner.answer_lesson(lesson("billing/life-of-a-claim"), &[]);
    assert_eq!(learner.stored_progress()["format"], 2);
    assert_eq!(learner.stored(&kept[0]).as_deref(), Some(CORRUPT));
}

#[test]
fn a_full_storage_is_never_reported_as_saved() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/learn/billing/life-of-a-claim");
    let filled = b.run(
        "let i = 0, last = '';
         for (const size of [262144, 16384, 1024, 64, 1]) {
             const chunk = 'x'.repeat(size);
             try { for (;;) { localStorage.setItem('filler.' + i, chunk); i++; } } catch (e) { last = e.name; }
         }
         return last;",
        json!([]),
    );
    assert_eq!(filled.as_str(), Some("QuotaExceededError"));
    let key = lesson("billing/life-of-a-claim").checks[0].correct[0];
    b.click_css(&format!(
        "fieldset[data-check=\"0\"] input[value=\"{key}\"]"
    ));
    b.click_css("fieldset[data-check=\"0\"] button");
    b.wait_for_text("[data-testid=not-saving-banner]", "not being saved");
    b.wait_for_text("[data-testid=lesson-status]", "Not saved");
    assert_eq!(
        learner.stored("billable.progress"),
        None,
        "nothing was written"
    );
    // The answer still counts in this tab.
    b.wait_for_text("fieldset[data-check=\"0\"] .verdict", "Correct.");
}

#[test]
fn another_tabs_progress_is_picked_up() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/");
    b.wait_for_text("[data-testid=overall]", &crate::overall(0));
    let first = b.current_tab();
    let second = b.new_tab();
    b.switch_to(&second);
    learner.answer_lesson(lesson("icd-10-cm/how-icd-10-cm-is-organized"), &[]);
    b.switch_to(&first);
    b.wait_for_text("[data-testid=overall]", &crate::overall(1));
    // A change made here now builds on the other tab's work instead of erasing it.
    learner.answer_lesson(lesson("billing/life-of-a-claim"), &[]);
    let lessons = learner.stored_progress()["lessons"].clone();
    assert!(
        lessons
            .get("icd-10-cm/how-icd-10-cm-is-organized")
            .is_some(),
        "{lessons}"
    );
    assert!(
        lessons.get("billing/life-of-a-claim").is_some(),
        "{lessons}"
    );
}

#[test]
fn blocked_storage_keeps_working_in_memory() {
    let learner = Learner::with_storage_blocked();
    let b = &learner.browser;
    learner.open("/");
    let blocked = b.run(
        "try { window.localStorage; return false; } catch (e) { return true; }",
        json!([]),
    );
    assert_eq!(
        blocked.as_bool(),
        Some(true),
        "the browser setting should block storage"
    );
    b.wait_for_text("[data-testid=not-saving-banner]", "blocks storage");
    let lesson = lesson("billing/life-of-a-claim");
    learner.answer_lesson(lesson, &[]);
    let total = lesson.checks.len();
    b.wait_for_text(
        "[data-testid=lesson-status]",
        &format!("Last score {total}/{total}"),
    );
    b.wait_for_text("[data-testid=lesson-status]", "Not saved");
    b.click_css("header a[href=\"/\"]");
    b.wait_for_text("[data-testid=overall]", &crate::overall(1));
}
