//! The one module that talks to the browser's local storage.
//!
//! Every data area is one key holding one versioned envelope, written with a single
//! `setItem`. Availability is probed before `gloo_storage::LocalStorage::raw()` is
//! used, because `raw()` panics when storage is blocked.

use gloo_storage::{LocalStorage, Storage as _};
use thiserror::Error;
use wasm_bindgen::JsCast as _;

use crate::domain::progress::Progress;
use crate::domain::saved;

/// The key holding the progress envelope.
pub const PROGRESS_KEY: &str = "billable.progress";
/// The key holding a licensed user's CPT descriptor file.
pub const CPT_FILE_KEY: &str = "billable.cpt-descriptors";
/// Unreadable progress values are kept under this prefix plus a timestamp.
pub const QUARANTINE_PREFIX: &str = "billable.quarantine.progress.";

/// Why storage could not be used, in words a learner can act on.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    /// The browser gives this site no local storage at all.
    #[error("this browser blocks storage for this site (private browsing or a privacy setting)")]
    Unavailable,
    /// A write was refused, usually because storage is full.
    #[error("the browser refused to save ({0}); storage may be full")]
    WriteRefused(String),
}

/// Local storage, if this site may use it. Checked before `LocalStorage::raw()`,
/// which panics when the browser blocks storage (it throws on `window.localStorage`).
fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

/// Reads the raw progress envelope, `None` when nothing is stored.
pub fn read_progress_raw() -> Result<Option<String>, StorageError> {
    let storage = storage()?;
    Ok(storage.get_item(PROGRESS_KEY).ok().flatten())
}

/// Writes progress as the current envelope in one `setItem`.
pub fn write_progress(progress: &Progress) -> Result<(), StorageError> {
    set(PROGRESS_KEY, &saved::encode(progress))
}

/// Keeps an unreadable value under a new quarantine key and returns the key.
pub fn quarantine(raw: &str, now: u64) -> Result<String, StorageError> {
    let key = format!("{QUARANTINE_PREFIX}{now}");
    set(&key, raw)?;
    Ok(key)
}

fn set(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_else(|| "unknown error".to_string());
        StorageError::WriteRefused(name)
    })
}

/// The stored CPT descriptor file, if there is a readable one.
pub fn read_cpt_file() -> Option<String> {
    let raw = storage().ok()?.get_item(CPT_FILE_KEY).ok().flatten()?;
    crate::domain::codes::cpt_import::decode_saved_file(&raw)
}

/// Stores an accepted CPT descriptor file in one `setItem`.
pub fn write_cpt_file(text: &str) -> Result<(), StorageError> {
    set(
        CPT_FILE_KEY,
        &crate::domain::codes::cpt_import::encode_saved_file(text),
    )
}

/// Forgets the CPT descriptor file.
pub fn remove_cpt_file() {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(CPT_FILE_KEY);
    }
}
