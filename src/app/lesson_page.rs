//! A lesson: its objectives, prose and knowledge checks, and links to its neighbours.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::knowledge_check::KnowledgeCheck;
use super::lesson_status::LessonStatus;
use super::lesson_text::LessonText;
use super::not_found_page::NotFoundPage;
use super::published::{FetchError, load_lesson};
use super::{now_ms, set_title, use_index};
use crate::domain::active_time::ActiveTime;
use crate::domain::lesson::{Block, Lesson, LessonInfo};

/// The page at `/learn/:track/:lesson`.
#[component]
pub fn LessonPage(
    /// The track slug from the URL.
    track: String,
    /// The lesson slug from the URL.
    lesson: String,
) -> impl IntoView {
    // `Pages` rebuilds this page whenever the URL names another lesson, so the lesson
    // is looked up and fetched once; `try_set` drops an answer that arrives after the
    // learner has left.
    let Some(info) = use_index().find(&track, &lesson).cloned() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    set_title(&info.title);
    let loaded = RwSignal::new(None::<Result<&'static Lesson, FetchError>>);
    let id = info.id.clone();
    spawn_local(async move {
        let result = load_lesson(id).await;
        loaded.try_set(Some(result));
    });
    let view = move || match loaded.get() {
        None => view! { <p class="loading" role="status">{format!("Loading {}…", info.title)}</p> }
            .into_any(),
        Some(Err(e)) => view! {
            <h1>"This lesson could not be loaded"</h1>
            <p role="alert">{format!("{e}.")}</p>
        }
        .into_any(),
        Some(Ok(lesson)) => view! { <LessonView lesson=lesson/> }.into_any(),
    };
    view.into_any()
}

thread_local! {
    /// The open lesson's active time (one lesson page is open at a time).
    static LESSON_TIME: Cell<ActiveTime> = const { Cell::new(ActiveTime::new(0)) };
}

/// The open lesson's active time since the last call, for its record.
pub fn take_lesson_time(now: u64) -> u64 {
    let mut t = LESSON_TIME.get();
    let spent = t.take(now, true);
    LESSON_TIME.set(t);
    spent
}

/// The body of one lesson.
#[component]
fn LessonView(
    /// The lesson to show.
    lesson: &'static Lesson,
) -> impl IntoView {
    let info = &lesson.info;
    set_title(&info.title);
    // Active time for instructors' results: scrolling (reading) and answering count as
    // activity, and a gap between them counts up to two minutes (`domain::active_time`).
    // One handler, set once and kept (it only touches the open lesson's clock), and no
    // timer: the first page's wasm stays small.
    LESSON_TIME.set(ActiveTime::new(now_ms()));
    if window().onscroll().is_none() {
        let on_scroll = Closure::<dyn Fn()>::new(|| {
            let mut t = LESSON_TIME.get();
            t.activity(now_ms());
            LESSON_TIME.set(t);
        });
        window().set_onscroll(Some(on_scroll.as_ref().unchecked_ref()));
        on_scroll.forget();
    }
    let (before, after) = use_index().neighbours(&info.id);
    let sections = info
        .sections
        .iter()
        .map(|s| s.name())
        .collect::<Vec<_>>()
        .join(", ");
    let blocks = lesson
        .blocks
        .iter()
        .map(|block| match block {
            Block::Prose(text) => {
                view! { <LessonText lesson=lesson text=text class="prose"/> }.into_any()
            }
            Block::Check(index) => {
                view! { <KnowledgeCheck lesson=lesson index=*index/> }.into_any()
            }
            // Published lessons carry their key terms as prose.
            Block::Glossary(_) => ().into_any(),
        })
        .collect_view();
    let neighbour = |other: Option<&'static LessonInfo>, rel: &'static str, label: &'static str| {
        other.map(|l| view! { <a href=l.id.href() rel=rel>{label}{l.title.clone()}</a> })
    };
    view! {
        <link rel="stylesheet" href="/lesson.css"/>
        <article class="lesson">
            <p class="breadcrumb">
                <a href="/learn">"Learn"</a>" › "{info.id.track.title()}
            </p>
            <h1>{info.title.clone()}</h1>
            <p class="lesson-meta">
                {format!("About {} minutes · {} knowledge checks · CMRS: {sections}", info.minutes, info.checks)}
            </p>
            <section class="objectives" aria-labelledby="objectives-heading">
                <h2 id="objectives-heading">"You will be able to"</h2>
                <ul>{lesson.objectives.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ul>
            </section>
            {blocks}
            <LessonStatus lesson=lesson/>
            <nav class="lesson-nav" aria-label="Lessons in this track">
                {neighbour(before, "prev", "← ")}
                {neighbour(after, "next", "Next: ")}
            </nav>
        </article>
    }
}
