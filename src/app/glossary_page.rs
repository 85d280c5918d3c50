//! The glossary at `/glossary`: every term the lessons define, rendered and escaped at
//! build time (`content::glossary`), so this page only fetches and shows it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::published::{FetchError, load_glossary_html};
use super::set_title;

/// The glossary page; a `#term` in the URL scrolls to that entry.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    set_title("Glossary");
    let loaded = RwSignal::new(None::<Result<String, FetchError>>);
    spawn_local(async move {
        loaded.try_set(Some(load_glossary_html().await));
    });
    // Once the entries are in the page, bring the one the URL names into view.
    Effect::new(move |_| {
        if !matches!(loaded.get(), Some(Ok(_))) {
            return;
        }
        let hash = window().location().hash().unwrap_or_default();
        if let Some(entry) = hash
            .strip_prefix('#')
            .filter(|id| !id.is_empty())
            .and_then(|id| document().get_element_by_id(id))
        {
            entry.scroll_into_view();
            let _ = entry.class_list().add_1("target");
        }
    });
    let body = move || match loaded.get() {
        None => view! { <p class="loading" role="status">"Loading the glossary…"</p> }.into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{format!("The glossary could not be loaded: {e}.")}</p> }
                .into_any()
        }
        Some(Ok(html)) => view! { <div class="glossary" inner_html=html></div> }.into_any(),
    };
    view! {
        <link rel="stylesheet" href="/glossary.css"/>
        <h1>"Glossary"</h1>
        {body}
    }
}
