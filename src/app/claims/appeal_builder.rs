//! The appeal letter builder: the learner writes each part of the letter, and it is
//! checked against the checklist in `domain::claims::appeal`.

use leptos::prelude::*;

use crate::domain::claim_progress::ClaimProgress;
use crate::domain::claims::adjudicate::Remittance;
use crate::domain::claims::appeal::{AppealLetter, ChecklistItem, appeal_score, check_appeal};

/// The parts of the letter: (key, label, help, multi-line).
const PARTS: [(&str, &str, &str, bool); 8] = [
    ("patient", "Patient's name", "As on the claim.", false),
    ("member", "Member id", "From item 1a.", false),
    (
        "claim",
        "Payer's claim number",
        "From the remittance.",
        false,
    ),
    (
        "date",
        "Date of service",
        "MM/DD/YYYY, of the denied line.",
        false,
    ),
    (
        "code",
        "Denial reason code",
        "Group and number from the remittance, e.g. CO-29.",
        false,
    ),
    (
        "argument",
        "Why the payer should pay",
        "What happened, and the rule or fact that supports you.",
        true,
    ),
    (
        "enclosures",
        "Enclosures",
        "One per line: the proof you send.",
        true,
    ),
    (
        "contact",
        "Signed, and how to reach you",
        "A name and a phone number.",
        false,
    ),
];

fn part<'a>(letter: &'a mut AppealLetter, key: &str) -> Option<&'a mut String> {
    Some(match key {
        "patient" => &mut letter.patient_name,
        "member" => &mut letter.member_id,
        "claim" => &mut letter.claim_number,
        "date" => &mut letter.date_of_service,
        "code" => &mut letter.denial_code,
        "argument" => &mut letter.argument,
        "enclosures" => &mut letter.enclosures,
        "contact" => &mut letter.contact,
        _ => return None,
    })
}

/// The letter form and its checklist.
#[component]
pub fn AppealBuilder<F>(
    /// The remittance with the denial.
    remit: Remittance,
    /// The member id on the claim (item 1a of the key).
    member_id: String,
    /// The exercise's record.
    record: RwSignal<ClaimProgress>,
    /// Saves a change to the record.
    save: F,
) -> impl IntoView
where
    F: Fn(&dyn Fn(&mut ClaimProgress)) + Clone + Send + Sync + 'static,
{
    let letter = RwSignal::new(
        record
            .with_untracked(|r| r.appeal.clone())
            .unwrap_or_default(),
    );
    let checked = RwSignal::new(None::<Vec<ChecklistItem>>);
    let fields = PARTS
        .iter()
        .map(|&(key, label, help, multi)| {
            let id = format!("appeal-{key}");
            let help_id = format!("{id}-help");
            let value = move || letter.with(|l| {
                let mut l = l.clone();
                part(&mut l, key).map(|v| v.clone()).unwrap_or_default()
            });
            let set = move |v: String| {
                letter.update(|l| {
                    if let Some(slot) = part(l, key) {
                        *slot = v;
                    }
                });
            };
            let control = if multi {
                view! { <textarea id=id.clone() rows="4" aria-describedby=help_id.clone() prop:value=value
                    on:change=move |ev| set(event_target_value(&ev))></textarea> }.into_any()
            } else {
                view! { <input id=id.clone() autocomplete="off" aria-describedby=help_id.clone() prop:value=value
                    on:change=move |ev| set(event_target_value(&ev))/> }.into_any()
            };
            view! {
                <div class="box">
                    <label for=id>{label}</label>
                    {control}
                    <p class="hint" id=help_id>{help}</p>
                </div>
            }
        })
        .collect_view();
    let check = move |_| {
        let current = letter.get_untracked();
        let items = check_appeal(&current, &remit, &member_id);
        let score = appeal_score(&items);
        save(&|r: &mut ClaimProgress| {
            r.appeal = Some(current.clone());
            r.appeal_score = Some(r.appeal_score.unwrap_or(0).max(score));
        });
        checked.set(Some(items));
    };
    let results = move || {
        checked.get().map(|items| {
            let score = appeal_score(&items);
            let rows = items
                .into_iter()
                .map(|i| {
                    let mark = if i.met { "Met" } else { "Missing" };
                    view! {
                        <li class=if i.met { "check-met" } else { "check-missing" }>
                            <strong>{mark}</strong>": "{i.requirement}
                            {(!i.advice.is_empty()).then(|| view! { <span class="hint">{format!(" {}", i.advice)}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p id="appeal-score"><strong>{format!("Appeal checklist: {score} of 100")}</strong></p>
                <ul class="appeal-checklist">{rows}</ul>
            }
        })
    };
    view! {
        <section class="appeal" aria-labelledby="appeal-heading">
            <h3 id="appeal-heading">"Write the appeal"</h3>
            <p class="hint">"A payer acts on an appeal only when it can find the claim, sees which decision you dispute and why it is wrong, and has your proof."</p>
            <form class="appeal-form" on:submit=|ev| ev.prevent_default()>{fields}</form>
            <button type="button" id="check-appeal" on:click=check>"Check the letter"</button>
            <div role="status">{results}</div>
        </section>
    }
}
