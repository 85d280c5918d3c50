//! The list of claim exercises, with each one's status.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::BASE;
use crate::app::charts_ui::store;
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::claims::exercise::ClaimSummary;

/// Every claim exercise, easiest first.
#[component]
pub fn ClaimsList() -> impl IntoView {
    set_title("Claim exercises");
    let list = RwSignal::new(None::<Result<Vec<ClaimSummary>, FetchError>>);
    spawn_local(async move {
        list.try_set(Some(fetch_json(&format!("{BASE}index.json")).await));
    });
    let store = store();
    let rows = move || {
        let Some(Ok(items)) = list.get() else {
            return None;
        };
        let items = items
            .into_iter()
            .map(|c| {
                let status = store.with(|p| {
                    let record = p.claim_record(&c.id);
                    match (
                        record.as_ref().and_then(|r| r.best()),
                        record.is_some_and(|r| r.resolved),
                    ) {
                        (_, true) => "Denial worked".to_string(),
                        (Some(best), _) => format!("Best claim score {best}"),
                        (None, _) => "Not done".to_string(),
                    }
                });
                let from = match &c.chart {
                    Some(_) => "follows a chart",
                    None => "face sheet and superbill",
                };
                view! {
                    <li class="chart-item" data-claim=c.id.clone()>
                        <a href=format!("/claims/{}", c.id)>{c.title.clone()}</a>
                        <span class="lesson-meta">
                            {format!("{} · {from} · difficulty {} · ", c.plan, c.difficulty)}
                            <span class="chart-best">{status}</span>
                        </span>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="chart-list">{items}</ul> })
    };
    view! {
        <h1>"Claim exercises"</h1>
        <p>"Build a CMS-1500 from the face sheet, get it through the scrubber, read the remittance, post the payment and decide what happens next. Some claims come back denied: work the denial."</p>
        {move || match list.get() {
            None => Some(view! { <p class="loading" role="status">"Loading the exercises…"</p> }.into_any()),
            Some(Err(e)) => Some(view! { <p role="alert">{format!("The exercises could not be loaded: {e}.")}</p> }.into_any()),
            Some(Ok(_)) => None,
        }}
        {rows}
    }
}
