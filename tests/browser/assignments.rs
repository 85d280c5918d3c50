//! Assignments end to end in two browsers: the instructor builds one, the student opens
//! its link in a fresh profile, does the work and downloads a results file, and the
//! instructor imports it, sees the score and exports the CSV.

use serde_json::json;

use crate::Learner;
use crate::charts::set_value;

#[test]
fn an_assignment_goes_out_as_a_link_and_comes_back_as_a_graded_results_file() {
    let lesson = crate::lesson("billing/life-of-a-claim");
    let teacher = Learner::start();
    let t = &teacher.browser;

    // 1. Build an assignment with a lesson and a chart.
    teacher.open("/instructor");
    t.wait_for("#assignment-title-input");
    set_value(
        &teacher,
        "#assignment-title-input",
        "Week 6 homework",
        "change",
    );
    set_value(&teacher, "#assignment-due", "2026-12-04", "change");
    set_value(
        &teacher,
        "#assignment-instructions",
        "Read the lesson, then **code the chart**.",
        "input",
    );
    t.wait_for_text(".preview strong", "code the chart");
    set_value(&teacher, "#item-kind", "lesson", "change");
    set_value(&teacher, "#item-id", "billing/life-of-a-claim", "change");
    set_value(&teacher, "#item-pass", "60", "change");
    t.click_css("#add-item");
    set_value(&teacher, "#item-kind", "chart", "change");
    set_value(
        &teacher,
        "#item-id",
        "bh-psychotherapy-recurrent-mdd",
        "change",
    );
    t.click_css("#add-item");
    t.wait_until("two items", || {
        (t.find_all(".assignment-builder .assignment-items li").len() == 2).then_some(())
    });
    t.click_css("#create-assignment");
    t.wait_for("#assignment-link");
    let link = t.run(
        "return document.querySelector('#assignment-link').value",
        json!([]),
    );
    let link = link.as_str().unwrap_or_default().to_string();
    assert!(link.contains("/assignment#"), "{link}");

    // 2. A student opens it in a fresh profile and does the lesson.
    let student = Learner::start();
    let s = &student.browser;
    let path = &link[link.find("/assignment").unwrap_or(0)..];
    student.open(path);
    s.wait_for_text("#assignment-title", "Week 6 homework");
    s.wait_for_text(".assignment-items", "Not started");
    student.answer_lesson(lesson, &[]);
    student.open("/assignment");
    s.click_css(".chart-list .link-button");
    s.wait_for_text(".assignment-items", "Done: 100% (pass mark 60%)");

    // 3. Submit results.
    set_value(&student, "#student-name", "Ana Quillfeather", "change");
    s.click_css("#submit-results");
    let file = s.wait_for_download(".billable-results.json");

    // 4. The instructor imports it.
    teacher.open("/instructor");
    teacher.upload(".results-input", &file);
    t.wait_for_text(".import-messages", "results of Ana Quillfeather added");

    // 5. The score is in the gradebook.
    t.wait_for_text(".gradebook tr[data-student=\"Ana Quillfeather\"]", "100%");
    // The same file again is recognised.
    teacher.upload(".results-input", &file);
    t.wait_for_text(".import-messages", "already imported");

    // 6. Export the CSV.
    t.click_css(".export-csv");
    let csv = t.wait_for_download(".csv");
    let text = std::fs::read_to_string(&csv).unwrap_or_default();
    assert!(
        text.starts_with("Student name,Student id,1. Lesson billing/life-of-a-claim"),
        "{text}"
    );
    assert!(text.contains("Ana Quillfeather,,100,,50,no"), "{text}");
}

#[test]
fn a_damaged_link_explains_itself_and_stores_nothing() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/assignment#bm90LWEtbGluaw");
    b.wait_for_text("#assignment-error", "This assignment link cannot be opened");
    let progress = learner.stored("billable.progress").unwrap_or_default();
    assert!(
        !progress.contains("\"assignments\""),
        "nothing is stored: {progress}"
    );
}
