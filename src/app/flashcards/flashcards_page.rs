//! The decks, each with its cards due now and cards not yet seen.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{BASE, save_due_summary};
use crate::app::charts_ui::store;
use crate::app::now_ms;
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::flashcards::deck::DeckSummary;
use crate::domain::flashcards::due::decode;

/// `/flashcards`.
#[component]
pub fn FlashcardsPage() -> impl IntoView {
    set_title("Flashcards");
    let store = store();
    let decks = RwSignal::new(None::<Result<Vec<DeckSummary>, FetchError>>);
    spawn_local(async move {
        let result = fetch_json::<Vec<DeckSummary>>(&format!("{BASE}index.json")).await;
        if let Ok(list) = &result {
            let book = store.with(|p| p.card_book()).unwrap_or_default();
            save_due_summary(store, list, &book);
        }
        decks.try_set(Some(result));
    });
    let error = store.with(|p| p.card_book().err().map(|e| e.to_string()));
    let rows = move || {
        let Some(Ok(list)) = decks.get() else {
            return None;
        };
        let now = now_ms() as i64;
        let due = store.with(|p| p.deck_due.as_deref().map(decode).unwrap_or_default());
        let total: usize = list.iter().map(|d| d.cards).sum();
        let items = list
            .into_iter()
            .map(|d| {
                let counts = due.iter().find(|x| x.id == d.id).map_or((0, d.cards), |x| (x.due_at(now), x.new));
                view! {
                    <li class="chart-item" data-deck=d.id.clone()>
                        <a href=format!("/flashcards/{}", d.id)>{d.title.clone()}</a>
                        <span class="lesson-meta">{format!("{} cards · {} due · {} new", d.cards, counts.0, counts.1)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <p class="search-count">{format!("{total} cards")}</p>
            <ul class="chart-list">{items}</ul>
        })
    };
    view! {
        <h1>"Flashcards"</h1>
        <p>"Cards come back when you are about to forget them (FSRS spaced repetition). In a review, Space turns the card over and keys 1 to 4 grade it: Again, Hard, Good, Easy."</p>
        {error.map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        {move || match decks.get() {
            None => Some(view! { <p class="loading" role="status">"Loading the decks…"</p> }.into_any()),
            Some(Err(e)) => Some(view! { <p role="alert">{format!("The decks could not be loaded: {e}.")}</p> }.into_any()),
            Some(Ok(_)) => None,
        }}
        {rows}
    }
}
