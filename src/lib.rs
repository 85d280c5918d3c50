//! Billable: medical coding and billing training that runs entirely in the browser.
//!
//! `domain` and `content` are pure (no browser, no storage, no clock) so native tests
//! exercise them; `app` is the thin Leptos UI and exists only on wasm32.

// Content files are parsed and checked natively (tests, and `billable-tool publish` at
// build time); the browser fetches the published result. The workspace wasm uses the
// same readers and rules for instructors' own charts and questions; the first page
// uses none of it, so carries none of it.
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
pub mod own_worker;
#[cfg(target_arch = "wasm32")]
pub mod worker;
