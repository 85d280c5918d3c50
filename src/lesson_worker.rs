//! The lesson-search worker. The page starts it with the query in its URL
//! (`/lesson_worker_loader.js?q=...`); it fetches the published search text, runs the
//! pure `domain::lesson_search`, and posts back the results as escaped HTML. A worker
//! per search means no hand-shake: the query cannot arrive before the wasm is ready.

use wasm_bindgen::JsCast as _;
use web_sys::DedicatedWorkerGlobalScope;

use crate::domain::codes::lookup_html::escape;
use crate::domain::lesson_search::{SearchDoc, results_html};
use crate::worker::fetch_text;

/// Where `billable-tool publish` put the lessons' search text.
const SEARCH_URL: &str = "/lessons/search.json";

/// Answers the query in the worker's URL, then closes itself.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let search = scope.location().search();
    let query = search
        .strip_prefix("?q=")
        .and_then(|q| js_sys::decode_uri_component(q).ok())
        .and_then(|q| q.as_string())
        .unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        let html = match fetch_text(&scope, SEARCH_URL).await {
            Ok(text) => match serde_json::from_str::<Vec<SearchDoc>>(&text) {
                Ok(docs) => results_html(&docs, &query),
                Err(_) => "<p role=\"alert\">The lessons' search file is damaged; reload, and rebuild the app if it persists.</p>".to_string(),
            },
            Err(message) => format!(
                "<p role=\"alert\">Search could not load the lessons: {}.</p>",
                escape(&message)
            ),
        };
        let _ = scope.post_message(&html.into());
        scope.close();
    });
}
