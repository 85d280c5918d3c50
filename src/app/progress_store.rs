//! The learner's progress as one reactive context, kept in step with local storage
//! and with other tabs.
//!
//! Invariants: a failed write is never reported as saved, and an unreadable stored
//! value is copied to a quarantine key before anything can overwrite it.

use leptos::prelude::*;

use super::now_ms;
use super::storage::{self, PROGRESS_KEY, StorageError};
use crate::domain::progress::Progress;
use crate::domain::saved::{LoadPlan, plan_load};

/// Whether changes reach local storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Writes are made and the last one succeeded.
    Saving,
    /// The last write failed; the next change tries again.
    WriteFailed(StorageError),
    /// No writes are attempted: storage is blocked, or an unreadable value could not
    /// be kept safe and must not be overwritten.
    Off(String),
}

/// An unreadable stored value that was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// The key it is kept under, if keeping it succeeded.
    pub key: Option<String>,
    /// The value itself, for the download button.
    pub raw: String,
    /// Why it could not be read.
    pub reason: String,
}

/// What storage holds for progress.
enum Stored {
    /// Nothing saved yet (or another tab reset it).
    Nothing,
    /// Readable progress.
    Usable(Progress),
    /// Storage is blocked, or the value was unreadable and has been set aside.
    Unusable,
}

/// The progress context: read it with `with`, change it with `update`.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    save_state: RwSignal<SaveState>,
    quarantined: RwSignal<Option<Quarantined>>,
}

impl ProgressStore {
    /// Loads progress from storage and starts listening for other tabs' changes.
    pub fn load() -> Self {
        let store = ProgressStore {
            progress: RwSignal::new(Progress::default()),
            save_state: RwSignal::new(SaveState::Saving),
            quarantined: RwSignal::new(None),
        };
        if let Stored::Usable(progress) = store.read_stored() {
            store.progress.set(progress);
        }
        // Another tab saved, reset or cleared storage: take its version rather than
        // overwriting it later. An unreadable value leaves this tab's copy in place.
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().is_none_or(|key| key == PROGRESS_KEY) {
                match store.read_stored() {
                    Stored::Usable(progress) => store.progress.set(progress),
                    Stored::Nothing => store.progress.set(Progress::default()),
                    Stored::Unusable => {}
                }
            }
        });
        store
    }

    /// Reads the stored progress, migrating it (and writing the migration back) or
    /// quarantining it as needed.
    fn read_stored(&self) -> Stored {
        let raw = match storage::read_progress_raw() {
            Ok(raw) => raw,
            Err(e) => {
                self.save_state.set(SaveState::Off(e.to_string()));
                return Stored::Unusable;
            }
        };
        match plan_load(raw.as_deref()) {
            LoadPlan::Fresh => Stored::Nothing,
            LoadPlan::Use(decoded) => {
                if decoded.migrated_from.is_some() {
                    self.record_write(storage::write_progress(&decoded.progress));
                }
                Stored::Usable(decoded.progress)
            }
            LoadPlan::Quarantine { raw, reason } => {
                let kept = storage::quarantine(&raw, now_ms());
                if let Err(e) = &kept {
                    let why = format!(
                        "an unreadable saved value could not be set aside ({e}), so it is left untouched"
                    );
                    self.save_state.set(SaveState::Off(why));
                }
                self.quarantined.set(Some(Quarantined {
                    key: kept.ok(),
                    raw,
                    reason: reason.to_string(),
                }));
                Stored::Unusable
            }
        }
    }

    fn record_write(&self, result: Result<(), StorageError>) {
        if matches!(self.save_state.get_untracked(), SaveState::Off(_)) {
            return;
        }
        self.save_state.set(match result {
            Ok(()) => SaveState::Saving,
            Err(e) => SaveState::WriteFailed(e),
        });
    }

    /// Takes what is stored, which the workspace (a wasm of its own, with its own
    /// store) may have changed while this page was away.
    /// Only a readable value is taken: an unreadable one was dealt with at load, and
    /// is left for the page that finds it to set aside.
    pub fn refresh(&self) {
        if let Ok(raw) = storage::read_progress_raw()
            && let LoadPlan::Use(decoded) = plan_load(raw.as_deref())
        {
            self.progress.set(decoded.progress);
        }
    }

    /// Reads the progress, tracking it reactively.
    pub fn with<R>(&self, f: impl FnOnce(&Progress) -> R) -> R {
        self.progress.with(f)
    }

    /// Applies a change and saves it. The change is applied to what is stored, when
    /// that is readable, so a stale copy never overwrites another tab's work.
    pub fn update<R>(&self, f: impl FnOnce(&mut Progress) -> R) -> R {
        let mut progress = match self.save_state.get_untracked() {
            SaveState::Off(_) => self.progress.get_untracked(),
            _ => match self.read_stored() {
                Stored::Usable(stored) => stored,
                Stored::Nothing | Stored::Unusable => self.progress.get_untracked(),
            },
        };
        let result = f(&mut progress);
        self.save(&progress);
        self.progress.set(progress);
        result
    }

    /// Replaces all progress (import or reset) and saves it.
    pub fn replace(&self, progress: Progress) {
        self.save(&progress);
        self.progress.set(progress);
    }

    fn save(&self, progress: &Progress) {
        if !matches!(self.save_state.get_untracked(), SaveState::Off(_)) {
            self.record_write(storage::write_progress(progress));
        }
    }

    /// Whether changes are being saved.
    pub fn save_state(&self) -> SaveState {
        self.save_state.get()
    }

    /// The value set aside at load, if any.
    pub fn quarantined(&self) -> Option<Quarantined> {
        self.quarantined.get()
    }

    /// Hides the quarantine notice; the kept value stays in storage.
    pub fn dismiss_quarantine(&self) {
        self.quarantined.set(None);
    }
}
