//! Mock exams (`/exams`): set one up (mode, seed, custom choices), take it with a
//! wall-clock timer, flags and a navigator, then see the results, review every
//! question and follow "study next" links. Sampling, scoring and the clock are
//! `domain::exams`; records go through the shared `ProgressStore`.

mod exam_results;
mod exam_runner;
mod exam_setup;
mod exams_page;

pub use exams_page::ExamsPage;

use leptos::prelude::*;

use crate::app::charts_ui::store;
use crate::app::progress_store::ProgressStore;
use crate::domain::exam_progress::ExamBook;

/// Where `billable-tool publish-charts` put the bank and the study guide.
pub const BASE: &str = "/charts-data/exams/";

/// The exam records as a signal, and a way to change and save them.
#[derive(Clone, Copy)]
pub struct Book {
    /// The records as last saved (or as read, when they cannot be saved).
    pub book: RwSignal<ExamBook>,
    /// The reason records are not being saved, if any.
    pub error: RwSignal<Option<String>>,
    /// Taken when the page is built: event handlers run outside the component tree,
    /// where the context cannot be looked up.
    store: ProgressStore,
}

impl Book {
    /// Reads the records.
    pub fn load() -> Book {
        let store = store();
        let read = store.with(|p| p.exam_book());
        Book {
            store,
            error: RwSignal::new(read.as_ref().err().map(ToString::to_string)),
            book: RwSignal::new(read.unwrap_or_default()),
        }
    }

    /// Applies `change` to the records, shows it, and saves it.
    pub fn change(&self, change: impl Fn(&mut ExamBook)) {
        self.book.update(|b| change(b));
        let current = self.book.get_untracked();
        if let Err(e) = self
            .store
            .update(|p| p.change_exams(|b| *b = current.clone()))
        {
            self.error.set(Some(e.to_string()));
        }
    }
}
