//! The progress model's transitions.

use billable::domain::progress::{AnswerError, Progress, track_summaries};
use billable::domain::tracks::Track;

use crate::support::sample_lesson;

#[test]
fn answering_every_check_completes_the_lesson() {
    let lesson = sample_lesson();
    let mut p = Progress::default();
    assert!(!p.is_complete(&lesson.info.id));
    let first = p
        .answer(&lesson, 0, &[1], 10, 0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first.result.correct);
    assert_eq!(first.finished, None);
    let second = p
        .answer(&lesson, 1, &[0], 20, 0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!second.result.correct);
    assert!(!p.is_complete(&lesson.info.id));
    let third = p
        .answer(&lesson, 2, &[0], 30, 0)
        .unwrap_or_else(|e| panic!("{e}"));
    let score = third
        .finished
        .unwrap_or_else(|| panic!("the last answer finishes the attempt"));
    assert_eq!(
        (score.correct, score.total, score.at, score.percent()),
        (2, 3, 30, 66)
    );
    assert!(p.is_complete(&lesson.info.id));
    let record = p
        .lesson(&lesson.info.id)
        .unwrap_or_else(|| panic!("record exists"));
    assert_eq!(
        (record.best, record.last, record.attempts),
        (Some(score), Some(score), 1)
    );
    assert_eq!(p.chosen(&lesson.info.id, 1), Some(vec![0]));
}

#[test]
fn retry_keeps_best_and_last() {
    let lesson = sample_lesson();
    let mut p = Progress::default();
    let answer_all = |p: &mut Progress, picks: [&[usize]; 3], at: u64| {
        for (i, pick) in picks.into_iter().enumerate() {
            let _ = p.answer(&lesson, i, pick, at, 0);
        }
    };
    answer_all(&mut p, [&[1], &[0, 1], &[0]], 100);
    p.retry(&lesson.info.id);
    assert_eq!(p.chosen(&lesson.info.id, 0), None);
    assert!(
        p.is_complete(&lesson.info.id),
        "retrying keeps the lesson complete"
    );
    answer_all(&mut p, [&[0], &[0], &[1]], 200);
    let record = p
        .lesson(&lesson.info.id)
        .unwrap_or_else(|| panic!("record exists"));
    assert_eq!(record.attempts, 2);
    assert_eq!(record.best.map(|s| (s.correct, s.at)), Some((3, 100)));
    assert_eq!(record.last.map(|s| (s.correct, s.at)), Some((0, 200)));
}

#[test]
fn invalid_answers_are_refused_without_change() {
    let lesson = sample_lesson();
    let mut p = Progress::default();
    let cases: [(usize, &[usize], AnswerError); 4] = [
        (9, &[0], AnswerError::NoSuchCheck(9)),
        (0, &[], AnswerError::NothingChosen),
        (0, &[5], AnswerError::NoSuchOption(5)),
        (0, &[0, 1], AnswerError::TooManyChosen),
    ];
    for (check, chosen, error) in cases {
        assert_eq!(p.answer(&lesson, check, chosen, 1, 0), Err(error));
    }
    assert_eq!(p, Progress::default());
    let _ = p.answer(&lesson, 0, &[1], 1, 0);
    assert_eq!(
        p.answer(&lesson, 0, &[0], 2, 0),
        Err(AnswerError::AlreadyAnswered)
    );
    assert_eq!(p.chosen(&lesson.info.id, 0), Some(vec![1]));
}

#[test]
fn summaries_list_only_tracks_with_lessons() {
    let lesson = sample_lesson();
    let mut p = Progress::default();
    let lessons = vec![lesson.info.clone()];
    let before = track_summaries(&lessons, &p);
    assert_eq!(before.len(), 1);
    assert_eq!(
        (before[0].track, before[0].completed, before[0].total),
        (Track::Billing, 0, 1)
    );
    for (i, pick) in [[1], [0], [0]].iter().enumerate() {
        let _ = p.answer(&lesson, i, pick, 5, 0);
    }
    assert_eq!(track_summaries(&lessons, &p)[0].completed, 1);
    // Records for lessons that no longer exist are ignored, not counted.
    p.lessons.insert(
        "billing/removed".into(),
        p.lessons["billing/sample"].clone(),
    );
    assert_eq!(track_summaries(&lessons, &p)[0].completed, 1);
}

#[test]
fn lesson_states_describe_progress() {
    use billable::domain::progress::LessonState;
    let lesson = crate::support::sample_lesson();
    let id = &lesson.info.id;
    let checks = lesson.checks.len();
    let mut progress = Progress::default();
    let state = |p: &Progress| LessonState::of(p, id, checks);
    assert_eq!(state(&progress).describe(), "Not started");
    let _ = progress.answer(&lesson, 0, &[1], 1, 0);
    assert_eq!(
        state(&progress).describe(),
        "In progress, 1 of 3 checks answered"
    );
    assert_eq!(state(&progress).answered(checks), 1);
    let _ = progress.answer(&lesson, 1, &[0, 1], 2, 0);
    let _ = progress.answer(&lesson, 2, &[0], 3, 0);
    assert_eq!(state(&progress).describe(), "Complete, best score 100%");
    progress.retry(id);
    let _ = progress.answer(&lesson, 0, &[0], 4, 0);
    let _ = progress.answer(&lesson, 1, &[0, 1], 5, 0);
    let _ = progress.answer(&lesson, 2, &[0], 6, 0);
    assert_eq!(
        state(&progress).describe(),
        "Complete, best score 100%, last 66%"
    );
    assert_eq!(state(&progress).answered(checks), checks);
}

