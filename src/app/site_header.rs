//! The header: product name and the navigation to pages that exist.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The site header with its main navigation; the current section is marked with
/// `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let path = use_location().pathname;
    let current = move |section: &'static str| {
        move || {
            let here = path.get();
            let active = if section == "/" {
                here == "/"
            } else {
                here.starts_with(section)
            };
            active.then_some("page")
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Billable"</a>
            <nav aria-label="Main">
                <ul>
                    <li><a href="/" aria-current=current("/")>"Dashboard"</a></li>
                    <li><a href="/learn" aria-current=current("/learn")>"Learn"</a></li>
                    <li><a href="/charts" aria-current=current("/charts")>"Charts"</a></li>
                    <li><a href="/claims" aria-current=current("/claims")>"Claims"</a></li>
                    <li><a href="/exams" aria-current=current("/exams")>"Exams"</a></li>
                    <li><a href="/flashcards" aria-current=current("/flashcards")>"Flashcards"</a></li>
                    <li><a href="/instructor" aria-current=current("/instructor")>"Instructor"</a></li>
                    <li><a href="/glossary" aria-current=current("/glossary")>"Glossary"</a></li>
                    <li><a href="/lookup" aria-current=current("/lookup")>"Lookup"</a></li>
                    <li><a href="/my-data" aria-current=current("/my-data")>"My data"</a></li>
                </ul>
            </nav>
        </header>
    }
}
