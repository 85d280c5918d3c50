//! Taking an exam: one question at a time, a navigator with flags, a timer that
//! warns at ten minutes and submits at zero, and work saved after every answer so a
//! reload resumes where the learner was (the clock keeps running meanwhile).

use std::time::Duration;

use leptos::prelude::*;

use super::Book;
use crate::app::now_ms;
use crate::domain::exam_progress::{ExamRecord, ExamSession};
use crate::domain::exams::blueprint::Feedback;
use crate::domain::exams::question::Question;
use crate::domain::exams::score::score;

/// Finishes the exam in progress: scores it and files it in the history.
pub fn finish(bank: &'static [Question], book: Book) {
    book.change(|b| {
        if let Some(session) = b.current.take() {
            let result = score(&session.exam, bank, &session.answers, session.pass_percent);
            b.history.push(ExamRecord {
                mode: session.exam.spec.mode,
                seed: session.exam.spec.seed,
                at: now_ms(),
                result,
            });
            b.last = Some(session);
        }
    });
}

/// The exam in progress.
#[component]
pub fn ExamRunner(
    /// The question bank.
    bank: &'static [Question],
    /// The exam records, whose `current` is the exam.
    book: Book,
) -> impl IntoView {
    let now = RwSignal::new(now_ms());
    if let Ok(handle) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let session = move || book.book.with(|b| b.current.clone());
    // Time is up: submit, on the first tick after expiry (or at once after a reload).
    Effect::new(move |_| {
        let t = now.get();
        if book
            .book
            .with_untracked(|b| b.current.as_ref().is_some_and(|s| s.clock.expired(t)))
        {
            finish(bank, book);
        }
    });
    let update = move |change: &dyn Fn(&mut ExamSession)| {
        book.change(|b| {
            if let Some(s) = b.current.as_mut() {
                change(s);
            }
        })
    };
    let timer = move || {
        let s = session()?;
        let t = now.get();
        let shown = s.clock.display(t);
        (!shown.is_empty()).then(|| view! {
            <p class="exam-timer" role="timer" aria-live="off">"Time left: "<strong id="time-left">{shown}</strong></p>
            {s.clock.warning(t).then(|| view! { <p class="banner" role="alert" id="time-warning">"Ten minutes or less left: the exam is submitted when the time runs out."</p> })}
        })
    };
    let navigator = move || {
        let s = session()?;
        let ids: Vec<String> = s.exam.questions.iter().map(|q| q.id.clone()).collect();
        let buttons = s
            .exam
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let answered = !s.answers.get(i).is_none_or(Vec::is_empty);
                let flagged = s.flags.get(i).copied().unwrap_or(false);
                let mut label = format!("Question {}", i + 1);
                if answered { label.push_str(", answered"); }
                if flagged { label.push_str(", flagged"); }
                let order: Vec<String> = q.order.iter().map(ToString::to_string).collect();
                view! {
                    <li>
                        <button type="button" class="nav-q" class:answered=answered class:flagged=flagged
                            aria-current=(i == s.position).then_some("step") aria-label=label
                            data-id=q.id.clone() data-order=order.join(",")
                            on:click=move |_| update(&|s: &mut ExamSession| s.position = i)>{i + 1}</button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <nav aria-label="Questions"><ol class="exam-nav" data-exam=ids.join(",")>{buttons}</ol></nav>
        })
    };
    let question = move || {
        let s = session()?;
        let i = s.position.min(s.exam.questions.len().saturating_sub(1));
        let eq = s.exam.questions.get(i)?.clone();
        let q = bank.iter().find(|q| q.id == eq.id)?;
        let chosen = s.answers.get(i).cloned().unwrap_or_default();
        let flagged = s.flags.get(i).copied().unwrap_or(false);
        let options = eq
            .order
            .iter()
            .enumerate()
            .map(|(shown, &original)| {
                let id = format!("option-{shown}");
                let checked = chosen.contains(&original);
                let text = q.options.get(original).cloned().unwrap_or_default();
                let multi = q.multi;
                let input = if multi {
                    view! { <input type="checkbox" id=id.clone() name="answer" prop:checked=checked
                        on:change=move |_| update(&|s: &mut ExamSession| if let Some(a) = s.answers.get_mut(i) {
                            if a.contains(&original) { a.retain(|x| *x != original) } else { a.push(original) }
                        })/> }.into_any()
                } else {
                    view! { <input type="radio" id=id.clone() name="answer" prop:checked=checked
                        on:change=move |_| update(&|s: &mut ExamSession| if let Some(a) = s.answers.get_mut(i) { *a = vec![original] })/> }.into_any()
                };
                view! { <div class="choice option">{input}<label for=id>{text.replace('`', "")}</label></div> }
            })
            .collect_view();
        let feedback = (s.feedback == Feedback::Immediate && !chosen.is_empty()).then(|| {
            let right = q.is_correct(&chosen);
            view! {
                <div class="feedback" role="status">
                    <p><strong>{if right { "Correct." } else { "Not quite." }}</strong></p>
                    <p>{q.rationale.replace('`', "")}</p>
                </div>
            }
        });
        let total = s.exam.questions.len();
        Some(view! {
            <section class="exam-question" aria-labelledby="question-heading">
                <h2 id="question-heading" tabindex="-1">{format!("Question {} of {total}", i + 1)}</h2>
                {(!q.case.is_empty()).then(|| view! { <p class="note-text case-note">{q.case.replace('`', "")}</p> })}
                <fieldset>
                    <legend class="stem">{q.stem.replace('`', "")}</legend>
                    {options}
                </fieldset>
                {feedback}
                <div class="actions">
                    <button type="button" id="prev-question" disabled={i == 0}
                        on:click=move |_| update(&|s: &mut ExamSession| s.position = i.saturating_sub(1))>"Previous"</button>
                    <button type="button" id="flag-question" aria-pressed=if flagged { "true" } else { "false" }
                        on:click=move |_| update(&|s: &mut ExamSession| if let Some(f) = s.flags.get_mut(i) { *f = !*f })>
                        {if flagged { "Unflag" } else { "Flag for review" }}</button>
                    <button type="button" id="next-question" disabled={i + 1 >= total}
                        on:click=move |_| update(&|s: &mut ExamSession| s.position = (i + 1).min(total - 1))>"Next"</button>
                </div>
            </section>
        })
    };
    let unanswered =
        move || session().map_or(0, |s| s.answers.iter().filter(|a| a.is_empty()).count());
    let title = move || {
        session().map(|s| {
            format!(
                "{} exam · seed {}",
                s.exam.spec.mode.label(),
                s.exam.spec.seed
            )
        })
    };
    view! {
        <p class="lead" id="exam-title">{title}</p>
        {timer}
        {question}
        {navigator}
        <p class="hint">{move || format!("{} unanswered. Flagged questions are marked in the list.", unanswered())}</p>
        <button type="button" id="finish-exam" class="primary" on:click=move |_| finish(bank, book)>"Submit the exam"</button>
    }
}
