//! The CMS-1500 on screen: every box of `domain::claims::form`, in item order, with a
//! label naming its item and our help under it, then the six service lines.

use leptos::prelude::*;

use crate::domain::claims::claim::Claim;
use crate::domain::claims::form::{FIELDS, Field, Kind, LINE_FIELDS, MAX_LINES, line_id};

/// The page element id of a box, e.g. `box-24-1-d` for `24.1.d`.
pub fn dom_id(id: &str) -> String {
    format!("box-{}", id.replace('.', "-"))
}

/// Moves the keyboard focus to a box, for links from the scrubber's findings.
pub fn focus_box(id: &str) {
    use wasm_bindgen::JsCast as _;
    if let Some(el) = document()
        .get_element_by_id(&dom_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// One box's input. `described` names a help paragraph, if any.
fn input(
    field: Field,
    id: String,
    claim: RwSignal<Claim>,
    label: String,
    on_change: Callback<()>,
) -> AnyView {
    let dom = dom_id(&id);
    let help = (!field.help.is_empty()).then(|| format!("help-{dom}"));
    let value = {
        let id = id.clone();
        move || claim.with(|c| c.get(&id).to_string())
    };
    let set = {
        let id = id.clone();
        move |v: String| {
            claim.update(|c| c.set(&id, v));
            on_change.run(());
        }
    };
    let control = match field.kind {
        Kind::Choice(options) => {
            let options = options
                .iter()
                .map(|(v, l)| {
                    let v = v.to_string();
                    let selected = {
                        let (value, v) = (value.clone(), v.clone());
                        move || value() == v
                    };
                    view! { <option value=v.clone() selected=selected>{*l}</option> }
                })
                .collect_view();
            view! {
                <select id=dom.clone() aria-describedby=help.clone() on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        Kind::Check => view! {
            <input type="checkbox" id=dom.clone() aria-describedby=help.clone()
                prop:checked=move || !value().is_empty()
                on:change=move |ev| set(if event_target_checked(&ev) { "Y".into() } else { String::new() })/>
        }
        .into_any(),
        kind => {
            let (placeholder, mode) = match kind {
                Kind::Date => ("MM/DD/YYYY", "numeric"),
                Kind::Money => ("0.00", "decimal"),
                _ => ("", "text"),
            };
            view! {
                <input id=dom.clone() autocomplete="off" placeholder=placeholder inputmode=mode
                    aria-describedby=help.clone() prop:value=value
                    on:change=move |ev| set(event_target_value(&ev))/>
            }
            .into_any()
        }
    };
    let hint = help.map(|h| view! { <p class="hint" id=h>{field.help}</p> });
    view! {
        <div class="box" class:box-check=matches!(field.kind, Kind::Check)>
            <label for=dom>{label}</label>
            {control}
            {hint}
        </div>
    }
    .into_any()
}

/// The whole form. `on_change` runs after every edit (to save the draft).
#[component]
pub fn ClaimForm(
    /// The claim being filled.
    claim: RwSignal<Claim>,
    /// Runs after every change.
    on_change: Callback<()>,
) -> impl IntoView {
    // Consecutive boxes of one item share a fieldset.
    let mut groups: Vec<(&'static str, Vec<Field>)> = Vec::new();
    for f in FIELDS {
        match groups.last_mut() {
            Some((item, boxes)) if *item == f.item => boxes.push(*f),
            _ => groups.push((f.item, vec![*f])),
        }
    }
    let (before, after): (Vec<_>, Vec<_>) = groups.into_iter().partition(|(item, _)| {
        let digits: String = item.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().map_or(true, |n| n < 24)
    });
    let render = move |groups: Vec<(&'static str, Vec<Field>)>| {
        groups
            .into_iter()
            .map(|(item, boxes)| {
                let legend = if item == "carrier" { "Payer (top of the form)".to_string() } else { format!("Item {item}") };
                let boxes = boxes
                    .into_iter()
                    .map(|f| input(f, f.id.to_string(), claim, f.label.to_string(), on_change))
                    .collect_view();
                view! { <fieldset class="claim-item" data-item=item><legend>{legend}</legend>{boxes}</fieldset> }
            })
            .collect_view()
    };
    let lines = (1..=MAX_LINES)
        .map(|n| {
            let boxes = LINE_FIELDS
                .iter()
                .map(|f| input(*f, line_id(n, f.id), claim, format!("{} {}", f.item, f.label), on_change))
                .collect_view();
            view! { <fieldset class="claim-line" data-line=n><legend>{format!("Line {n}")}</legend>{boxes}</fieldset> }
        })
        .collect_view();
    view! {
        <form class="cms1500" aria-label="CMS-1500 claim form" on:submit=|ev| ev.prevent_default()>
            {render(before)}
            <fieldset class="claim-item claim-lines" data-item="24">
                <legend>"Item 24: service lines"</legend>
                <p class="hint">"One line per service: dates, place of service, code and modifiers, diagnosis pointers, charge, units and the rendering provider's NPI."</p>
                {lines}
            </fieldset>
            {render(after)}
        </form>
    }
}
