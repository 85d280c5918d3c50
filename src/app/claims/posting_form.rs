//! Posting a remittance line by line (checked against it), then the patient's balance
//! and statement.

use leptos::prelude::*;

use crate::domain::claim_progress::ClaimProgress;
use crate::domain::claims::adjudicate::Remittance;
use crate::domain::claims::money::Cents;
use crate::domain::claims::posting::{PostedLine, check_posting, patient_balance, statement};

/// Posting the remittance line by line, then the patient's balance and statement.
#[component]
pub fn PostingForm<F>(
    /// The remittance to post.
    remit: Remittance,
    /// Paid at the desk on the day.
    collected: Cents,
    /// The exercise's record.
    record: RwSignal<ClaimProgress>,
    /// Saves a change to the record.
    save: F,
) -> impl IntoView
where
    F: Fn(&dyn Fn(&mut ClaimProgress)) + Clone + Send + Sync + 'static,
{
    let entries = RwSignal::new(vec![PostedLine::default(); remit.lines.len()]);
    let errors = RwSignal::new(None::<Vec<String>>);
    let rows = remit
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let cell = move |column: usize, label: String| {
                view! {
                    <td><input class="post-input" inputmode="decimal" aria-label=label
                        data-column=column.to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            entries.update(|e| if let Some(row) = e.get_mut(i) {
                                match column { 0 => row.paid = v, 1 => row.write_off = v, _ => row.patient = v }
                            });
                        }/></td>
                }
            };
            view! {
                <tr data-line=l.line>
                    <th scope="row">{format!("Line {} · {}", l.line, l.code)}</th>
                    {cell(0, format!("Line {} paid", l.line))}
                    {cell(1, format!("Line {} write-off", l.line))}
                    {cell(2, format!("Line {} patient responsibility", l.line))}
                </tr>
            }
        })
        .collect_view();
    let check = {
        let remit = remit.clone();
        move |_| {
            let problems = check_posting(&remit, &entries.get_untracked());
            let ok = problems.is_empty();
            errors.set(Some(problems.into_iter().map(|p| p.message).collect()));
            if ok {
                save(&|r: &mut ClaimProgress| r.posted = true);
            }
        }
    };
    let posted_view = move || {
        let balance = patient_balance(&remit, collected);
        let statement_rows = statement(&remit, collected)
            .into_iter()
            .map(|s| view! { <tr><td>{s.date}</td><td>{s.description}</td><td class="num">{s.amount.to_string()}</td></tr> })
            .collect_view();
        let balance_text = if balance < Cents::ZERO {
            format!(
                "The practice owes the patient a refund of {}.",
                Cents::ZERO - balance
            )
        } else {
            format!("Balance due from the patient: {balance}")
        };
        view! {
            <h3>"Patient statement"</h3>
            <table class="statement">
                <thead><tr><th scope="col">"Date"</th><th scope="col">"Description"</th><th scope="col">"Amount"</th></tr></thead>
                <tbody>{statement_rows}</tbody>
            </table>
            <p class="balance" id="patient-balance">{balance_text}</p>
        }
    };
    view! {
        <section class="posting" aria-labelledby="posting-heading">
            <h2 id="posting-heading">"Post the payment"</h2>
            <p class="hint">"For each line enter what the payer paid, what the practice writes off (CO, OA and PI adjustments) and what the patient owes (PR adjustments)."</p>
            <div class="table-wrap"><table class="posting-table">
                <thead><tr><th scope="col">"Line"</th><th scope="col">"Paid"</th><th scope="col">"Write-off"</th><th scope="col">"Patient"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <button type="button" id="post-payment" on:click=check>"Post"</button>
            <div role="status" class="posting-result">
                {move || errors.get().map(|errs| if errs.is_empty() {
                    view! { <p class="banner-ok" id="posting-ok">"Posted: every amount matches the remittance."</p> }.into_any()
                } else {
                    let items = errs.into_iter().map(|e| view! { <li>{e}</li> }).collect_view();
                    view! { <ul class="posting-errors">{items}</ul> }.into_any()
                })}
            </div>
            {move || record.with(|r| r.posted).then(posted_view.clone())}
        </section>
    }
}
