//! One claim exercise: the face sheet beside the CMS-1500, the scrubber, the payer's
//! remittance, posting, the next step, and the corrected claim when one is needed.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use super::appeal_builder::AppealBuilder;
use super::claim_form::{ClaimForm, focus_box};
use super::face_sheet::FaceSheet;
use super::grade_view::GradeView;
use super::next_step_choice::NextStepChoice;
use super::posting_form::PostingForm;
use super::remittance_view::RemittanceView;
use super::scrub_report::ScrubReport;
use super::x12_view::X12View;
use super::{BASE, Reference, load_reference};
use crate::app::active_clock::ActiveClock;
use crate::app::charts_ui::store;
use crate::app::lookup_client::{DataState, lookup_client};
use crate::app::progress_store::ProgressStore;
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::claim_progress::ClaimProgress;
use crate::domain::claims::adjudicate::Processed;
use crate::domain::claims::claim::Claim;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::exercise::{ClaimExercise, NextStep, PublishedExercise};
use crate::domain::claims::form::{DX_LETTERS, line_id};
use crate::domain::claims::grade::{ClaimGrade, grade_claim};
use crate::domain::claims::payer::Payer;
use crate::domain::claims::scrub::{Finding, ScrubContext, blocks_submission, scrub};
use crate::domain::dates::Day;

thread_local! {
    /// The reference data, loaded once per page load.
    static REFERENCE: RefCell<Option<&'static Reference>> = const { RefCell::new(None) };
}

async fn reference() -> Result<&'static Reference, FetchError> {
    if let Some(r) = REFERENCE.with(|r| *r.borrow()) {
        return Ok(r);
    }
    let loaded: &'static Reference = Box::leak(Box::new(load_reference().await?));
    REFERENCE.with(|r| *r.borrow_mut() = Some(loaded));
    Ok(loaded)
}

/// Loads the exercise and the reference data, then shows the workbench.
#[component]
pub fn ClaimPage(
    /// The exercise's id.
    id: String,
) -> impl IntoView {
    let loaded =
        RwSignal::new(None::<Result<(&'static PublishedExercise, &'static Reference), FetchError>>);
    let path = format!("{BASE}{id}.json");
    spawn_local(async move {
        let result = async {
            let published: PublishedExercise = fetch_json(&path).await?;
            Ok((&*Box::leak(Box::new(published)), reference().await?))
        }
        .await;
        loaded.try_set(Some(result));
    });
    move || {
        match loaded.get() {
        None => view! { <p class="loading" role="status">"Loading the exercise…"</p> }.into_any(),
        Some(Err(FetchError::Status(404, _))) => view! {
            <h1>"Exercise not found"</h1>
            <p><a href="/claims">"All claim exercises"</a></p>
        }
        .into_any(),
        Some(Err(e)) => view! { <p role="alert">{format!("The exercise could not be loaded: {e}.")}</p> }.into_any(),
        Some(Ok((published, reference))) => match reference.payers.iter().find(|p| p.id == published.exercise.payer) {
            Some(payer) => view! { <Workbench published=published reference=reference payer=payer/> }.into_any(),
            None => view! { <p role="alert">"This exercise names a payer the app does not know; rebuild the app."</p> }.into_any(),
        },
    }
    }
}

/// The learner's first claim: their saved draft, or the codes from their latest chart
/// attempt for a chart exercise, or an empty form.
fn starting_claim(store: ProgressStore, exercise: &ClaimExercise, record: &ClaimProgress) -> Claim {
    if record.draft != Claim::default() {
        return record.draft.clone();
    }
    let mut claim = Claim::new();
    let Some(chart) = &exercise.chart else {
        return claim;
    };
    let answer = store.with(|p| {
        p.chart(chart)
            .and_then(|r| r.attempts.last().map(|a| a.answer.clone()).or(r.draft))
    });
    if let Some(answer) = answer {
        for (letter, code) in DX_LETTERS.iter().zip(&answer.diagnoses) {
            claim.set(&format!("21.{letter}"), code.clone());
        }
        for (i, line) in answer.lines.iter().take(6).enumerate() {
            let n = i + 1;
            claim.set(&line_id(n, "d"), line.code.clone());
            for (b, m) in ["d.m1", "d.m2", "d.m3", "d.m4"].iter().zip(&line.modifiers) {
                claim.set(&line_id(n, b), m.clone());
            }
            claim.set(&line_id(n, "e"), line.pointers.concat());
            claim.set(&line_id(n, "g"), line.units.to_string());
        }
    }
    claim
}

