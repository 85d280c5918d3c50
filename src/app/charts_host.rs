//! The place in the main app where the charts workspace appears. The workspace is a
//! wasm of its own (`charts_app`), loaded by `static/charts_loader.js` the first time a
//! learner opens /charts. Each /charts page adds the loader script afresh, with its
//! path, and the loader shows that path; so the first page's wasm carries no more than
//! this element.

use leptos::prelude::*;

/// The `/charts` or `/charts/<id>` page.
pub fn charts_host(id: Option<String>) -> impl IntoView {
    let path = match id {
        Some(id) => format!("/charts/{id}"),
        None => "/charts".to_string(),
    };
    view! {
        <div id="charts-app">
            <p class="loading" role="status">"Loading the practice charts…"</p>
        </div>
        <script src="/charts_loader.js" data-path=path></script>
    }
}
