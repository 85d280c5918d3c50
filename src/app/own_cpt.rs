//! Bring your own CPT: a licensed user loads their descriptor file, which stays in
//! this browser, and the lookup shows their descriptors beside Billable's summaries.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::lookup_client::{CptState, lookup_client};
use crate::domain::codes::cpt_import::MAX_CPT_FILE_BYTES;

/// The panel for loading or removing one's own CPT descriptors.
#[component]
pub fn OwnCpt() -> impl IntoView {
    let client = lookup_client();
    let state = client.cpt.clone();
    let refused = RwSignal::new(None::<String>);
    let choose = {
        let client = client.clone();
        move |ev: leptos::ev::Event| {
            let input: web_sys::HtmlInputElement = event_target(&ev);
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            if file.size() > MAX_CPT_FILE_BYTES as f64 {
                refused.set(Some(format!(
                    "{} is over 5 MB; a CPT descriptor file is usually under 2 MB.",
                    file.name()
                )));
                return;
            }
            refused.set(None);
            let client = client.clone();
            spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                {
                    Some(text) => client.import_cpt(text),
                    None => {
                        refused.try_set(Some(format!("{} could not be read.", file.name())));
                    }
                }
            });
        }
    };
    // Fetched at click time: the reactive status view must not hold the client.
    let remove = move |_| lookup_client().clear_cpt();
    let status = move || {
        match state.get() {
        CptState::Idle => view! { <p>"Not in use. Billable shows its own plain-language summaries."</p> }.into_any(),
        CptState::Using(count, saved) => view! {
            <p data-testid="own-cpt-status">
                {format!("Using {count} descriptors from your file. ")}
                {if saved { "They are stored in this browser only." } else { "They could not be stored, so they last until you leave." }}
            </p>
            <button type="button" class="secondary" on:click=remove>"Remove my CPT file"</button>
        }
        .into_any(),
        CptState::Rejected(errors) => view! {
            <div role="alert" data-testid="own-cpt-errors">
                <p>"The file was not used, and nothing was stored:"</p>
                <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <details class="own-cpt">
            <summary>"Use your own CPT descriptors"</summary>
            <p>
                "If you hold a CPT licence, load your descriptor file (CSV or TSV: code, then descriptor, "
                "one per line). It never leaves this browser."
            </p>
            <label for="own-cpt-file">"Your CPT file (up to 5 MB)"</label>
            <input id="own-cpt-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=choose/>
            {move || refused.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
            {status}
        </details>
    }
}