/// The working area of one exercise.
#[component]
fn Workbench(
    /// The exercise.
    published: &'static PublishedExercise,
    /// Payers, teaching edits and code lists.
    reference: &'static Reference,
    /// The exercise's payer.
    payer: &'static Payer,
) -> impl IntoView {
    let exercise = &published.exercise;
    set_title(&exercise.title);
    let store = store();
    let id = exercise.id.clone();
    let today = exercise.prepared_day().unwrap_or(Day(0));
    let record = RwSignal::new(store.with(|p| p.claim_record(&id)).unwrap_or_default());
    let claim = RwSignal::new(starting_claim(store, exercise, &record.get_untracked()));
    let book_error = RwSignal::new(store.with(|p| p.claim_book().err().map(|e| e.to_string())));
    let clock = ActiveClock::start();
    let save = {
        let id = id.clone();
        move |change: &dyn Fn(&mut ClaimProgress)| {
            let spent = clock.take();
            record.update(|r| {
                change(r);
                r.spent_ms = r.spent_ms.saturating_add(spent);
            });
            let current = record.get_untracked();
            if let Err(e) = store.update(|p| p.change_claim(&id, |r| *r = current)) {
                book_error.set(Some(e.to_string()));
            }
        }
    };
    let findings = RwSignal::new(None::<Vec<Finding>>);
    let waiting = RwSignal::new(false);
    let on_change = {
        let save = save.clone();
        Callback::new(move |()| {
            findings.set(None);
            let draft = claim.get_untracked();
            save(&|r: &mut ClaimProgress| r.draft = draft.clone());
        })
    };
    // Scrubbing: the worker answers what ICD-10-CM says about the diagnoses; the
    // rest of the edits run here.
    let client = lookup_client();
    let facts = client.facts.clone();
    Effect::new(move |_| {
        let Some(json) = facts.get() else { return };
        if !waiting.get_untracked() {
            return;
        }
        let Ok(facts) = serde_json::from_str::<DiagnosisFacts>(&json) else {
            return;
        };
        waiting.set(false);
        let current = claim.get_untracked();
        findings.set(Some(scrub(
            &current,
            &ScrubContext {
                today,
                payer,
                lists: &reference.lists,
                teaching: &reference.teaching,
                diagnoses: &facts,
            },
        )));
        if let Some(el) = document().get_element_by_id("scrub-heading") {
            let _ = el.dyn_into::<web_sys::HtmlElement>().map(|e| e.focus());
        }
    });
    let run_scrub = move |_| {
        let codes =
            claim.with_untracked(|c| c.diagnoses().into_iter().map(|(_, code)| code).collect());
        waiting.set(true);
        lookup_client().facts(codes);
    };
    let data_state = client.state.clone();
    let scrub_status = move || {
        waiting.get().then(|| match data_state.get() {
            DataState::Loading(received, total) => format!(
                "Loading the ICD-10-CM data for the scrubber: {}{}…",
                received / 1024,
                total.map_or(" KB".to_string(), |t| format!(" of {} KB", t / 1024))
            ),
            DataState::Failed(e) => format!("The scrubber cannot check diagnoses: {e}"),
            DataState::Ready(..) => "Checking the claim…".to_string(),
        })
    };
    let key = exercise.key_claim(&published.codes, payer);
    let grade = RwSignal::new(None::<ClaimGrade>);
    let submit = {
        let save = save.clone();
        let key = key.clone();
        move |_| {
            let current = claim.get_untracked();
            let r = record.get_untracked();
            let remit = exercise.remit(payer, &reference.teaching, &current, &r.processed, today);
            let correcting = r.correcting;
            let expected = match r.processed.first() {
                Some(first) if correcting => {
                    exercise.corrected_key(&key, &first.claim_number, today)
                }
                _ => key.clone(),
            };
            let graded = grade_claim(&current, &expected);
            let score = graded.score();
            let processed = Processed::of(&current, &remit.claim_number);
            let resolved = correcting && !remit.any_denied();
            save(&|r: &mut ClaimProgress| {
                r.processed.push(processed.clone());
                r.remittance = Some(remit.clone());
                r.posted = false;
                r.next_step = None;
                if correcting {
                    r.resolved = resolved;
                } else {
                    r.scores.push(score);
                }
            });
            grade.set(Some(graded));
            findings.set(None);
            if let Some(el) = document().get_element_by_id("remit-heading") {
                let _ = el.dyn_into::<web_sys::HtmlElement>().map(|e| e.focus());
            }
        }
    };
    let can_submit = move || findings.with(|f| f.as_ref().is_some_and(|f| !blocks_submission(f)));
    let start_correction = {
        let save = save.clone();
        move |_| {
            save(&|r: &mut ClaimProgress| r.correcting = true);
            grade.set(None);
            focus_box("22");
        }
    };
    let restart = {
        let save = save.clone();
        move |_| {
            save(&|r: &mut ClaimProgress| {
                let scores = r.scores.clone();
                *r = ClaimProgress {
                    scores,
                    ..ClaimProgress::default()
                };
            });
            claim.set(starting_claim(store, exercise, &ClaimProgress::default()));
            grade.set(None);
            findings.set(None);
        }
    };
    let x12_open = RwSignal::new(false);
    // Only a new remittance re-renders what follows it; posting or choosing a step
    // changes the record without resetting those forms.
    let remittance = Memo::new(move |_| record.with(|r| r.remittance.clone()));
    let key_member = key.get("1a").to_string();
    view! {
        <p class="breadcrumb"><a href="/claims">"Claim exercises"</a>" › "{payer.plan.clone()}</p>
        <h1>{exercise.title.clone()}</h1>
        <p class="brief">{exercise.brief.clone()}</p>
        {move || book_error.get().map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        {move || record.with(|r| r.correcting).then(|| view! {
            <p class="banner" role="status">"You are preparing a corrected claim: mark it as a replacement in item 22 (code 7 and the payer's claim number), fix what was wrong, check it and send it again."</p>
        })}
        <div class="workspace claim-workspace">
            <FaceSheet published=published payer=payer/>
            <section class="coding-panel" aria-labelledby="form-heading">
                <h2 id="form-heading">"CMS-1500"</h2>
                <ClaimForm claim=claim on_change=on_change/>
                <div class="actions">
                    <button type="button" id="scrub-claim" class="primary" on:click=run_scrub>"Check the claim (scrubber)"</button>
                    <button type="button" id="submit-claim" disabled=move || !can_submit() on:click=submit>"Send to the payer"</button>
                    <button type="button" id="print-claim" on:click=|_| { let _ = window().print(); }>"Print the claim"</button>
                    <button type="button" id="restart-claim" on:click=restart>"Start over"</button>
                </div>
                <p class="scrub-status" role="status">{scrub_status}</p>
                {move || findings.get().map(|f| view! { <ScrubReport findings=f/> })}
                <details class="x12" on:toggle=move |ev| {
                    let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    x12_open.set(open);
                }>
                    <summary>"See this claim as an X12 837P"</summary>
                    {move || x12_open.get().then(|| {
                        let control = record.with_untracked(|r| r.processed.len() as u32 + 1);
                        view! { <X12View exercise=exercise payer=payer claim=claim.get() control=control/> }
                    })}
                </details>
            </section>
        </div>
        {move || grade.get().map(|g| view! { <GradeView grade=g/> })}
        {move || remittance.get().map(|remit| {
            let key_member = key_member.clone();
            let save = save.clone();
            let correcting = record.with_untracked(|r| r.correcting);
            let resolved = record.with_untracked(|r| r.resolved);
            view! {
                <RemittanceView remit=remit.clone()/>
                <PostingForm remit=remit.clone() collected=exercise.copay_collected() record=record save=save.clone()/>
                {(!correcting).then(|| view! {
                    <NextStepChoice exercise=exercise record=record save=save.clone() on_correct=start_correction.clone()/>
                })}
                {move || (!correcting && exercise.after_remittance.next_step == NextStep::Appeal
                    && record.with(|r| r.next_step.as_deref() == Some("appeal"))).then(|| view! {
                    <AppealBuilder remit=remit.clone() member_id=key_member.clone() record=record save=save.clone()/>
                })}
                {resolved.then(|| view! { <p class="banner banner-ok" role="status" id="resolved">"The corrected claim was processed without a denial: this denial is worked."</p> })}
            }
        })}
    }
}
