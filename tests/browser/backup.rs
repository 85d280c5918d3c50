//! My data: export a backup, reset, import it back, and refuse a bad file.

use crate::{Learner, lesson, temp_file};

#[test]
fn export_reset_import_restores_the_same_progress() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.answer_lesson(lesson("medical-terminology/word-parts"), &[1]);
    let before = learner.stored_progress();

    learner.open("/my-data");
    b.click_css("section[aria-labelledby=backup-heading] button");
    let file = b.wait_for_download(".json");
    assert!(
        file.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("billable-backup-"))
    );

    b.click_css("section[aria-labelledby=reset-heading] button.danger");
    b.click_css(".confirm button.danger");
    b.wait_for_text(
        "[data-testid=data-notice]",
        "Progress reset. Saved in this browser.",
    );
    assert_eq!(learner.stored_progress()["lessons"], serde_json::json!({}));

    learner.upload("#import-file", &file);
    let preview = b.wait_for_text("[data-testid=import-preview]", "After the import: 1");
    assert!(
        preview.contains("Medical word parts") || preview.contains("complete"),
        "{preview}"
    );
    b.click_css("[data-testid=import-preview] button");
    b.wait_for_text(
        "[data-testid=data-notice]",
        "Backup imported. Saved in this browser.",
    );
    assert_eq!(learner.stored_progress(), before);

    learner.open("/");
    b.wait_for_text(
        "[data-track=\"medical-terminology\"] .track-count",
        &crate::track_count("medical-terminology", 1),
    );
}

#[test]
fn a_bad_file_changes_nothing() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.answer_lesson(lesson("billing/life-of-a-claim"), &[]);
    let before = learner.stored_progress();
    let bad = temp_file("not-a-backup.json", "{\"hello\": \"world\"}");
    learner.open("/my-data");
    learner.upload("#import-file", &bad);
    b.wait_for_text(
        "[data-testid=data-notice]",
        "Nothing was changed: this JSON file is not a Billable backup",
    );
    assert!(b.find_all("[data-testid=import-preview]").is_empty());
    assert_eq!(learner.stored_progress(), before);

    // Over 5 MB is refused from its size alone.
    let big = temp_file("too-big.json", vec![b' '; 5 * 1024 * 1024 + 1]);
    learner.upload("#import-file", &big);
    b.wait_for_text("[data-testid=data-notice]", "backups over 5 MB are refused");
    assert_eq!(learner.stored_progress(), before);
    let _ = std::fs::remove_file(bad);
    let _ = std::fs::remove_file(big);
}
