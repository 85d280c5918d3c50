//! Choosing what happens after the remittance, graded with the reason and, after a
//! denial, what the learner finds out next.

use leptos::prelude::*;

use crate::domain::claim_progress::ClaimProgress;
use crate::domain::claims::exercise::{ClaimExercise, NextStep};

/// Choosing what happens after the remittance, with the reason.
#[component]
pub fn NextStepChoice<F, C>(
    /// The exercise.
    exercise: &'static ClaimExercise,
    /// The exercise's record.
    record: RwSignal<ClaimProgress>,
    /// Saves a change to the record.
    save: F,
    /// Starts the corrected claim.
    on_correct: C,
) -> impl IntoView
where
    F: Fn(&dyn Fn(&mut ClaimProgress)) + Clone + Send + Sync + 'static,
    C: Fn(leptos::ev::MouseEvent) + Clone + Send + Sync + 'static,
{
    let chosen = RwSignal::new(String::new());
    let expected = exercise.after_remittance.next_step;
    let options = NextStep::ALL
        .iter()
        .map(|step| {
            let value = serde_json::to_string(step)
                .unwrap_or_default()
                .trim_matches('"')
                .to_string();
            let id = format!("step-{value}");
            let v = value.clone();
            view! {
                <div class="choice">
                    <input type="radio" name="next-step" id=id.clone() value=value.clone()
                        on:change=move |_| chosen.set(v.clone())/>
                    <label for=id>{step.label()}</label>
                </div>
            }
        })
        .collect_view();
    let confirm = move |_| {
        let value = chosen.get_untracked();
        if !value.is_empty() {
            save(&|r: &mut ClaimProgress| r.next_step = Some(value.clone()));
        }
    };
    let verdict = move || {
        let picked = record.with(|r| r.next_step.clone())?;
        let right =
            serde_json::from_str::<NextStep>(&format!("\"{picked}\"")).ok() == Some(expected);
        let after = &exercise.after_remittance;
        let reveal = (!after.reveal.is_empty())
            .then(|| view! { <p class="reveal">{after.reveal.clone()}</p> });
        let correct_button = (right && expected == NextStep::CorrectedClaim).then(|| {
            let on_correct = on_correct.clone();
            view! { <button type="button" id="start-corrected" class="primary" on:click=on_correct>"Prepare the corrected claim"</button> }
        });
        Some(view! {
            <div class="step-verdict" id="step-verdict">
                <p><strong>{if right { "Right. " } else { "Not the best step. " }}</strong>
                    {format!("The best step: {}. {}", expected.label(), after.why)}</p>
                {reveal}
                {correct_button}
            </div>
        })
    };
    view! {
        <section class="next-step" aria-labelledby="step-heading">
            <h2 id="step-heading">"What happens next?"</h2>
            <fieldset><legend>"Choose the next step for this claim"</legend>{options}</fieldset>
            <button type="button" id="confirm-step" on:click=confirm>"Confirm"</button>
            <div role="status">{verdict}</div>
        </section>
    }
}
