//! Reviewing one deck: the queue of due and new cards, one at a time; Space flips,
//! 1–4 grade. Each grade is saved at once, with the dashboard's due summary.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{BASE, save_due_summary, session_queue};
use crate::app::charts_ui::store;
use crate::app::now_ms;
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::flashcards::deck::{Deck, DeckSummary};
use crate::domain::flashcards::review::{Grade, review};

/// `/flashcards/:deck`.
#[component]
pub fn DeckReview(
    /// The deck's id.
    id: String,
) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<(&'static Deck, &'static [DeckSummary]), FetchError>>);
    let path = format!("{BASE}{id}.json");
    spawn_local(async move {
        let result = async {
            let deck: Deck = fetch_json(&path).await?;
            let list: Vec<DeckSummary> = fetch_json(&format!("{BASE}index.json")).await?;
            Ok((
                &*Box::leak(Box::new(deck)),
                &*Box::leak(list.into_boxed_slice()),
            ))
        }
        .await;
        loaded.try_set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <p class="loading" role="status">"Loading the deck…"</p> }.into_any(),
        Some(Err(FetchError::Status(404, _))) => view! {
            <h1>"Deck not found"</h1><p><a href="/flashcards">"All decks"</a></p>
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{format!("The deck could not be loaded: {e}.")}</p> }.into_any()
        }
        Some(Ok((deck, list))) => view! { <Review deck=deck list=list/> }.into_any(),
    }
}

/// The review session.
#[component]
fn Review(
    /// The deck.
    deck: &'static Deck,
    /// Every deck, for the due summary.
    list: &'static [DeckSummary],
) -> impl IntoView {
    set_title(&deck.title);
    let keys: Vec<String> = deck.cards.iter().map(|c| deck.card_key(c)).collect();
    let store = store();
    let book = RwSignal::new(store.with(|p| p.card_book()).unwrap_or_default());
    let error = RwSignal::new(store.with(|p| p.card_book().err().map(|e| e.to_string())));
    let queue = RwSignal::new(session_queue(&keys, &book.get_untracked(), now_ms() as i64));
    let flipped = RwSignal::new(false);
    let reviewed = RwSignal::new(0usize);
    let grade = {
        let keys = keys.clone();
        move |g: Grade| {
            let Some(index) = queue.with_untracked(|q| q.first().copied()) else {
                return;
            };
            if !flipped.get_untracked() {
                return;
            }
            let Some(key) = keys.get(index).cloned() else {
                return;
            };
            let now = now_ms() as i64;
            let next = review(
                book.with_untracked(|b| b.get(&key).copied()).as_ref(),
                g,
                now,
            );
            book.update(|b| {
                b.insert(key.clone(), next);
            });
            let saved = store.update(|p| {
                p.change_cards(|b| {
                    b.insert(key.clone(), next);
                })
            });
            match saved {
                Ok(()) => save_due_summary(store, list, &book.get_untracked()),
                Err(e) => error.set(Some(e.to_string())),
            }
            reviewed.update(|n| *n += 1);
            queue.update(|q| {
                q.remove(0);
                // "Again" brings the card back later in this session.
                if g == Grade::Again {
                    q.push(index);
                }
            });
            flipped.set(false);
        }
    };
    let handle = window_event_listener(leptos::ev::keydown, {
        let grade = grade.clone();
        move |ev| {
            let key = ev.key();
            if key == " " {
                ev.prevent_default();
                flipped.update(|f| *f = !*f);
            } else if let Some(g) = Grade::from_key(&key) {
                grade(g);
            }
        }
    });
    on_cleanup(move || handle.remove());
    let card = move || {
        let index = queue.with(|q| q.first().copied())?;
        deck.cards.get(index).map(|c| (index, c.clone()))
    };
    let buttons = move || {
        [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                let grade = grade.clone();
                view! { <button type="button" class="grade-button" data-grade=i + 1 on:click=move |_| grade(g)>{format!("{} {}", i + 1, g.label())}</button> }
            })
            .collect_view()
    };
    view! {
        <p class="breadcrumb"><a href="/flashcards">"Flashcards"</a>" › "{deck.title.clone()}</p>
        <h1>{deck.title.clone()}</h1>
        {move || error.get().map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        <p class="hint" role="status" id="review-count">{move || format!("{} reviewed · {} to go", reviewed.get(), queue.with(Vec::len))}</p>
        {move || match card() {
            None => view! {
                <p class="banner banner-ok" id="review-done">"Done for now: nothing else is due in this deck. Cards come back when they are due."</p>
            }.into_any(),
            Some((index, c)) => view! {
                <section class="flashcard" aria-live="polite" data-card=index>
                    <p class="card-front" id="card-front">{c.front.clone()}</p>
                    {move || flipped.get().then(|| view! { <p class="card-back" id="card-back">{c.back.clone()}</p> })}
                </section>
                <div class="actions">
                    <button type="button" id="flip-card" on:click=move |_| flipped.update(|f| *f = !*f)>
                        {move || if flipped.get() { "Hide the answer (Space)" } else { "Show the answer (Space)" }}</button>
                </div>
                {let buttons = buttons.clone(); move || flipped.get().then(buttons.clone())}
            }.into_any(),
        }}
    }
}
