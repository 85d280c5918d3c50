//! The place in the main app where the workspace (practice charts and claim
//! exercises) appears. The workspace is a wasm of its own (`charts_app`), loaded by
//! `static/charts_loader.js` the first time a learner opens /charts or /claims. Each
//! such page adds the loader script afresh, with its path, and the loader shows that
//! path; so the first page's wasm carries no more than this element.

use leptos::prelude::*;

/// The page at `section` (`/charts` or `/claims`), or the item `id` inside it.
pub fn charts_host(section: &'static str, id: Option<String>) -> impl IntoView {
    let path = match id {
        Some(id) => format!("{section}/{id}"),
        None => section.to_string(),
    };
    view! {
        <div id="charts-app">
            <p class="loading" role="status">"Loading the workspace…"</p>
        </div>
        <script src="/charts_loader.js" data-path=path></script>
    }
}
