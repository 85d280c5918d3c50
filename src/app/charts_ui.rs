//! The workspace (`/charts`, `/charts/:id`, and the claim exercises at `/claims`,
//! rendered by `app::claims`): a Leptos app of its own, built
//! into the `charts_app` wasm and loaded only when a learner opens the charts, so the
//! first page does not carry it. The main app's `ChartsHost` calls `render` with the
//! path on every navigation; links are followed by the main app's router.
//!
//! Grading is `domain::charts::grade`; progress goes through the same `ProgressStore`
//! and storage module as the rest of the app.

use std::cell::RefCell;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast as _;

use super::active_clock::ActiveClock;
use super::assignments::{AssignmentPage, InstructorPage, OwnItemPage};
use super::claims::{ClaimPage, ClaimsList};
use super::exams::ExamsPage;
use super::flashcards::{DeckReview, FlashcardsPage};
use super::lookup_client::lookup_client;
use super::progress_store::ProgressStore;
use super::published::{FetchError, fetch_json};
use super::set_title;
use crate::domain::charts::grade::{Answer, AnswerLine, DxVerdict, Grade, grade, split_list};
use crate::domain::charts::{Chart, ChartSummary, Setting, Specialty, pointer_letter};
use crate::domain::codes::lookup::CodeSet;
use crate::domain::dates::format_date;

/// Where `billable-tool publish-charts` put the charts.
const BASE: &str = "/charts-data/";

