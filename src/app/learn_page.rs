//! The lesson list, grouped by track with each track's progress bar and each lesson's
//! state, and lesson search (`/learn?q=`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, Worker};

use super::track_progress::TrackProgress;
use super::{set_title, use_index, use_progress};
use crate::domain::progress::{LessonState, track_summaries};
use crate::domain::tracks::Track;

/// All lessons by track, with minutes and completion, and a search box.
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
                    let state =
                        move || store.with(|p| LessonState::of(p, &lesson.id, lesson.checks));
                    let done = move || matches!(state(), LessonState::Complete { .. });
                    view! {
                        <li class="lesson-item" class:done=done>
                            <a href=lesson.id.href()>{lesson.title.clone()}</a>
                            <span class="lesson-meta">
                                {format!("{} min · {} checks · ", lesson.minutes, lesson.checks)}
                                <span class="lesson-state">{move || state().describe()}</span>
                            </span>
                            <progress
                                max=lesson.checks.to_string()
                                value=move || state().answered(lesson.checks).to_string()
                                aria-label=format!("Checks answered in {}", lesson.title)
                            ></progress>
                        </li>
                    }
                })
                .collect_view();
            let summary = move || {
                store
                    .with(|p| track_summaries(index.lessons(), p))
                    .into_iter()
                    .find(|s| s.track == track)
                    .map(|summary| view! { <TrackProgress summary=summary/> })
            };
            view! {
                <section class="track" id=track.slug() aria-label=track.title()>
                    {summary}
                    <ol class="lesson-list">{lessons}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1>"Learn"</h1>
        <p class="lead">"Lessons in order, by track. Each ends with knowledge checks that explain every answer."</p>
        <LessonSearch/>
        {tracks}
    }
}

/// The search box and, when the URL has `q`, the lessons that match it.
#[component]
fn LessonSearch() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.with(|m| m.get("q").unwrap_or_default()));
    let results = RwSignal::new(String::new());
    Effect::new(move |_| {
        let q = q.get();
        if q.trim().is_empty() {
            results.set(String::new());
            return;
        }
        results.set("<p role=\"status\">Searching…</p>".to_string());
        search_in_worker(&q, results);
    });
    // A plain GET form: it works before and without the wasm, and costs the page no
    // navigation code.
    view! {
        <form class="lesson-search" role="search" action="/learn" method="get">
            <label for="lesson-query">"Search lessons"</label>
            <input id="lesson-query" type="search" name="q" value=move || q.get()/>
            <button type="submit">"Search"</button>
        </form>
        <div class="search-answer" inner_html=move || results.get()></div>
    }
}

/// Starts a lesson-search worker for `query` (it reads the query from its URL, answers
/// once with escaped HTML and closes itself) and shows its answer in `results`.
fn search_in_worker(query: &str, results: RwSignal<String>) {
    let url = format!(
        "/lesson_worker_loader.js?q={}",
        String::from(js_sys::encode_uri_component(query))
    );
    let Ok(worker) = Worker::new(&url) else {
        results.set("<p role=\"alert\">Search could not start in this browser.</p>".to_string());
        return;
    };
    // Called once, so it frees itself afterwards.
    let on_message = Closure::once_into_js(move |event: MessageEvent| {
        if let Some(html) = event.data().as_string() {
            results.try_set(html);
        }
    });
    worker.set_onmessage(Some(on_message.unchecked_ref()));
}
