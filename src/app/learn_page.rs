//! The lesson list, grouped by track, with each lesson's state.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{set_title, use_catalog, use_progress};
use crate::domain::tracks::Track;

/// All lessons by track, with minutes and completion.
#[component]
pub fn LearnPage() -> impl IntoView {
    set_title("Learn");
    let catalog = use_catalog();
    let store = use_progress();
    let tracks = Track::ALL
        .into_iter()
        .filter(|t| catalog.in_track(*t).next().is_some())
        .map(|track| {
            let lessons = catalog
                .in_track(track)
                .map(|lesson| {
                    let state = move || {
                        store.with(|p| match p.lesson(lesson) {
                            Some(record) => match record.best {
                                Some(best) => format!("Complete, best score {}%", best.percent()),
                                None => format!("In progress, {} of {} checks answered", record.answers.len(), lesson.checks.len()),
                            },
                            None => "Not started".to_string(),
                        })
                    };
                    let done = move || store.with(|p| p.is_complete(lesson));
                    view! {
                        <li class="lesson-item" class:done=done>
                            <A href=lesson.id.href()>{lesson.title.clone()}</A>
                            <span class="lesson-meta">
                                {format!("{} min · {} checks · ", lesson.minutes, lesson.checks.len())}
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
