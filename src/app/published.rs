//! Fetching what `billable-tool publish` wrote at build time: the lesson index at
//! start-up, each lesson when it is opened, and the glossary page when it is opened.
//!
//! Each is fetched once per page load and then kept for the life of the page (leaked
//! to `'static`, at most once per lesson), so components can hold plain references.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use thiserror::Error;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;

use crate::domain::lesson::{Lesson, LessonId};
use crate::domain::lesson_index::LessonIndex;

/// Where the published lesson files are served from.
const BASE: &str = "/lessons/";

/// Why published content could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FetchError {
    /// The request did not complete.
    #[error(
        "the lessons could not be downloaded; check that Billable's server is running, then reload"
    )]
    Network,
    /// The server answered with an error status.
    #[error("the server answered {0} for {1}")]
    Status(u16, String),
    /// The file arrived but could not be read.
    #[error("{0} is damaged ({1}); reload, and rebuild the app if it persists")]
    Damaged(String, String),
}

pub(crate) async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status(), path.to_string()));
    }
    let text = response.text().map_err(|_| FetchError::Network)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FetchError::Network)
}

pub(crate) async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let text = fetch_text(path).await?;
    serde_json::from_str(&text).map_err(|e| FetchError::Damaged(path.to_string(), e.to_string()))
}

/// Loads the glossary page's HTML, rendered and escaped at build time.
pub async fn load_glossary_html() -> Result<String, FetchError> {
    fetch_text(&format!("{BASE}glossary.html")).await
}

thread_local! {
    static LESSONS: RefCell<HashMap<LessonId, &'static Lesson>> = RefCell::new(HashMap::new());
}

/// Loads the lesson index.
pub async fn load_index() -> Result<&'static LessonIndex, FetchError> {
    let index: LessonIndex = fetch_json(&format!("{BASE}index.json")).await?;
    Ok(Box::leak(Box::new(index)))
}

/// Loads one lesson, from memory when it was loaded before.
pub async fn load_lesson(id: LessonId) -> Result<&'static Lesson, FetchError> {
    if let Some(lesson) = LESSONS.with(|cache| cache.borrow().get(&id).copied()) {
        return Ok(lesson);
    }
    let lesson: &'static Lesson = Box::leak(Box::new(
        fetch_json(&format!("{BASE}{}.json", id.key())).await?,
    ));
    LESSONS.with(|cache| cache.borrow_mut().insert(id, lesson));
    Ok(lesson)
}
