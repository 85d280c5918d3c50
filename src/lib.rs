//! Billable: medical coding and billing training that runs entirely in the browser.
//!
//! `domain` and `content` are pure (no browser, no storage, no clock) so native tests
//! exercise them; `app` is the thin Leptos UI and exists only on wasm32.

// Lesson files are parsed and rendered natively (tests, and `billable-tool publish` at
// build time); the browser fetches the published result, so neither the sources nor
// the Markdown renderer weigh on the first page.
#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod domain;
/// The one safe Markdown renderer: lessons at build time, instructors' text in the browser.
pub mod markdown;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod lesson_worker;
#[cfg(target_arch = "wasm32")]
pub mod worker;
