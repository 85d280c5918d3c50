//! The page for URLs that match nothing.

use leptos::prelude::*;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    super::set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. It may be a lesson that was renamed."</p>
        <p><a href="/">"Go to your dashboard"</a>" or "<a href="/learn">"browse the lessons"</a>"."</p>
    }
}
