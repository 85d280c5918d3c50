//! Mock exams and flashcards in the browser: a seeded custom exam matches the native
//! draw, survives a reload with its clock running, is submitted at zero, and is
//! scored with a breakdown; flashcards are reviewed by keyboard and their due counts
//! reach the dashboard.

use billable::content::flashcards::read_deck;
use billable::content::questions::read_bank;
use billable::content::{DECK_SOURCES, QUESTION_SOURCES};
use billable::domain::exam_sections::CmrsSection;
use billable::domain::exams::blueprint::{ExamSpec, Feedback, Mode, blueprint};
use billable::domain::exams::question::Question;
use billable::domain::exams::sample::{Exam, generate};
use billable::domain::exams::score::score;
use serde_json::json;

use crate::Learner;
use crate::charts::set_value;

fn bank() -> Vec<Question> {
    read_bank(QUESTION_SOURCES).0
}

/// The exam the page should draw for this custom setup.
fn expected(seed: u64, sections: &[CmrsSection], count: usize, minutes: Option<u32>) -> Exam {
    let spec = ExamSpec {
        mode: Mode::Custom,
        seed,
        sections: sections.to_vec(),
        count,
        minutes,
        feedback: Feedback::AtEnd,
    };
    let bp = blueprint(&spec).unwrap_or_else(|e| panic!("{e}"));
    generate(&bank(), &spec, &bp).unwrap_or_else(|e| panic!("{e}"))
}

/// Sets up and starts a custom exam on the sections with these checkbox indices.
fn start_custom(
    learner: &Learner,
    seed: u64,
    sections: &[usize],
    count: usize,
    minutes: Option<u32>,
) {
    let b = &learner.browser;
    learner.open("/exams");
    b.click_css("#mode-custom");
    b.wait_for("#exam-count");
    set_value(learner, "#exam-seed", &seed.to_string(), "change");
    for i in sections {
        b.click_css(&format!("#section-{i}"));
    }
    set_value(learner, "#exam-count", &count.to_string(), "change");
    if let Some(m) = minutes {
        b.click_css("#exam-timed");
        set_value(learner, "#exam-minutes", &m.to_string(), "change");
    }
    b.click_css("#start-exam");
    b.wait_for(".exam-nav");
}

/// The ids and option orders the page shows, in exam order.
fn shown(learner: &Learner) -> Vec<(String, String)> {
    let v = learner.browser.run(
        "return [...document.querySelectorAll('.nav-q')].map(b => [b.dataset.id, b.dataset.order])",
        json!([]),
    );
    serde_json::from_value(v).unwrap_or_default()
}

#[test]
fn a_seeded_custom_exam_matches_the_native_draw_and_survives_a_reload() {
    let learner = Learner::start();
    let b = &learner.browser;
    let sections = [CmrsSection::MedicalTerminology, CmrsSection::Cms1500];
    start_custom(&learner, 42, &[0, 7], 6, Some(30));
    let exam = expected(42, &sections, 6, Some(30));
    let want: Vec<(String, String)> = exam
        .questions
        .iter()
        .map(|q| {
            (
                q.id.clone(),
                q.order
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            )
        })
        .collect();
    assert_eq!(
        shown(&learner),
        want,
        "the browser draws what billable-tool exam prints"
    );

    // Answer the first three correctly, flag the second.
    let bank = bank();
    let mut answers = vec![Vec::new(); exam.questions.len()];
    for (i, eq) in exam.questions.iter().enumerate().take(3) {
        let q = bank
            .iter()
            .find(|q| q.id == eq.id)
            .unwrap_or_else(|| panic!("{}", eq.id));
        b.wait_for_text("#question-heading", &format!("Question {} of 6", i + 1));
        for original in &q.answer {
            let position = eq.order.iter().position(|o| o == original).unwrap_or(0);
            b.click_css(&format!("#option-{position}"));
        }
        answers[i] = q.answer.clone();
        if i == 1 {
            b.click_css("#flag-question");
            b.wait_for(".nav-q.flagged");
        }
        b.click_css("#next-question");
    }
    b.wait_until("three answered questions", || {
        (b.find_all(".nav-q.answered").len() == 3).then_some(())
    });

    // A reload resumes the exam with the clock still running.
    learner.reload();
    b.wait_for(".exam-nav");
    assert_eq!(b.find_all(".nav-q.answered").len(), 3);
    assert_eq!(b.find_all(".nav-q.flagged").len(), 1);
    b.wait_for_text("#time-left", "0:2");
    b.wait_for_text("#question-heading", "Question 4 of 6");

    b.click_css("#finish-exam");
    let result = score(&exam, &bank, &answers, 70);
    b.wait_for_text("#exam-verdict", &format!("{} of 6 right", result.correct));
    let rows = b.find_all(".breakdown tbody tr");
    assert_eq!(rows.len(), 2, "one row per section");
    b.wait_for_text(".breakdown", "Medical Terminology");
    b.wait_for(".exam-review li");
    b.wait_for(".score-chart circle");
}

#[test]
fn a_timed_exam_is_submitted_when_its_time_is_up() {
    let learner = Learner::start();
    let b = &learner.browser;
    start_custom(&learner, 7, &[4], 3, Some(5));
    b.wait_for("#time-warning");
    // Thirty minutes pass while the tab is closed.
    b.run(
        "const raw = JSON.parse(localStorage.getItem('billable.progress'));
         const exams = JSON.parse(raw.exams);
         exams.current.clock.started_ms -= 30 * 60 * 1000;
         raw.exams = JSON.stringify(exams);
         localStorage.setItem('billable.progress', JSON.stringify(raw));",
        json!([]),
    );
    learner.reload();
    b.wait_for_text("#exam-verdict", "0 of 3 right");
}

#[test]
fn flashcards_are_reviewed_by_keyboard_and_counted_on_the_dashboard() {
    let learner = Learner::start();
    let b = &learner.browser;
    learner.open("/flashcards/prefixes");
    let front = b.wait_for("#card-front");
    let first = b.text(&front);
    let body = b.wait_for("body");
    b.send_keys(&body, " ");
    b.wait_for("#card-back");
    b.send_keys(&body, "3");
    b.wait_for_text("#review-count", "1 reviewed");
    b.wait_until("the next card", || {
        let now = b.run(
            "return document.querySelector('#card-front').innerText",
            json!([]),
        );
        (now.as_str() != Some(first.as_str())).then_some(())
    });
    assert!(
        b.find_all("#card-back").is_empty(),
        "the next card starts face down"
    );
    b.send_keys(&body, " ");
    b.send_keys(&body, "1");
    b.wait_for_text("#review-count", "2 reviewed");
    let progress = learner.stored_progress();
    let cards: serde_json::Value =
        serde_json::from_str(progress["cards"].as_str().unwrap_or("{}")).unwrap_or_default();
    assert_eq!(
        cards.as_object().map(|o| o.len()),
        Some(2),
        "two cards have review states"
    );

    let deck = DECK_SOURCES
        .iter()
        .find(|(p, _)| p.ends_with("/prefixes.toml"))
        .and_then(|(p, t)| read_deck(p, t).ok())
        .unwrap_or_else(|| panic!("the prefixes deck"));
    learner.open("/");
    b.wait_for_text(
        ".deck-due li[data-deck=\"prefixes\"]",
        &format!("{} new", deck.cards.len() - 2),
    );
}
