//! A piece of lesson text: published HTML is inserted as is, anything else as text.

use leptos::prelude::*;

use crate::domain::lesson::{Lesson, TextFormat};

/// Shows `text` from `lesson`. Only lessons published by the safe renderer are
/// inserted as HTML; an unpublished lesson's Markdown is shown escaped, never injected.
#[component]
pub fn LessonText(
    /// The lesson the text comes from, which says how it is written.
    lesson: &'static Lesson,
    /// The text itself.
    text: &'static str,
    /// The CSS class of the wrapper.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    match lesson.text {
        TextFormat::Html => view! { <div class=class inner_html=text></div> }.into_any(),
        TextFormat::Markdown => view! { <div class=class>{text}</div> }.into_any(),
    }
}
