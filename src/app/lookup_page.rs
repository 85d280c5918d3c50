//! The code lookup: one search box over ICD-10-CM, results that work by keyboard, and
//! the chosen code in full. The query (`q`) and the open code (`code`) live in the URL.
//! The worker renders the results and the code as HTML; this page wires them up.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast as _;

use super::lookup_client::{DataState, lookup_client};
use super::lookup_status::LookupStatus;
use super::own_cpt::OwnCpt;
use super::set_title;
use crate::domain::codes::lookup::CodeSet;

/// The element with `id`, if it is on the page.
fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// The page at `/lookup`.
#[component]
pub fn LookupPage() -> impl IntoView {
    set_title("Code lookup");
    let client = lookup_client();
    let query_map = use_query_map();
    let url_query = Memo::new(move |_| query_map.with(|q| q.get("q").unwrap_or_default()));
    let open_code = Memo::new(move |_| query_map.with(|q| q.get("code")));
    let url_set =
        Memo::new(move |_| query_map.with(|q| q.get("set").and_then(|s| CodeSet::from_slug(&s))));
    let chosen_set = RwSignal::new(url_set.get_untracked());
    // What is in the box; the URL follows it without a navigation per keystroke.
    let typed = RwSignal::new(url_query.get_untracked());
    let active = RwSignal::new(0usize);

    Effect::new(move |_| typed.set(url_query.get()));
    Effect::new(move |_| chosen_set.set(url_set.get()));
    let c = client.clone();
    let state = client.state.clone();
    Effect::new(move |_| {
        // Searching again once the data is ready answers a query typed before it.
        let _ready = matches!(state.get(), DataState::Ready(..));
        let query = typed.get();
        let set = chosen_set.get();
        c.search(&query, set);
        active.set(0);
        let mut href = format!(
            "/lookup?q={}",
            String::from(js_sys::encode_uri_component(&query))
        );
        if let Some(set) = set {
            href.push_str("&set=");
            href.push_str(set.slug());
        }
        let moved = query != url_query.get_untracked() || set != url_set.get_untracked();
        if let (Ok(history), true) = (window().history(), moved) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    });
    let c = client.clone();
    let state = client.state.clone();
    Effect::new(move |_| {
        let _ready = matches!(state.get(), DataState::Ready(..));
        if let Some(code) = open_code.get() {
            c.open(&code, &url_query.get_untracked());
        }
    });

    let results = client.results.clone();
    let codes = {
        let results = results.clone();
        move || {
            results.with(|r| {
                r.as_ref()
                    .map(|(_, codes)| codes.clone())
                    .unwrap_or_default()
            })
        }
    };
    // Marks the active option; the worker's HTML carries the ids.
    let marked = results.clone();
    Effect::new(move |_| {
        marked.track();
        let at = active.get();
        let count = marked.with(|r| r.as_ref().map_or(0, |(_, c)| c.len()));
        for i in 0..count {
            if let Some(option) = by_id(&format!("result-{i}")) {
                let _ =
                    option.set_attribute("aria-selected", if i == at { "true" } else { "false" });
            }
        }
    });
    let on_keydown = {
        let codes = codes.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let count = codes().len();
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = (*a + 1).min(count - 1));
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    active.update(|a| *a = a.saturating_sub(1));
                }
                "Enter" if count > 0 => {
                    ev.prevent_default();
                    // The option's link is a router link: following it opens the code.
                    let link = by_id(&format!("result-{}", active.get_untracked()))
                        .and_then(|o| o.query_selector("a").ok().flatten())
                        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(link) = link {
                        link.click();
                    }
                }
                _ => {}
            }
        }
    };
    // A 7th character chosen in the worker-rendered builder: validate the built code.
    let on_change = {
        let client = client.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let stem = input
                .closest("[data-stem]")
                .ok()
                .flatten()
                .and_then(|f| f.get_attribute("data-stem"));
            if let Some(stem) = stem {
                client.validate(&format!("{stem}{}", input.value()));
            }
        }
    };
    let verdict = client.verdict.clone();
    Effect::new(move |_| {
        let built = document()
            .query_selector("[data-testid=built-code]")
            .ok()
            .flatten();
        if let (Some((_, html)), Some(built)) = (verdict.get(), built) {
            built.set_inner_html(&html);
        }
    });
    let list_html = {
        let results = results.clone();
        move || results.with(|r| r.as_ref().map(|(html, _)| html.clone()).unwrap_or_default())
    };
    let count = {
        let codes = codes.clone();
        move || {
            let n = codes().len();
            if typed.get().trim().is_empty() {
                String::new()
            } else if n == 0 {
                "No codes match.".to_string()
            } else {
                format!("{n} codes shown, best first. Use the arrow keys and Enter to open one.")
            }
        }
    };
    let detail = client.detail.clone();
    let answers = client.answers.clone();
    let expanded = codes.clone();
    view! {
        <link rel="stylesheet" href="/lookup.css"/>
        <h1>"Code lookup"</h1>
        <p class="lead">
            "Search ICD-10-CM (FY2026, April 1, 2026), CPT and modifiers by code or by words, in any order. "
            "CPT® is a registered trademark of the American Medical Association; Billable shows its own "
            "summaries of CPT codes, not AMA descriptors."
        </p>
        <LookupStatus/>
        <OwnCpt/>
        <div class="lookup">
            <div class="lookup-search">
                <label for="lookup-query">"Code or words"</label>
                <input
                    id="lookup-query"
                    type="search"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls="lookup-results"
                    aria-expanded=move || (!expanded().is_empty()).to_string()
                    aria-activedescendant=move || format!("result-{}", active.get())
                    placeholder="e.g. E11.2, or type 2 diabetes kidney"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
                <fieldset class="set-filter">
                    <legend>"Code set"</legend>
                    {std::iter::once(None)
                        .chain(CodeSet::ALL.into_iter().map(Some))
                        .map(|set| {
                            let label = set.map_or("All", CodeSet::label);
                            let value = set.map_or("all", CodeSet::slug);
                            view! {
                                <label>
                                    <input
                                        type="radio"
                                        name="set"
                                        value=value
                                        prop:checked=move || chosen_set.get() == set
                                        on:change=move |_| chosen_set.set(set)
                                    />
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <p class="result-count" role="status">{count}</p>
                <ul id="lookup-results" role="listbox" aria-label="Matching codes" class="results" data-answers=move || answers.get()
                    inner_html=list_html></ul>
            </div>
            <section
                class="code-detail"
                aria-labelledby="detail-heading"
                data-testid="code-detail"
                on:change=on_change
                inner_html=move || detail.get().unwrap_or_default()
            ></section>
        </div>
    }
}
