//! One knowledge check: choose, submit, and see the verdict with its rationale.

use leptos::prelude::*;

use super::lesson_page::take_lesson_time;
use super::lesson_text::LessonText;
use super::{now_ms, use_progress};
use crate::domain::checks::grade_check;
use crate::domain::lesson::Lesson;

/// The check at `index` of `lesson`, graded on the page and saved in progress.
#[component]
pub fn KnowledgeCheck(
    /// The lesson the check belongs to.
    lesson: &'static Lesson,
    /// The check's index within the lesson.
    index: usize,
) -> impl IntoView {
    let Some(check) = lesson.checks.get(index) else {
        return ().into_any();
    };
    let store = use_progress();
    let selected = RwSignal::new(Vec::<usize>::new());
    let error = RwSignal::new(None::<String>);
    let answered = Memo::new(move |_| store.with(|p| p.chosen(&lesson.info.id, index)));
    let is_chosen = move |i: usize| match answered.get() {
        Some(chosen) => chosen.contains(&i),
        None => selected.with(|s| s.contains(&i)),
    };
    let question_id = format!("check-{index}-question");
    let name = format!("check-{index}");
    let kind = if check.multiple { "checkbox" } else { "radio" };

    let submit = move |_| {
        let chosen = selected.get_untracked();
        let now = now_ms();
        let spent = take_lesson_time(now);
        match store.update(|p| p.answer(lesson, index, &chosen, now, spent)) {
            // The selection is now held by progress; clearing it means a retry starts blank.
            Ok(_) => {
                selected.set(Vec::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let options = check
        .options
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let verdict = move || {
                answered.get().map(|_| {
                    if check.correct.contains(&i) {
                        "option correct"
                    } else if is_chosen(i) {
                        "option wrong"
                    } else {
                        "option"
                    }
                })
            };
            let mark = move || {
                answered.get().and_then(|_| {
                    if check.correct.contains(&i) {
                        Some(" (correct answer)")
                    } else if is_chosen(i) {
                        Some(" (your choice)")
                    } else {
                        None
                    }
                })
            };
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                selected.update(|s| {
                    if !check.multiple {
                        s.clear();
                    }
                    s.retain(|&c| c != i);
                    if on {
                        s.push(i);
                    }
                });
                error.set(None);
            };
            view! {
                <li class=move || verdict().unwrap_or("option")>
                    <label>
                        <input
                            type=kind
                            name=name.clone()
                            value=i.to_string()
                            prop:checked=move || is_chosen(i)
                            disabled=move || answered.get().is_some()
                            on:change=toggle
                        />
                        <span>{text.clone()}</span>
                        <span class="mark">{mark}</span>
                    </label>
                </li>
            }
        })
        .collect_view();

    let feedback = move || {
        answered.get().map(|chosen| {
            let result = grade_check(check, &chosen);
            let (class, verdict) = if result.correct {
                ("verdict right", "Correct.")
            } else {
                ("verdict wrong", "Not quite.")
            };
            view! {
                <p class=class>{verdict}</p>
                <LessonText lesson=lesson text=&check.rationale class="rationale"/>
            }
        })
    };

    view! {
        <fieldset class="check" aria-labelledby=question_id data-check=index>
            <div id=question_id.clone() class="question">
                <p class="check-label">
                    {format!("Knowledge check {}", index + 1)}
                    {check.multiple.then_some(" · select all that apply")}
                </p>
                <LessonText lesson=lesson text=&check.question/>
            </div>
            <ul class="options">{options}</ul>
            {move || answered.get().is_none().then(|| view! {
                <button type="button" on:click=submit>"Check answer"</button>
            })}
            <p class="error" role="alert">{move || error.get()}</p>
            <div class="feedback" aria-live="polite">{feedback}</div>
        </fieldset>
    }
    .into_any()
}
