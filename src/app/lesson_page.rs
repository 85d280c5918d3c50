//! A lesson: its objectives, prose and knowledge checks, and links to its neighbours.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::knowledge_check::KnowledgeCheck;
use super::lesson_status::LessonStatus;
use super::not_found_page::NotFoundPage;
use super::{set_title, use_catalog};
use crate::content::markdown::render;
use crate::domain::lesson::{Block, Lesson};

/// The page at `/learn/:track/:lesson`.
#[component]
pub fn LessonPage() -> impl IntoView {
    let catalog = use_catalog();
    let params = use_params_map();
    // The router keeps this component when only the params change, so the lesson is
    // looked up reactively and its view rebuilt when it changes.
    let lesson = Memo::new(move |_| {
        params.with(|p| {
            let track = p.get("track").unwrap_or_default();
            let slug = p.get("lesson").unwrap_or_default();
            catalog.find(&track, &slug).map(|l| l.id.clone())
        })
    });
    move || {
        let found = lesson
            .get()
            .and_then(|id| catalog.find(id.track.slug(), &id.slug));
        match found {
            Some(lesson) => view! { <LessonView lesson=lesson/> }.into_any(),
            None => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

/// The body of one lesson.
#[component]
fn LessonView(
    /// The lesson to show.
    lesson: &'static Lesson,
) -> impl IntoView {
    set_title(&lesson.title);
    let catalog = use_catalog();
    let (before, after) = catalog.neighbours(lesson);
    let sections = lesson
        .sections
        .iter()
        .map(|s| s.name())
        .collect::<Vec<_>>()
        .join(", ");
    let blocks = lesson
        .blocks
        .iter()
        .map(|block| match block {
            Block::Prose(markdown) => {
                view! { <div class="prose" inner_html=render(markdown)></div> }.into_any()
            }
            Block::Check(index) => {
                view! { <KnowledgeCheck lesson=lesson index=*index/> }.into_any()
            }
        })
        .collect_view();
    let neighbour = |lesson: Option<&'static Lesson>, rel: &'static str, label: &'static str| {
        lesson.map(|l| view! { <A href=l.id.href() attr:rel=rel>{label}{l.title.clone()}</A> })
    };
    view! {
        <article class="lesson">
            <p class="breadcrumb">
                <A href="/learn">"Learn"</A>" › "{lesson.id.track.title()}
            </p>
            <h1>{lesson.title.clone()}</h1>
            <p class="lesson-meta">
                {format!("About {} minutes · {} knowledge checks · CMRS: {sections}", lesson.minutes, lesson.checks.len())}
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
