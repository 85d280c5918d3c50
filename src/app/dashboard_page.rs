//! The home page: progress per track and where to continue.

use leptos::prelude::*;

use super::track_progress::TrackProgress;
use super::{set_title, use_index, use_progress};
use crate::domain::assignments::held::decode_list;
use crate::domain::flashcards::due::decode;
use crate::domain::progress::track_summaries;

/// The dashboard, showing lessons completed per track.
#[component]
pub fn DashboardPage() -> impl IntoView {
    set_title("Dashboard");
    let index = use_index();
    let store = use_progress();
    store.refresh();
    let summaries = move || store.with(|p| track_summaries(index.lessons(), p));
    let completed = move || store.with(|p| p.completed_count(index.lessons()));
    let next = move || {
        store.with(|p| {
            index
                .lessons()
                .iter()
                .find(|l| !p.is_complete(&l.id))
                .map(|l| (l.id.href(), l.title.clone()))
        })
    };
    // Marks the moment the dashboard is on screen with its handlers attached; the
    // benchmark script reads it as "interactive".
    Effect::new(|| {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("billable-interactive");
        }
    });
    view! {
        <h1>"Your progress"</h1>
        <p class="lead" data-testid="overall">
            {move || format!("{} of {} lessons complete", completed(), index.lessons().len())}
        </p>
        {move || match next() {
            Some((href, title)) => view! {
                <p class="continue">"Up next: "<a href=href>{title}</a></p>
            }
            .into_any(),
            None => view! { <p class="continue">"You have completed every lesson. Well done."</p> }.into_any(),
        }}
        <section aria-labelledby="tracks-heading">
            <h2 id="tracks-heading">"Tracks"</h2>
            <ul class="track-list">
                {move || {
                    summaries()
                        .into_iter()
                        .map(|summary| view! { <li><TrackProgress summary=summary/></li> })
                        .collect_view()
                }}
            </ul>
        </section>
        {move || {
            let list = store.with(|p| p.assignment_list.as_deref().map(decode_list).unwrap_or_default());
            (!list.is_empty()).then(|| {
                let rows = list
                    .into_iter()
                    .map(|(_, due, title)| view! { <li><a href="/assignment">{title}</a>{format!(" · due {due}")}</li> })
                    .collect_view();
                view! {
                    <section aria-labelledby="assignments-heading">
                        <h2 id="assignments-heading">"Assignments"</h2>
                        <ul class="assignment-list">{rows}</ul>
                    </section>
                }
            })
        }}
        <section aria-labelledby="cards-heading">
            <h2 id="cards-heading">"Flashcards"</h2>
            {move || {
                let now = super::now_ms() as i64;
                let decks = store.with(|p| p.deck_due.as_deref().map(decode).unwrap_or_default());
                if decks.is_empty() {
                    return view! { <p><a href="/flashcards">"Start the flashcards"</a>": due counts appear here once you review."</p> }.into_any();
                }
                let rows = decks
                    .into_iter()
                    .map(|d| view! {
                        <li data-deck=d.id.clone()><a href=format!("/flashcards/{}", d.id)>{d.title.clone()}</a>
                            {format!(": {} due, {} new", d.due_at(now), d.new)}</li>
                    })
                    .collect_view();
                view! { <ul class="deck-due">{rows}</ul> }.into_any()
            }}
        </section>
    }
}
