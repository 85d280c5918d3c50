//! The lesson list, grouped by track, with each lesson's state.

use leptos::prelude::*;

use super::{set_title, use_index, use_progress};
use crate::domain::tracks::Track;

/// All lessons by track, with minutes and completion.
#[component]
pub fn LearnPage() -> impl IntoView {
    set_title("Learn");
    let index = use_index();
    let store = use_progress();
    let tracks = Track::ALL
        .into_iter()
        .filter(|t| index.in_track(*t).next().is_some())
        .map(|track| {
            let lessons = index
                .in_track(track)
                .map(|lesson| {
                    let state = move || {
                        store.with(|p| match p.lesson(&lesson.id) {
                            Some(record) => match record.best {
                                Some(best) => format!("Complete, best score {}%", best.percent()),
                                None => format!("In progress, {} of {} checks answered", record.answers.len(), lesson.checks),
                            },
                            None => "Not started".to_string(),
                        })
                    };
                    let done = move || store.with(|p| p.is_complete(&lesson.id));
                    view! {
                        <li class="lesson-item" class:done=done>
                            <a href=lesson.id.href()>{lesson.title.clone()}</a>
                            <span class="lesson-meta">
                                {format!("{} min · {} checks · ", lesson.minutes, lesson.checks)}
                                <span class="lesson-state">{state}</span>
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="track" id=track.slug() aria-labelledby=format!("{}-heading", track.slug())>
                    <h2 id=format!("{}-heading", track.slug())>{track.title()}</h2>
                    <ol class="lesson-list">{lessons}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1>"Learn"</h1>
        <p class="lead">"Lessons in order, by track. Each ends with knowledge checks that explain every answer."</p>
        {tracks}
    }
}
