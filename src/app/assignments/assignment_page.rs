//! The student's assignment page: opened from a link (`/assignment#<payload>`) or a
//! file, kept in progress, showing each item's status from the student's real work,
//! and making the results file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{chosen_files, read_file};
use crate::app::charts_ui::store;
use crate::app::download::download_text;
use crate::app::now_ms;
use crate::app::published::fetch_json;
use crate::app::set_title;
use crate::domain::assignments::assignment::{Assignment, Item};
use crate::domain::assignments::results::{RESULTS_FORMAT, Results, item_results};
use crate::domain::assignments::transport::{assignment_from_json, from_link_payload};
use crate::domain::exams::question::Question;
use crate::markdown::render;

/// Where an item is done.
fn href(item: &Item) -> String {
    match item {
        Item::Lesson { id, .. } => format!("/learn/{id}"),
        Item::Chart { id, .. } => format!("/charts/{id}"),
        Item::Claim { id, .. } => format!("/claims/{id}"),
        Item::Exam {
            mode,
            seed,
            count,
            minutes,
            ..
        } => {
            let slug = serde_json::to_string(mode).unwrap_or_default();
            let mut href = format!("/exams?mode={}&seed={seed}", slug.trim_matches('"'));
            if *count > 0 {
                href.push_str(&format!("&count={count}"));
            }
            if let Some(m) = minutes {
                href.push_str(&format!("&minutes={m}"));
            }
            href
        }
        Item::Deck { id, .. } => format!("/flashcards/{id}"),
        Item::OwnChart { .. } | Item::OwnQuestions { .. } => {
            format!("/assignment/{}", item.own_key().unwrap_or_default())
        }
    }
}

/// `/assignment`: from the link in the address, or the assignments already held.
#[component]
pub fn AssignmentPage() -> impl IntoView {
    set_title("Assignment");
    let store = store();
    let hash = window().location().hash().unwrap_or_default();
    let payload = hash.trim_start_matches('#').to_string();
    let opened = RwSignal::new(None::<Result<String, String>>);
    let hold = move |a: Assignment| match store.update(|p| p.hold_assignment(a)) {
        Ok(id) => opened.set(Some(Ok(id))),
        Err(e) => opened.set(Some(Err(format!(
            "The assignment could not be saved: {e}."
        )))),
    };
    if !payload.is_empty() {
        match from_link_payload(&payload) {
            Ok(a) => hold(a),
            Err(e) => opened.set(Some(Err(format!(
                "This assignment link cannot be opened: {e}. Nothing was saved."
            )))),
        }
    }
    let import = move |ev: leptos::ev::Event| {
        for file in chosen_files(&ev) {
            let name = file.name();
            spawn_local(async move {
                match read_file(file)
                    .await
                    .and_then(|t| assignment_from_json(&t).map_err(|e| e.to_string()))
                {
                    Ok(a) => hold(a),
                    Err(e) => opened.set(Some(Err(format!("{name}: {e}. Nothing was saved.")))),
                }
            });
        }
    };
    let held = move || store.with(|p| p.held_assignments().unwrap_or_default());
    view! {
        <h1>"Assignments"</h1>
        {move || opened.get().and_then(|r| r.err()).map(|e| view! { <p class="banner banner-error" role="alert" id="assignment-error">{e}</p> })}
        {move || {
            let chosen = opened.get().and_then(Result::ok);
            let book = held();
            match chosen.and_then(|id| book.get(&id).cloned().map(|a| (id, a))) {
                Some((id, a)) => view! { <AssignmentView id=id assignment=a/> }.into_any(),
                None => {
                    let rows = book
                        .into_iter()
                        .map(|(id, a)| view! {
                            <li><button type="button" class="link-button" on:click=move |_| opened.set(Some(Ok(id.clone())))>{a.title.clone()}</button>
                                {format!(" · due {}", a.due)}</li>
                        })
                        .collect_view();
                    view! {
                        <p>"Open the link your instructor sent, or import the assignment file."</p>
                        <ul class="chart-list">{rows}</ul>
                    }
                    .into_any()
                }
            }
        }}
        <div class="box">
            <label for="assignment-file">"Import an assignment file (.billable-assignment.json)"</label>
            <input type="file" id="assignment-file" accept=".json,application/json" on:change=import/>
        </div>
    }
}

