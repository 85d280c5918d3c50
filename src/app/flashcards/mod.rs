//! Flashcards (`/flashcards`, `/flashcards/:deck`): the decks with their due counts,
//! and a review session scheduled by FSRS (`domain::flashcards`). Space flips a card;
//! keys 1 to 4 grade it.

mod deck_review;
mod flashcards_page;

pub use deck_review::DeckReview;
pub use flashcards_page::FlashcardsPage;

use crate::app::progress_store::ProgressStore;
use crate::domain::exam_progress::CardBook;
use crate::domain::flashcards::deck::DeckSummary;
use crate::domain::flashcards::due::{DeckDue, encode};
use crate::domain::flashcards::review::is_due;

/// Where `billable-tool publish-charts` put the decks.
pub const BASE: &str = "/charts-data/flashcards/";

/// New cards a session introduces at most.
pub const NEW_PER_SESSION: usize = 20;

/// Writes the dashboard's summary of due cards for every deck. `keys` gives each
/// deck's card keys (`deck/front`), when known; decks not yet opened count all new.
pub fn save_due_summary(store: ProgressStore, decks: &[DeckSummary], book: &CardBook) {
    let summary: Vec<DeckDue> = decks
        .iter()
        .map(|d| {
            let prefix = format!("{}/", d.id);
            let due: Vec<i64> = book
                .iter()
                .filter(|(k, _)| k.starts_with(&prefix))
                .map(|(_, s)| s.due_ms)
                .collect();
            DeckDue {
                id: d.id.clone(),
                title: d.title.clone(),
                new: d.cards.saturating_sub(due.len()),
                due,
            }
        })
        .collect();
    let text = encode(&summary);
    store.update(|p| {
        if p.deck_due.as_deref() != Some(text.as_str()) {
            p.deck_due = Some(text.clone());
        }
    });
}

/// Cards of a deck due now: reviewed ones due by `now`, then up to
/// `NEW_PER_SESSION` new ones, as indices into the deck.
pub fn session_queue(keys: &[String], book: &CardBook, now: i64) -> Vec<usize> {
    let mut due: Vec<(i64, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            book.get(k)
                .filter(|s| is_due(Some(s), now))
                .map(|s| (s.due_ms, i))
        })
        .collect();
    due.sort_unstable();
    let new = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| !book.contains_key(*k))
        .map(|(i, _)| i)
        .take(NEW_PER_SESSION);
    due.into_iter().map(|(_, i)| i).chain(new).collect()
}