thread_local! {
    /// The mounted view, unmounted when the next path is rendered.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Shows the page for `path` (`/charts` or `/charts/<id>`) in `#charts-app`.
pub fn render(path: &str) {
    MOUNTED.with(|m| m.borrow_mut().take());
    let Some(root) = document()
        .get_element_by_id("charts-app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    root.set_inner_html("");
    let path = path.trim_end_matches('/');
    let (section, id) = match path.rsplit_once('/') {
        Some((section, id)) if !section.is_empty() => (section.to_string(), Some(id.to_string())),
        _ => (path.to_string(), None),
    };
    let handle = mount_to(root, move || {
        provide_context(ProgressStore::load());
        match (section.as_str(), id.clone()) {
            ("/claims", Some(id)) => view! { <ClaimPage id=id/> }.into_any(),
            ("/claims", None) => view! { <ClaimsList/> }.into_any(),
            ("/exams", _) => view! { <ExamsPage/> }.into_any(),
            ("/flashcards", Some(id)) => view! { <DeckReview id=id/> }.into_any(),
            ("/flashcards", None) => view! { <FlashcardsPage/> }.into_any(),
            ("/instructor", _) => view! { <InstructorPage/> }.into_any(),
            ("/assignment", Some(key)) => view! { <OwnItemPage key=key/> }.into_any(),
            ("/assignment", None) => view! { <AssignmentPage/> }.into_any(),
            (_, Some(id)) => view! { <ChartPage id=id/> }.into_any(),
            (_, None) => view! { <ChartList/> }.into_any(),
        }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// The progress store the workspace's pages share.
pub(crate) fn store() -> ProgressStore {
    expect_context::<ProgressStore>()
}

/// The chart list with its filters and each chart's best score.
#[component]
fn ChartList() -> impl IntoView {
    set_title("Practice charts");
    let list = RwSignal::new(None::<Result<Vec<ChartSummary>, FetchError>>);
    spawn_local(async move {
        list.try_set(Some(fetch_json(&format!("{BASE}index.json")).await));
    });
    let specialty = RwSignal::new(String::new());
    let setting = RwSignal::new(String::new());
    let difficulty = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let store = store();
    let rows = move || {
        let Some(Ok(charts)) = list.get() else {
            return None;
        };
        let shown: Vec<ChartSummary> = charts
            .into_iter()
            .filter(|c| {
                let best = store.with(|p| p.chart(&c.id).and_then(|r| r.best()));
                (specialty.get().is_empty() || specialty.get() == c.specialty.label())
                    && (setting.get().is_empty() || setting.get() == c.setting.label())
                    && (difficulty.get().is_empty() || difficulty.get() == c.difficulty.to_string())
                    && match status.get().as_str() {
                        "done" => best.is_some(),
                        "todo" => best.is_none(),
                        _ => true,
                    }
            })
            .collect();
        let count = format!("{} charts", shown.len());
        let items = shown
            .into_iter()
            .map(|c| {
                let best = store.with(|p| p.chart(&c.id).and_then(|r| r.best()));
                let best = best.map_or("Not done".to_string(), |b| format!("Best score {b}"));
                view! {
                    <li class="chart-item" data-chart=c.id.clone()>
                        <a href=format!("/charts/{}", c.id)>{c.title.clone()}</a>
                        <span class="lesson-meta">
                            {format!(
                                "{} · {} · difficulty {} · ",
                                c.specialty.label(),
                                c.setting.label(),
                                c.difficulty
                            )}
                            <span class="chart-best">{best}</span>
                        </span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <p class="search-count" role="status">{count}</p>
            <ul class="chart-list">{items}</ul>
        })
    };
    let options = |values: Vec<String>| {
        values
            .into_iter()
            .map(|v| view! { <option value=v.clone()>{v.clone()}</option> })
            .collect_view()
    };
    view! {
        <h1>"Practice charts"</h1>
        <p class="lead">"Read a fictional encounter, code it, and see every point explained."</p>
        <div class="chart-filters">
            <label>"Specialty"
                <select id="filter-specialty" on:change=move |ev| specialty.set(event_target_value(&ev))>
                    <option value="">"All"</option>
                    {options(Specialty::ALL.iter().map(|s| s.label().to_string()).collect())}
                </select>
            </label>
            <label>"Setting"
                <select id="filter-setting" on:change=move |ev| setting.set(event_target_value(&ev))>
                    <option value="">"All"</option>
                    {options(Setting::ALL.iter().map(|s| s.label().to_string()).collect())}
                </select>
            </label>
            <label>"Difficulty"
                <select id="filter-difficulty" on:change=move |ev| difficulty.set(event_target_value(&ev))>
                    <option value="">"All"</option>
                    {options(vec!["1".into(), "2".into(), "3".into()])}
                </select>
            </label>
            <label>"Status"
                <select id="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">"All"</option>
                    <option value="done">"Done"</option>
                    <option value="todo">"Not done"</option>
                </select>
            </label>
        </div>
        {move || match list.get() {
            None => Some(view! { <p class="loading" role="status">"Loading the charts…"</p> }.into_any()),
            Some(Err(e)) => Some(view! { <p role="alert">{format!("The charts could not be loaded: {e}.")}</p> }.into_any()),
            Some(Ok(_)) => None,
        }}
        {rows}
    }
}

/// One chart: the document beside the coding panel.
#[component]
fn ChartPage(id: String) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<&'static Chart, FetchError>>);
    let path = format!("{BASE}{id}.json");
    spawn_local(async move {
        let result = fetch_json::<Chart>(&path)
            .await
            .map(|chart| &*Box::leak(Box::new(chart)));
        loaded.try_set(Some(result));
    });
    move || match loaded.get() {
        None => view! { <p class="loading" role="status">"Loading the chart…"</p> }.into_any(),
        Some(Err(FetchError::Status(404, _))) => view! {
            <h1>"Chart not found"</h1>
            <p><a href="/charts">"All practice charts"</a></p>
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <p role="alert">{format!("The chart could not be loaded: {e}.")}</p> }
                .into_any()
        }
        Some(Ok(chart)) => view! { <ChartWorkspace chart=chart/> }.into_any(),
    }
}

/// The face sheet and note.
#[component]
fn Document(chart: &'static Chart) -> impl IntoView {
    let p = &chart.patient;
    let sections = chart
        .sections
        .iter()
        .map(|s| view! { <h3>{s.heading.clone()}</h3><p class="note-text">{s.text.clone()}</p> })
        .collect_view();
    view! {
        <section class="chart-document" aria-labelledby="document-heading">
            <h2 id="document-heading">"Encounter"</h2>
            <dl class="face-sheet">
                <dt>"Patient"</dt><dd>{format!("{} · born {} · {}", p.name, p.date_of_birth, p.sex.label())}</dd>
                <dt>"Address"</dt><dd>{format!("{} · {}", p.address, p.phone)}</dd>
                <dt>"Insurance"</dt><dd>{format!("{} ({}) · member {}", chart.insurance.payer, chart.insurance.plan_type.label(), chart.insurance.member_id)}</dd>
                <dt>"Provider"</dt><dd>{format!("{} (NPI {}) for {} (NPI {})", chart.provider.rendering, chart.provider.rendering_npi, chart.provider.billing, chart.provider.billing_npi)}</dd>
                <dt>"Date of service"</dt><dd>{format!("{} · place of service {}", chart.date_of_service, chart.place_of_service)}</dd>
            </dl>
            {sections}
        </section>
    }
}

/// The coding panel, grading results, attempt history and answer key; `own` for an
/// instructor's chart in an assignment (kept under its item key).
#[component]
pub(crate) fn ChartWorkspace(chart: &'static Chart, #[prop(optional)] own: bool) -> impl IntoView {
    set_title(&chart.title);
    let store = store();
    let id = chart.id.clone();
    let answer = RwSignal::new(
        store
            .with(|p| p.chart(&id).and_then(|r| r.draft.clone()))
            .unwrap_or_default(),
    );
    let result = RwSignal::new(None::<Grade>);
    // Set when the saved chart records cannot be read: work goes on, but unsaved.
    let book_error = RwSignal::new(store.with(|p| p.chart_book().err().map(|e| e.to_string())));
    let clock = ActiveClock::start();
    let save = {
        let id = id.clone();
        move || {
            let current = answer.get_untracked();
            let spent = clock.take();
            if let Err(e) = store.update(|p| p.save_chart_draft(&id, current, spent)) {
                book_error.set(Some(e.to_string()));
            }
        }
    };
    let change = {
        let save = save.clone();
        move |f: &dyn Fn(&mut Answer)| {
            answer.update(|a| f(a));
            result.set(None);
            save();
        }
    };
    // Diagnoses.
    let typed = RwSignal::new(String::new());
    let client = lookup_client();
    let verdict = client.verdict.clone();
    let typed_verdict = move || {
        let code = typed.get();
        verdict
            .get()
            .filter(|(c, _)| !code.trim().is_empty() && c.eq_ignore_ascii_case(code.trim()))
            .map(|(_, html)| html)
            .unwrap_or_default()
    };
    // The lookup built in: matching codes for what is typed; choosing one adds it.
    let results = client.results.clone();
    let suggestions = move || results.get().map(|(html, _)| html).unwrap_or_default();
    let add_code = {
        let change = change.clone();
        move |code: String| {
            change(&|a: &mut Answer| {
                if a.diagnoses.len() < 12 && !a.diagnoses.contains(&code) {
                    a.diagnoses.push(code.clone());
                }
            });
            typed.set(String::new());
            lookup_client().search("", None);
        }
    };
    let pick = {
        let add_code = add_code.clone();
        move |ev: leptos::ev::MouseEvent| {
            let code = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-code]").ok().flatten())
                .and_then(|el| el.get_attribute("data-code"));
            if let Some(code) = code {
                ev.prevent_default();
                add_code(code);
            }
        }
    };
    let add_dx = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let code = typed.get_untracked().trim().to_ascii_uppercase();
            if !code.is_empty() {
                add_code(code);
            }
        }
    };
    let dx_rows = {
        let change = change.clone();
        move || {
            let list = answer.get().diagnoses;
            let n = list.len();
            list.into_iter()
                .enumerate()
                .map(|(i, code)| {
                    let (up, down, remove) = (change.clone(), change.clone(), change.clone());
                    let letter = pointer_letter(i).unwrap_or('?');
                    view! {
                        <li class="dx-row" data-dx=code.clone()>
                            <span class="dx-letter">{format!("{letter}.")}</span>
                            <span class="code">{code.clone()}</span>
                            <button type="button" aria-label=format!("Move {code} up") disabled=i == 0
                                on:click=move |_| up(&|a: &mut Answer| if i > 0 && i < a.diagnoses.len() { a.diagnoses.swap(i, i - 1) })>"↑"</button>
                            <button type="button" aria-label=format!("Move {code} down") disabled=i + 1 == n
                                on:click=move |_| down(&|a: &mut Answer| if i + 1 < a.diagnoses.len() { a.diagnoses.swap(i, i + 1) })>"↓"</button>
                            <button type="button" aria-label=format!("Remove {code}")
                                on:click=move |_| remove(&|a: &mut Answer| if i < a.diagnoses.len() { a.diagnoses.remove(i); })>"✕"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    // Service lines.
    let line_rows = {
        let change = change.clone();
        move || {
            answer
                .get()
                .lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let (c1, c2, c3, c4, c5) =
                        (change.clone(), change.clone(), change.clone(), change.clone(), change.clone());
                    let n = i + 1;
                    view! {
                        <fieldset class="line-row" data-line=i.to_string()>
                            <legend>{format!("Line {n}")}</legend>
                            <label>"Code"
                                <input class="line-code" value=line.code.clone()
                                    on:change=move |ev| { let v = event_target_value(&ev).trim().to_ascii_uppercase(); c1(&|a: &mut Answer| if let Some(l) = a.lines.get_mut(i) { l.code = v.clone() }) }/>
                            </label>
                            <label>"Modifiers"
                                <input class="line-modifiers" value=line.modifiers.join(" ")
                                    on:change=move |ev| { let v = split_list(&event_target_value(&ev)); c2(&|a: &mut Answer| if let Some(l) = a.lines.get_mut(i) { l.modifiers = v.clone() }) }/>
                            </label>
                            <label>"Units"
                                <input class="line-units" type="number" min="1" value=line.units.to_string()
                                    on:change=move |ev| { let v = event_target_value(&ev).trim().parse().unwrap_or(0); c3(&|a: &mut Answer| if let Some(l) = a.lines.get_mut(i) { l.units = v }) }/>
                            </label>
                            <label>"Pointers"
                                <input class="line-pointers" value=line.pointers.join(" ")
                                    on:change=move |ev| { let v = split_list(&event_target_value(&ev)); c4(&|a: &mut Answer| if let Some(l) = a.lines.get_mut(i) { l.pointers = v.clone() }) }/>
                            </label>
                            <button type="button" aria-label=format!("Remove line {n}")
                                on:click=move |_| c5(&|a: &mut Answer| if i < a.lines.len() { a.lines.remove(i); })>"Remove"</button>
                        </fieldset>
                    }
                })
                .collect_view()
        }
    };
    let add_line = {
        let change = change.clone();
        move |_| {
            change(&|a: &mut Answer| {
                if a.lines.len() < 6 {
                    a.lines.push(AnswerLine {
                        units: 1,
                        ..AnswerLine::default()
                    });
                }
            })
        }
    };
    let submit = {
        let id = id.clone();
        move |_| {
            let current = answer.get_untracked();
            let graded = grade(chart, &current);
            let now = super::now_ms();
            let spent = clock.take();
            if let Err(e) =
                store.update(|p| p.record_chart_attempt(&id, current, graded.score, now, spent))
            {
                book_error.set(Some(e.to_string()));
            }
            result.set(Some(graded));
            if let Some(el) = document().get_element_by_id("grade-heading") {
                let _ = el.dyn_into::<web_sys::HtmlElement>().map(|e| e.focus());
            }
        }
    };
    let history = {
        let id = id.clone();
        move || {
            store.with(|p| {
                p.chart(&id)
                    .map(|r| {
                        r.attempts
                            .iter()
                            .map(|a| {
                                let note = if a.after_reveal { " (after revealing the key)" } else { "" };
                                view! { <li>{format!("{}: {} of 100{note}", format_date(a.at), a.score)}</li> }
                            })
                            .collect_view()
                    })
            })
        }
    };
    // The key shows once revealed (recorded), or at once when records cannot be saved.
    let key_shown = RwSignal::new(false);
    let revealed = {
        let id = id.clone();
        move || store.with(|p| p.chart(&id).is_some_and(|r| r.revealed))
    };
    let reveal = {
        let id = id.clone();
        move |_| {
            if let Err(e) = store.update(|p| p.reveal_chart(&id)) {
                book_error.set(Some(e.to_string()));
            }
            key_shown.set(true);
        }
    };
    let key_view =
        move || (revealed() || key_shown.get()).then(|| view! { <AnswerKey chart=chart/> });
    view! {
        {if own {
            view! { <p class="breadcrumb"><a href="/assignment">"Assignments"</a></p> }.into_any()
        } else {
            view! { <p class="breadcrumb"><a href="/charts">"Practice charts"</a>" › "{chart.specialty.label()}</p> }.into_any()
        }}
        <h1>{chart.title.clone()}</h1>
        {move || book_error.get().map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        <div class="workspace">
            <Document chart=chart/>
            <section class="coding-panel" aria-labelledby="coding-heading">
                <h2 id="coding-heading">"Your codes"</h2>
                <h3>"Diagnoses"</h3>
                <form class="dx-add" on:submit=add_dx>
                    <label for="dx-input">"ICD-10-CM code"</label>
                    <input id="dx-input" autocomplete="off" prop:value=move || typed.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            typed.set(v.clone());
                            let c = lookup_client();
                            if v.trim().len() >= 3 {
                                c.validate(v.trim());
                                c.search(v.trim(), Some(CodeSet::Icd10Cm));
                            } else {
                                c.search("", None);
                            }
                        }/>
                    <button type="submit">"Add"</button>
                    <p class="dx-verdict" role="status" inner_html=typed_verdict></p>
                </form>
                <ul class="results dx-suggestions" role="listbox" aria-label="Matching ICD-10-CM codes: choose one to add it"
                    inner_html=suggestions on:click=pick></ul>
                <ol class="dx-list">{dx_rows}</ol>
                <h3>"Service lines"</h3>
                <p class="hint">"Modifiers and pointers are separated by spaces or commas; pointers are the letters of your diagnoses."</p>
                {line_rows}
                <button type="button" id="add-line" on:click=add_line>"Add a service line"</button>
                <div class="actions">
                    <button type="button" id="submit-chart" class="primary" on:click=submit>"Submit for grading"</button>
                    <button type="button" id="reveal-key" on:click=reveal>"Reveal the answer key"</button>
                </div>
                {move || result.get().map(|g| view! { <GradeView chart=chart grade=g answer=answer.get_untracked()/> })}
                {(!own).then(|| view! { <ClaimLinks chart=chart.id.clone()/> })}
                <h3>"Attempts"</h3>
                <ol class="attempts">{history}</ol>
                {key_view}
            </section>
        </div>
    }
}

/// A service line in one line of text: code, modifiers, units and pointers.
fn line_text(code: &str, modifiers: &[String], units: u32, pointers: &[String]) -> String {
    format!(
        "{code} {} ×{units} → {}",
        modifiers.join(" "),
        pointers.join(" ")
    )
}

/// The marks for one graded attempt, each with the key's rationale.
#[component]
fn GradeView(chart: &'static Chart, grade: Grade, answer: Answer) -> impl IntoView {
    let dx = grade
        .diagnoses
        .iter()
        .map(|m| {
            let given = m
                .given
                .and_then(|i| answer.diagnoses.get(i))
                .cloned()
                .unwrap_or_else(|| "—".into());
            let key = m.key.and_then(|k| chart.diagnoses.get(k));
            let expected = key.map(|k| k.code.clone()).unwrap_or_default();
            let rationale = key
                .map(|k| k.rationale.clone())
                .or_else(|| {
                    (m.verdict == DxVerdict::Optional).then(|| {
                        chart
                            .optional
                            .iter()
                            .find(|o| o.code.eq_ignore_ascii_case(&given))
                            .map(|o| o.rationale.clone())
                            .unwrap_or_default()
                    })
                })
                .unwrap_or_default();
            let class = if m.points > 0 && m.verdict == DxVerdict::Correct {
                "mark good"
            } else if m.points < 0 {
                "mark bad"
            } else {
                "mark"
            };
            view! {
                <tr class=class>
                    <td class="code">{given}</td>
                    <td class="code">{expected}</td>
                    <td>{m.verdict.label()}</td>
                    <td>{format!("{:+}", m.points)}</td>
                    <td>{rationale}</td>
                </tr>
            }
        })
        .collect_view();
    let lines = grade
        .lines
        .iter()
        .map(|m| {
            let given = m.given.and_then(|i| answer.lines.get(i));
            let key = m.key.and_then(|k| chart.lines.get(k));
            let ok = |b: bool| if b { "✓" } else { "✗" };
            let shown = given.map_or("—".to_string(), |l| {
                line_text(&l.code, &l.modifiers, l.units, &l.pointers)
            });
            let expected = key.map_or("—".to_string(), |k| {
                line_text(&k.code, &k.modifiers, k.units, &k.pointers)
            });
            let detail = match (key, given) {
                (Some(_), Some(_)) => format!(
                    "code {} · modifiers {} · units {} · pointers {}",
                    ok(m.code),
                    ok(m.modifiers),
                    ok(m.units),
                    ok(m.pointers)
                ),
                (Some(_), None) => "Missing".to_string(),
                _ => "Extra: not supported by the documentation".to_string(),
            };
            view! {
                <tr class=if m.points < 0 { "mark bad" } else { "mark" }>
                    <td class="code">{shown}</td>
                    <td class="code">{expected}</td>
                    <td>{detail}</td>
                    <td>{format!("{:+}", m.points)}</td>
                    <td>{key.map(|k| k.rationale.clone()).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="grade" aria-labelledby="grade-heading">
            <h3 id="grade-heading" tabindex="-1" data-testid="chart-score">{format!("Score: {} of 100", grade.score)}</h3>
            <p>{format!("{} points earned, {} deducted, of {} available.", grade.earned, grade.deducted, grade.possible)}</p>
            <div class="table-wrap">
                <table class="marks" data-testid="dx-marks">
                    <caption>"Diagnoses"</caption>
                    <thead><tr><th>"Yours"</th><th>"Key"</th><th>"Mark"</th><th>"Points"</th><th>"Why"</th></tr></thead>
                    <tbody>{dx}</tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="marks" data-testid="line-marks">
                    <caption>"Service lines"</caption>
                    <thead><tr><th>"Yours"</th><th>"Key"</th><th>"Mark"</th><th>"Points"</th><th>"Why"</th></tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            </div>
            <p>"Change your codes and submit again to retry; every attempt is kept."</p>
        </section>
    }
}

/// The full answer key, shown once the learner chooses to reveal it.
#[component]
fn AnswerKey(chart: &'static Chart) -> impl IntoView {
    let dx = chart
        .diagnoses
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let alt = if d.accept.is_empty() { String::new() } else { format!(" (also accepted: {})", d.accept.join(", ")) };
            view! { <li><strong class="code">{format!("{}. {}", pointer_letter(i).unwrap_or('?'), d.code)}</strong>{alt}" — "{d.rationale.clone()}</li> }
        })
        .collect_view();
    let optional = chart
        .optional
        .iter()
        .map(|o| view! { <li><strong class="code">{o.code.clone()}</strong>" (optional) — "{o.rationale.clone()}</li> })
        .collect_view();
    let lines = chart
        .lines
        .iter()
        .map(|l| {
            view! {
                <li>
                    <strong class="code">{line_text(&l.code, &l.modifiers, l.units, &l.pointers)}</strong>
                    {format!(" · charge {} — ", l.charge)}{l.rationale.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="answer-key" aria-labelledby="key-heading" data-testid="answer-key">
            <h3 id="key-heading">"Answer key"</h3>
            <p>"Revealing the key is recorded with your attempts."</p>
            <ol class="key-list">{dx}{optional}</ol>
            <ul class="key-list">{lines}</ul>
        </section>
    }
}

/// Links to the claim exercises that bill this chart, once there are any.
#[component]
fn ClaimLinks(
    /// The chart's id.
    chart: String,
) -> impl IntoView {
    let links = RwSignal::new(Vec::<crate::domain::claims::exercise::ClaimSummary>::new());
    spawn_local(async move {
        let all: Result<Vec<crate::domain::claims::exercise::ClaimSummary>, _> =
            fetch_json(&format!("{}index.json", super::claims::BASE)).await;
        let mine = all
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.chart.as_deref() == Some(chart.as_str()))
            .collect();
        links.try_set(mine);
    });
    move || {
        let items = links.get();
        (!items.is_empty()).then(|| {
            let items = items
                .into_iter()
                .map(|c| view! { <li><a href=format!("/claims/{}", c.id)>{c.title}</a></li> })
                .collect_view();
            view! {
                <h3>"Bill this chart"</h3>
                <p class="hint">"Your codes carry over to the claim form."</p>
                <ul class="claim-links">{items}</ul>
            }
        })
    }
}