/// One assignment with its items' status and the results form.
#[component]
fn AssignmentView(
    /// The assignment's id.
    id: String,
    /// The assignment.
    assignment: Assignment,
) -> impl IntoView {
    let store = store();
    let assignment = StoredValue::new(assignment);
    let bank = RwSignal::new(Vec::<Question>::new());
    if assignment.with_value(|a| a.items.iter().any(|i| matches!(i, Item::Exam { .. }))) {
        spawn_local(async move {
            if let Ok(b) = fetch_json::<Vec<Question>>("/charts-data/exams/bank.json").await {
                bank.try_set(b);
            }
        });
    }
    let results =
        move || bank.with(|b| store.with(|p| assignment.with_value(|a| item_results(a, p, b))));
    let rows = move || {
        let results = results();
        assignment.with_value(|a| {
            a.items
                .iter()
                .zip(results)
                .map(|(item, r)| {
                    let status = match (r.score, item.pass()) {
                        (None, _) => "Not started".to_string(),
                        (Some(s), Some(p)) if s >= p => format!("Done: {s}% (pass mark {p}%)"),
                        (Some(s), Some(p)) => format!("{s}%: below the pass mark of {p}%"),
                        (Some(s), None) => format!("Done: {s}%"),
                    };
                    view! {
                        <li class="assignment-item"><a href=href(item)>{item.label()}</a>
                            <span class="lesson-meta item-status">{format!("{status} · attempts: {}", r.attempts)}</span></li>
                    }
                })
                .collect_view()
        })
    };
    let name = RwSignal::new(String::new());
    let student_id = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = name.get_untracked().trim().to_string();
        if who.is_empty() {
            message.set(Some(
                "Enter your name so your instructor knows whose results these are.".into(),
            ));
            return;
        }
        let (title, file_title) =
            assignment.with_value(|a| (a.title.clone(), a.title.to_lowercase()));
        let file_base: String = file_title
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let sealed = Results {
            format: RESULTS_FORMAT,
            assignment_id: id.clone(),
            assignment_title: title,
            student_name: who,
            student_id: student_id.get_untracked().trim().to_string(),
            submitted_at: now_ms(),
            items: results(),
            checksum: String::new(),
        }
        .seal();
        let text = serde_json::to_string_pretty(&sealed).unwrap_or_default();
        message.set(Some(
            match download_text(&format!("{file_base}.billable-results.json"), &text) {
                Ok(()) => "Your results file was downloaded: send it to your instructor.".into(),
                Err(e) => format!("The download failed: {e}"),
            },
        ));
    };
    let (title, due, html) =
        assignment.with_value(|a| (a.title.clone(), a.due.clone(), render(&a.instructions)));
    set_title(&title);
    view! {
        <section class="assignment" aria-labelledby="assignment-title">
            <h2 id="assignment-title">{title}</h2>
            <p class="lead">{format!("Due {due}")}</p>
            <div class="lesson-body" inner_html=html></div>
            <h3>"Items"</h3>
            <ol class="assignment-items">{rows}</ol>
            <h3>"Submit your results"</h3>
            <p class="hint">"The results file holds your scores, attempts and answers for these items, with a checksum. The checksum shows whether the file was damaged on the way; it cannot prove the file was not changed."</p>
            <form class="results-form" on:submit=submit>
                <div class="box"><label for="student-name">"Your name"</label>
                    <input id="student-name" autocomplete="name" prop:value=move || name.get() on:change=move |ev| name.set(event_target_value(&ev))/></div>
                <div class="box"><label for="student-id">"Student id (optional)"</label>
                    <input id="student-id" autocomplete="off" prop:value=move || student_id.get() on:change=move |ev| student_id.set(event_target_value(&ev))/></div>
                <button type="submit" id="submit-results" class="primary">"Download my results file"</button>
                <button type="button" id="print-results" on:click=|_| { let _ = window().print(); }>"Print a summary"</button>
            </form>
            <p role="status" id="results-message">{move || message.get()}</p>
        </section>
    }
}
