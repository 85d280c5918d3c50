//! A lesson's completion: checks answered, last and best score, and retry.

use leptos::prelude::*;

use super::progress_store::SaveState;
use super::use_progress;
use crate::domain::lesson::Lesson;

/// How far the learner is through a lesson's checks, and the scores once finished.
#[component]
pub fn LessonStatus(
    /// The lesson whose status is shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let store = use_progress();
    let total = lesson.checks.len();
    let answered = move || store.with(|p| p.lesson(&lesson.info.id).map_or(0, |r| r.answers.len()));
    let scores = move || {
        store.with(|p| {
            p.lesson(&lesson.info.id)
                .map(|r| (r.last, r.best, r.attempts))
        })
    };
    let saved_note = move || match store.save_state() {
        SaveState::Saving => "Saved in this browser.",
        _ => "Not saved: see the warning at the top of the page.",
    };
    let summary = move || {
        let answered = answered();
        match scores() {
            Some((Some(last), Some(best), attempts)) if answered == total => {
                let tries = if attempts == 1 {
                    "1 attempt".to_string()
                } else {
                    format!("{attempts} attempts")
                };
                format!(
                    "Lesson complete. Last score {}/{} ({}%), best {}/{} ({}%), {tries}.",
                    last.correct,
                    last.total,
                    last.percent(),
                    best.correct,
                    best.total,
                    best.percent()
                )
            }
            Some((_, Some(best), _)) => format!(
                "{answered} of {total} checks answered. Best score so far {}/{} ({}%).",
                best.correct,
                best.total,
                best.percent()
            ),
            _ => format!("{answered} of {total} checks answered."),
        }
    };
    let can_retry = move || answered() == total;
    view! {
        <section class="lesson-status" aria-labelledby="status-heading">
            <h2 id="status-heading">"Your result"</h2>
            <p data-testid="lesson-status" aria-live="polite">{summary}" "{saved_note}</p>
            {move || can_retry().then(|| view! {
                <button type="button" on:click=move |_| store.update(|p| p.retry(&lesson.info.id))>
                    "Retry the checks"
                </button>
            })}
        </section>
    }
}
