//! One claim exercise: the face sheet beside the CMS-1500, the scrubber, the payer's
//! remittance, posting, the next step, and the corrected claim when one is needed.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use super::appeal_builder::AppealBuilder;
use super::claim_form::{ClaimForm, focus_box};
use super::face_sheet::FaceSheet;
use super::remittance_view::RemittanceView;
use super::x12_view::X12View;
use super::{BASE, Reference, load_reference};
use crate::app::charts_ui::store;
use crate::app::lookup_client::{DataState, lookup_client};
use crate::app::progress_store::ProgressStore;
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::claim_progress::ClaimProgress;
use crate::domain::claims::adjudicate::{Processed, Remittance};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::exercise::{ClaimExercise, NextStep, PublishedExercise};
use crate::domain::claims::form::{DX_LETTERS, line_id};
use crate::domain::claims::grade::{ClaimGrade, grade_claim};
use crate::domain::claims::money::Cents;
use crate::domain::claims::payer::Payer;
use crate::domain::claims::posting::{PostedLine, check_posting, patient_balance, statement};
use crate::domain::claims::scrub::{Finding, ScrubContext, Severity, blocks_submission, scrub};
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
    let save = {
        let id = id.clone();
        move |change: &dyn Fn(&mut ClaimProgress)| {
            record.update(|r| change(r));
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

/// The scrubber's findings, each linking to its box.
#[component]
fn ScrubReport(
    /// What the scrubber found.
    findings: Vec<Finding>,
) -> impl IntoView {
    let summary = if findings.is_empty() {
        "No problems found: the claim can be sent.".to_string()
    } else {
        let rejects = findings
            .iter()
            .filter(|f| f.severity == Severity::Reject)
            .count();
        format!(
            "{} finding{}; {rejects} would reject the claim{}",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" },
            if rejects > 0 {
                ": fix them before sending."
            } else {
                "."
            }
        )
    };
    let items = findings
        .into_iter()
        .map(|f| {
            let field = f.field.clone();
            let class = match f.severity {
                Severity::Reject => "finding finding-reject",
                Severity::DenyRisk => "finding finding-deny",
                Severity::Warning => "finding finding-warning",
            };
            view! {
                <li class=class data-edit=f.edit>
                    <strong>{f.severity.label()}</strong>" "
                    <button type="button" class="link-button" on:click=move |_| focus_box(&field)>{format!("box {}", f.field)}</button>
                    ": "{f.message.clone()}" "<span class="edit-id">{format!("({})", f.edit)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="scrub-report" aria-labelledby="scrub-heading">
            <h3 id="scrub-heading" tabindex="-1">"Scrubber"</h3>
            <p>{summary}</p>
            <ul class="findings">{items}</ul>
        </section>
    }
}

/// The box-by-box grade of the claim just sent.
#[component]
fn GradeView(
    /// The grade.
    grade: ClaimGrade,
) -> impl IntoView {
    let right = grade.boxes.iter().filter(|b| b.correct).count();
    let wrong = grade
        .wrong()
        .map(|b| {
            let expected = if b.expected.is_empty() { "(empty)".to_string() } else { b.expected.clone() };
            let given = if b.given.is_empty() { "(empty)".to_string() } else { b.given.clone() };
            view! { <tr><th scope="row">{format!("{} · {}", b.item, b.label)}</th><td>{given}</td><td>{expected}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="claim-grade" aria-labelledby="grade-heading">
            <h2 id="grade-heading">{format!("Claim score: {} of 100", grade.score())}</h2>
            <p>{format!("{right} of {} boxes match the face sheet.", grade.boxes.len())}</p>
            {(right < grade.boxes.len()).then(|| view! {
                <div class="table-wrap"><table class="grade-table">
                    <thead><tr><th scope="col">"Box"</th><th scope="col">"You wrote"</th><th scope="col">"The face sheet supports"</th></tr></thead>
                    <tbody>{wrong}</tbody>
                </table></div>
            })}
        </section>
    }
}

/// Posting the remittance line by line, then the patient's balance and statement.
#[component]
fn PostingForm<F>(
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

/// Choosing what happens after the remittance, with the reason.
#[component]
fn NextStepChoice<F, C>(
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
