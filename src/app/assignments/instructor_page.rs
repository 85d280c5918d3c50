//! The instructor's page: build an assignment, share it as a link or a file, and
//! keep a gradebook for each assignment.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::gradebook_view::GradebookView;
use super::own_items::OwnChecker;
use super::{chosen_files, read_file};
use crate::app::charts_ui::store;
use crate::app::download::download_text;
use crate::app::set_title;
use crate::content::own::{CHART_TEMPLATE, OwnContent, QUESTIONS_TEMPLATE};
use crate::domain::assignments::assignment::{Assignment, Item, format_for};
use crate::domain::assignments::held::Course;
use crate::domain::assignments::transport::{
    MAX_LINK_PAYLOAD, assignment_from_json, to_file, to_link_payload,
};
use crate::domain::exams::blueprint::Mode;
use crate::domain::slug::is_slug;
use crate::markdown::render;

/// The item kinds the builder offers.
const KINDS: [(&str, &str); 7] = [
    ("lesson", "Lesson (id such as billing/life-of-a-claim)"),
    ("chart", "Practice chart (id)"),
    ("claim", "Claim exercise (id)"),
    ("exam", "Exam (mode and seed)"),
    ("deck", "Flashcard deck (id and reviews)"),
    (
        "own-chart",
        "Your own chart (a name as id, and the chart below)",
    ),
    (
        "own-questions",
        "Your own questions (a name as id, and the questions below)",
    ),
];