#[test]
fn chart_drafts_attempts_and_reveals_are_kept() {
    use billable::domain::charts::grade::Answer;
    use billable::domain::saved::{decode, encode};
    let mut progress = Progress::default();
    assert!(progress.chart("fm-x").is_none());
    let answer = Answer {
        diagnoses: vec!["J02.0".into()],
        lines: Vec::new(),
    };
    let steps = [
        progress.save_chart_draft("fm-x", answer.clone(), 0),
        progress.record_chart_attempt("fm-x", answer.clone(), 60, 10, 0),
        progress.reveal_chart("fm-x"),
        progress.record_chart_attempt("fm-x", answer.clone(), 100, 20, 0),
    ];
    assert!(steps.iter().all(Result::is_ok), "{steps:?}");
    let record = progress.chart("fm-x").unwrap_or_default();
    assert_eq!(record.best(), Some(100));
    assert_eq!(record.draft.as_ref(), Some(&answer));
    assert!(record.revealed);
    assert_eq!(
        record
            .attempts
            .iter()
            .map(|a| a.after_reveal)
            .collect::<Vec<_>>(),
        [false, true]
    );
    // Charts travel in the same saved envelope, and older saves without them still read.
    let decoded = decode(&encode(&progress)).map(|d| d.progress);
    assert_eq!(decoded.as_ref().ok(), Some(&progress));
    let older = decode(r#"{"format":2,"lessons":{}}"#).map(|d| d.progress);
    assert_eq!(older.ok(), Some(Progress::default()));
    // Unreadable chart records are kept as they are, and nothing overwrites them.
    let damaged =
        decode(r#"{"format":2,"lessons":{},"charts":"{\"fm-x\":{\"attempts\":\"no\"}}"}"#)
            .map(|d| d.progress);
    let Ok(mut damaged) = damaged else {
        panic!("the lessons still load: {damaged:?}")
    };
    assert!(damaged.chart_book().is_err());
    assert!(damaged.save_chart_draft("fm-x", answer, 0).is_err());
    assert!(encode(&damaged).contains(r#"\"attempts\":\"no\""#));
}

#[test]
fn claim_records_travel_in_the_saved_envelope() {
    use billable::domain::saved::{decode, encode};
    let mut progress = Progress::default();
    let saved = progress.change_claim("ppo-x", |r| {
        r.draft.set("2", "QUILLFEATHER, MARISOL");
        r.scores.push(85);
        r.posted = true;
    });
    assert!(saved.is_ok(), "{saved:?}");
    let decoded = decode(&encode(&progress)).map(|d| d.progress);
    assert_eq!(decoded.as_ref().ok(), Some(&progress));
    let record = decoded
        .ok()
        .and_then(|p| p.claim_record("ppo-x"))
        .unwrap_or_default();
    assert_eq!(
        (record.best(), record.draft.get("2")),
        (Some(85), "QUILLFEATHER, MARISOL")
    );
    // Unreadable claim records are kept as they are, and nothing overwrites them.
    let damaged = decode(r#"{"format":2,"lessons":{},"claims":"{\"x\":{\"scores\":\"no\"}}"}"#)
        .map(|d| d.progress);
    let Ok(mut damaged) = damaged else {
        panic!("the lessons still load: {damaged:?}")
    };
    assert!(damaged.claim_book().is_err());
    assert!(damaged.change_claim("x", |r| r.posted = true).is_err());
    assert!(encode(&damaged).contains(r#"\"scores\":\"no\""#));
}

#[test]
fn active_time_adds_up_on_answers_and_is_not_saved_while_zero() {
    let lesson = sample_lesson();
    let mut p = Progress::default();
    let _ = p.answer(&lesson, 0, &[1], 10, 0);
    let json = serde_json::to_string(&p).unwrap_or_default();
    assert!(!json.contains("spent_ms"), "no time, no field: {json}");
    let _ = p.answer(&lesson, 1, &[0], 20, 90_000);
    let _ = p.answer(&lesson, 0, &[0], 30, 5_000);
    let _ = p.answer(&lesson, 2, &[0], 40, 30_000);
    let record = p.lesson(&lesson.info.id).cloned().unwrap_or_default();
    assert_eq!(record.spent_ms, 120_000, "a refused answer adds nothing");
    let json = serde_json::to_string(&p).unwrap_or_default();
    let back: Progress = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, p);
}
