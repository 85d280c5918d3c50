//! Assignments end to end in two browsers: the instructor builds one, the student opens
//! its link in a fresh profile, does the work and downloads a results file, and the
//! instructor imports it, sees the score and exports the CSV.

use billable::content::charts::read_chart;
use billable::content::own::CHART_TEMPLATE;
use serde_json::json;

use crate::Learner;
use crate::charts::{enter, set_value};

/// Once the builder lists `items` items, creates the assignment and returns its link.
fn create_with_items(teacher: &Learner, items: usize) -> String {
    let t = &teacher.browser;
    t.wait_until("the items", || {
        (t.find_all(".assignment-builder .assignment-items li").len() == items).then_some(())
    });
    t.click_css("#create-assignment");
    t.wait_for("#assignment-link");
    let link = t.run(
        "return document.querySelector('#assignment-link').value",
        json!([]),
    );
    let link = link.as_str().unwrap_or_default().to_string();
    assert!(link.contains("/assignment#"), "{link}");
    link
}

/// A downloaded JSON file.
fn read_json(file: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(file).unwrap_or_default()).unwrap_or_default()
}

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
    let link = create_with_items(&teacher, 2);

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
    let results: serde_json::Value = read_json(&file);
    assert!(
        results["items"][0]["time_ms"].as_u64().unwrap_or(0) > 0,
        "the lesson's active time: {results}"
    );

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

#[test]
fn an_instructors_own_chart_and_questions_are_checked_shared_and_done() {
    let teacher = Learner::start();
    let t = &teacher.browser;
    teacher.open("/instructor");
    t.wait_for("#assignment-title-input");
    set_value(
        &teacher,
        "#assignment-title-input",
        "Our own case",
        "change",
    );
    set_value(&teacher, "#assignment-due", "2026-12-11", "change");

    // A chart with a non-billable code and a real-looking phone is refused, with lines.
    let broken = CHART_TEMPLATE
        .replace("code = \"J02.0\"", "code = \"J02\"")
        .replace("555-0142", "555-2368");
    let line = |needle: &str| {
        broken
            .lines()
            .position(|l| l.contains(needle))
            .map_or(0, |i| i + 1)
    };
    set_value(&teacher, "#item-kind", "own-chart", "change");
    set_value(&teacher, "#item-id", "sore-throat", "change");
    set_value(&teacher, "#own-source", &broken, "input");
    t.click_css("#add-item");
    t.wait_for_text(
        "#own-problems",
        &format!(
            "Line {}: J02 is not a billable ICD-10-CM code",
            line("\"J02\"")
        ),
    );
    t.wait_for_text(
        "#own-problems",
        &format!("Line {}: phone", line("555-2368")),
    );
    t.wait_for_text("#own-status", "Not added");
    assert!(
        t.find_all(".assignment-builder .assignment-items li")
            .is_empty()
    );

    // The template passes; so do the question template's two questions.
    t.click_css("#chart-template");
    t.click_css("#add-item");
    t.wait_for_text("#own-status", "Checked and added");
    set_value(&teacher, "#item-kind", "own-questions", "change");
    set_value(&teacher, "#item-id", "quiz", "change");
    t.click_css("#questions-template");
    t.click_css("#add-item");
    t.wait_for_text("#own-status", "Checked and added: 2 questions");
    let link = create_with_items(&teacher, 2);

    // The student opens it and codes the chart in the workspace.
    let student = Learner::start();
    let s = &student.browser;
    student.open(&link[link.find("/assignment").unwrap_or(0)..]);
    s.wait_for_text("#assignment-title", "Our own case");
    s.click_css(".assignment-items li:nth-child(1) a");
    s.wait_for("#dx-input");
    s.wait_for_text(".breadcrumb", "Assignments");
    let chart = read_chart("sore-throat.toml", CHART_TEMPLATE).unwrap_or_else(|e| panic!("{e}"));
    enter(&student, &chart.key_answer());
    s.click_css("#submit-chart");
    s.wait_for_text("#grade-heading", "100");

    // Then the questions: one right, one wrong.
    student.open("/assignment");
    s.click_css(".chart-list .link-button");
    s.click_css(".assignment-items li:nth-child(2) a");
    s.wait_for("#q0-o0");
    s.click_css("#q0-o0");
    s.click_css("#q1-o3");
    s.click_css("#submit-quiz");
    s.wait_for_text("#quiz-result", "Score: 50% (1 of 2 correct)");
    s.wait_for_text(
        ".quiz-question[data-question=\"my-002\"] .rationale",
        "Not correct.",
    );

    // Both count on the assignment page, and the results file carries them.
    student.open("/assignment");
    s.click_css(".chart-list .link-button");
    s.wait_for_text(".assignment-items li:nth-child(1)", "Done: 100%");
    s.wait_for_text(".assignment-items li:nth-child(2)", "Done: 50%");
    set_value(&student, "#student-name", "Ana Quillfeather", "change");
    s.click_css("#submit-results");
    let file = s.wait_for_download(".billable-results.json");
    let results: serde_json::Value = read_json(&file);
    let items = &results["items"];
    assert_eq!(items[0]["score"], 100, "{results}");
    assert!(
        items[0]["time_ms"].as_u64().unwrap_or(0) > 0,
        "chart time: {results}"
    );
    assert_eq!(items[0]["answers"][0], "J02.0", "{results}");
    assert_eq!(items[1]["questions"][1]["chosen"], json!([3]), "{results}");
    assert!(
        items[1]["time_ms"].as_u64().unwrap_or(0) > 0,
        "quiz time: {results}"
    );
}