/// `/instructor`.
#[component]
pub fn InstructorPage() -> impl IntoView {
    set_title("Instructor");
    let store = store();
    let title = RwSignal::new(String::new());
    let instructions = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<Item>::new());
    let kind = RwSignal::new("lesson".to_string());
    let item_id = RwSignal::new(String::new());
    let mode = RwSignal::new("cmrs".to_string());
    let number = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let count = RwSignal::new("20".to_string());
    let minutes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let shared = RwSignal::new(None::<(String, String, Assignment)>);
    // The instructor's own chart or questions: checked before they join the items.
    let source = RwSignal::new(String::new());
    let candidate = RwSignal::new(None::<Item>);
    let own_note = RwSignal::new(None::<String>);
    let own_problems = RwSignal::new(Vec::<String>::new());
    let checker = OwnChecker::new();
    Effect::new(move |_| {
        let Some(outcome) = checker.outcome.get() else {
            return;
        };
        let Some(item) = candidate.get_untracked() else {
            return;
        };
        candidate.set(None);
        match outcome {
            Ok(content) => {
                own_note.set(Some(match content {
                    OwnContent::Chart(c) => format!(
                        "Checked and added: \"{}\", {} diagnoses and {} service lines in the key.",
                        c.title,
                        c.diagnoses.len(),
                        c.lines.len()
                    ),
                    OwnContent::Questions(q) => {
                        format!("Checked and added: {} questions.", q.len())
                    }
                }));
                own_problems.set(Vec::new());
                items.update(|v| v.push(item));
                item_id.set(String::new());
                source.set(String::new());
            }
            Err(problems) => {
                own_note.set(Some(format!(
                    "Not added: {} problem{} to fix.",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                )));
                own_problems.set(problems);
            }
        }
    });
    let load_source = move |ev: leptos::ev::Event| {
        for file in chosen_files(&ev) {
            spawn_local(async move {
                match read_file(file).await {
                    Ok(text) => source.set(text),
                    Err(e) => own_note.set(Some(format!("The file could not be read: {e}."))),
                }
            });
        }
    };
    let add = move |_| {
        let id = item_id.get_untracked().trim().to_string();
        let pass_mark = pass.get_untracked().trim().parse::<u32>().ok();
        let n: Option<u64> = number.get_untracked().trim().parse().ok();
        let own = match kind.get_untracked().as_str() {
            "own-chart" => Some(Item::OwnChart {
                id: id.clone(),
                source: source.get_untracked(),
                pass: pass_mark,
            }),
            "own-questions" => Some(Item::OwnQuestions {
                id: id.clone(),
                source: source.get_untracked(),
                pass: pass_mark,
            }),
            _ => None,
        };
        if let Some(item) = own {
            error.set(None);
            own_problems.set(Vec::new());
            if !is_slug(&id) {
                own_note.set(Some(
                    "Give it a name as its id: lowercase letters, digits and dashes.".into(),
                ));
            } else if source.get_untracked().trim().is_empty() {
                own_note.set(Some(
                    "Write or load the chart or questions first (start from a template if you like).".into(),
                ));
            } else {
                own_note.set(None);
                candidate.set(Some(item.clone()));
                checker.check(item);
            }
            return;
        }
        let item = match kind.get_untracked().as_str() {
            "exam" => Mode::from_slug(&mode.get_untracked()).map(|mode| {
                let custom = mode == Mode::Custom;
                Item::Exam {
                    mode,
                    seed: n.unwrap_or(1),
                    count: if custom {
                        count.get_untracked().trim().parse().unwrap_or(20)
                    } else {
                        0
                    },
                    minutes: if custom {
                        minutes.get_untracked().trim().parse().ok()
                    } else {
                        None
                    },
                    pass: pass_mark,
                }
            }),
            _ if id.is_empty() => None,
            "lesson" => Some(Item::Lesson {
                id,
                pass: pass_mark,
            }),
            "chart" => Some(Item::Chart {
                id,
                pass: pass_mark,
            }),
            "claim" => Some(Item::Claim {
                id,
                pass: pass_mark,
            }),
            _ => Some(Item::Deck {
                id,
                reviews: n.unwrap_or(20) as u32,
            }),
        };
        match item {
            Some(item) => {
                items.update(|v| v.push(item));
                item_id.set(String::new());
                error.set(None);
            }
            None => error.set(Some(
                "Give the item's id (and for an exam, its mode and seed).".into(),
            )),
        }
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = Assignment {
            format: format_for(&items.get_untracked()),
            title: title.get_untracked().trim().to_string(),
            instructions: instructions.get_untracked(),
            due: due.get_untracked(),
            items: items.get_untracked(),
        };
        // The same checks a student's browser makes on opening it.
        match assignment_from_json(&to_file(&draft)) {
            Err(e) => error.set(Some(format!("The assignment cannot be shared yet: {e}."))),
            Ok(a) => {
                let payload = to_link_payload(&a);
                let origin = window().location().origin().unwrap_or_default();
                let id = a.id();
                let saved = store.update(|p| {
                    p.change_courses(|c| {
                        c.entry(id.clone()).or_insert_with(|| Course {
                            assignment: a.clone(),
                            gradebook: Default::default(),
                        });
                    })
                });
                error.set(saved.err().map(|e| e.to_string()));
                shared.set(Some((format!("{origin}/assignment#{payload}"), id, a)));
            }
        }
    };
    let item_rows = move || {
        items
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, item)| view! {
                <li>{item.label()}{item.pass().filter(|_| !matches!(item, Item::Deck { .. })).map(|p| format!(" · pass {p}%"))}
                    " "<button type="button" aria-label=format!("Remove item {}", i + 1)
                        on:click=move |_| items.update(|v| { if i < v.len() { v.remove(i); } })>"Remove"</button></li>
            })
            .collect_view()
    };
    let kinds = KINDS
        .iter()
        .map(|(v, l)| view! { <option value=*v>{*l}</option> })
        .collect_view();
    let share = move || {
        shared.get().map(|(link, id, a)| {
            let too_long = link.len() - link.find('#').unwrap_or(0) > MAX_LINK_PAYLOAD;
            let file = to_file(&a);
            let name = format!("{id}.billable-assignment.json");
            view! {
                <section class="share" aria-labelledby="share-heading">
                    <h3 id="share-heading">"Share it"</h3>
                    {if too_long {
                        view! { <p role="alert">"This assignment is too long for a link; send the file instead."</p> }.into_any()
                    } else {
                        view! {
                            <div class="box"><label for="assignment-link">{format!("Link ({} characters)", link.len())}</label>
                                <input id="assignment-link" readonly prop:value=link.clone()/></div>
                        }.into_any()
                    }}
                    <button type="button" id="download-assignment" on:click=move |_| {
                        if let Err(e) = download_text(&name, &file) { error.set(Some(e)); }
                    }>"Download the assignment file"</button>
                </section>
            }
        })
    };
    // Only a new assignment re-renders the gradebooks; an import changes one
    // gradebook's own view, so its messages stay on screen.
    let course_ids = Memo::new(move |_| {
        store.with(|p| {
            p.courses()
                .map(|c| c.into_keys().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <h1>"Instructor"</h1>
        <p>"Build an assignment, send it to your class as a link or a file, then import the results files students send back. Everything stays in this browser, and My data backs it up."</p>
        <form class="assignment-builder" on:submit=create>
            <div class="box"><label for="assignment-title-input">"Title"</label>
                <input id="assignment-title-input" prop:value=move || title.get() on:change=move |ev| title.set(event_target_value(&ev))/></div>
            <div class="box"><label for="assignment-due">"Due date"</label>
                <input id="assignment-due" type="date" prop:value=move || due.get() on:change=move |ev| due.set(event_target_value(&ev))/></div>
            <div class="box"><label for="assignment-instructions">"Instructions (Markdown)"</label>
                <textarea id="assignment-instructions" rows="5" prop:value=move || instructions.get()
                    on:input=move |ev| instructions.set(event_target_value(&ev))></textarea></div>
            <div class="lesson-body preview" aria-label="Preview of the instructions" inner_html=move || render(&instructions.get())></div>
            <fieldset class="item-builder"><legend>"Add an item"</legend>
                <div class="box"><label for="item-kind">"Kind"</label>
                    <select id="item-kind" on:change=move |ev| kind.set(event_target_value(&ev))>{kinds}</select></div>
                <div class="box"><label for="item-id">"Id"</label>
                    <input id="item-id" prop:value=move || item_id.get() on:change=move |ev| item_id.set(event_target_value(&ev))/></div>
                <div class="box"><label for="item-mode">"Exam mode"</label>
                    <select id="item-mode" on:change=move |ev| mode.set(event_target_value(&ev))>
                        <option value="cmrs">"CMRS-style"</option><option value="cpc">"CPC-style"</option><option value="cbcs">"CBCS-style"</option>
                        <option value="custom">"Custom (all sections)"</option>
                    </select></div>
                <div class="box"><label for="item-count">"Custom exam: questions"</label>
                    <input id="item-count" inputmode="numeric" prop:value=move || count.get() on:change=move |ev| count.set(event_target_value(&ev))/></div>
                <div class="box"><label for="item-minutes">"Custom exam: time limit in minutes (empty: untimed)"</label>
                    <input id="item-minutes" inputmode="numeric" prop:value=move || minutes.get() on:change=move |ev| minutes.set(event_target_value(&ev))/></div>
                <div class="box"><label for="item-number">"Exam seed, or deck reviews"</label>
                    <input id="item-number" inputmode="numeric" prop:value=move || number.get() on:change=move |ev| number.set(event_target_value(&ev))/></div>
                <div class="box"><label for="item-pass">"Pass mark % (optional)"</label>
                    <input id="item-pass" inputmode="numeric" prop:value=move || pass.get() on:change=move |ev| pass.set(event_target_value(&ev))/></div>
                <div class="box own-source"><label for="own-source">"Your own chart or questions (TOML, in the format of Billable's chart or question files; each problem is shown with its line)"</label>
                    <textarea id="own-source" rows="12" spellcheck="false" prop:value=move || source.get()
                        on:input=move |ev| source.set(event_target_value(&ev))></textarea></div>
                <div class="actions">
                    <button type="button" id="chart-template" on:click=move |_| source.set(CHART_TEMPLATE.to_string())>"Start from the chart template"</button>
                    <button type="button" id="questions-template" on:click=move |_| source.set(QUESTIONS_TEMPLATE.to_string())>"Start from the questions template"</button>
                </div>
                <div class="box"><label for="own-file">"Or load a .toml file"</label>
                    <input type="file" id="own-file" accept=".toml,text/plain" on:change=load_source/></div>
                <button type="button" id="add-item" on:click=add>"Add the item"</button>
                <p role="status" id="own-status">{move || checker.status.get().or_else(|| own_note.get())}</p>
                <ul class="own-problems" id="own-problems" role="alert">
                    {move || own_problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </fieldset>
            <ol class="assignment-items">{item_rows}</ol>
            <p role="alert" id="builder-error">{move || error.get()}</p>
            <button type="submit" id="create-assignment" class="primary">"Create the assignment"</button>
        </form>
        {share}
        <h2>"Gradebooks"</h2>
        {move || {
            let ids = course_ids.get();
            if ids.is_empty() {
                return view! { <p>"Create an assignment to start its gradebook."</p> }.into_any();
            }
            let courses = untrack(|| store.with(|p| p.courses().unwrap_or_default()));
            ids.into_iter()
                .filter_map(|id| courses.get(&id).cloned().map(|course| view! { <GradebookView id=id course=course/> }))
                .collect_view()
                .into_any()
        }}
    }
}
