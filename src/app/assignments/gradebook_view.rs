//! One assignment's gradebook: import results files (picked or dropped), the table
//! of students by items with sorting, statistics, exam item analysis and CSV export.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::read_file;
use crate::app::charts_ui::store;
use crate::app::download::download_text;
use crate::domain::assignments::assignment::Item;
use crate::domain::assignments::gradebook::{Imported, is_late, item_analysis, item_stats, to_csv};
use crate::domain::assignments::held::Course;
use crate::domain::assignments::results::read_results;

/// The gradebook of one assignment.
#[component]
pub fn GradebookView(
    /// The assignment's id.
    id: String,
    /// The assignment and its results so far.
    course: Course,
) -> impl IntoView {
    let store = store();
    let course = RwSignal::new(course);
    let messages = RwSignal::new(Vec::<String>::new());
    let sort = RwSignal::new((0usize, false));
    let dom = format!("gradebook-{id}");
    let import_files = {
        let id = id.clone();
        move |files: Vec<web_sys::File>| {
            messages.set(Vec::new());
            for file in files {
                let id = id.clone();
                let name = file.name();
                spawn_local(async move {
                    let outcome = read_file(file)
                        .await
                        .and_then(|text| read_results(&text, &id).map_err(|e| e.to_string()));
                    let message = match outcome {
                        Err(e) => format!("{name} was skipped: {e}."),
                        Ok(results) => {
                            let student = results.student_name.clone();
                            let mut imported = Imported::Duplicate;
                            let saved = store.update(|p| {
                                p.change_courses(|c| {
                                    if let Some(course) = c.get_mut(&id) {
                                        imported = course.gradebook.import(results.clone());
                                    }
                                })
                            });
                            if let Some(c) =
                                store.with(|p| p.courses().ok().and_then(|mut c| c.remove(&id)))
                            {
                                course.try_set(c);
                            }
                            match (saved, imported) {
                                (Err(e), _) => format!("{name} could not be saved: {e}."),
                                (Ok(()), Imported::Added) => {
                                    format!("{name}: results of {student} added.")
                                }
                                (Ok(()), Imported::Replaced) => format!(
                                    "{name}: newer results of {student} replace the earlier file."
                                ),
                                (Ok(()), Imported::Duplicate) => format!(
                                    "{name}: already imported, or older than the file held; nothing changed."
                                ),
                            }
                        }
                    };
                    messages.try_update(|m| m.push(message));
                });
            }
        }
    };
    let on_pick = {
        let import_files = import_files.clone();
        move |ev: leptos::ev::Event| import_files(super::chosen_files(&ev))
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        import_files(files);
    };
    let table = move || {
        let c = course.get();
        let mut rows = c.gradebook.rows();
        let (column, descending) = sort.get();
        rows.sort_by(|a, b| {
            let key = |r: &&crate::domain::assignments::results::Results| match column {
                0 => (0, r.student_name.to_lowercase()),
                n => (
                    r.items
                        .get(n - 1)
                        .and_then(|i| i.score)
                        .map_or(-1, i64::from),
                    String::new(),
                ),
            };
            let order = key(a).cmp(&key(b));
            if descending { order.reverse() } else { order }
        });
        let header = std::iter::once("Student".to_string())
            .chain(c.assignment.items.iter().enumerate().map(|(i, item)| format!("{}. {}", i + 1, item.label())))
            .enumerate()
            .map(|(n, label)| {
                let state = match sort.get() {
                    (col, false) if col == n => "ascending",
                    (col, true) if col == n => "descending",
                    _ => "none",
                };
                view! { <th scope="col" aria-sort=state><button type="button" class="link-button sort"
                    on:click=move |_| sort.update(|s| *s = (n, s.0 == n && !s.1))>{label}</button></th> }
            })
            .collect_view();
        let body = rows
            .iter()
            .map(|r| {
                let cells = (0..c.assignment.items.len())
                    .map(|i| {
                        let item = r.items.get(i);
                        let text = item.map_or("—".to_string(), |x| {
                            let tries = match x.attempts {
                                1 => "1 attempt".to_string(),
                                n => format!("{n} attempts"),
                            };
                            match x.score {
                                Some(s) => format!("{s}% ({tries})"),
                                None => format!("not done ({tries})"),
                            }
                        });
                        view! { <td>{text}</td> }
                    })
                    .collect_view();
                let late = if is_late(&c.assignment, r) { "late" } else { "on time" };
                view! { <tr data-student=r.student_name.clone()><th scope="row">{format!("{} {} · {late}", r.student_name, r.student_id)}</th>{cells}</tr> }
            })
            .collect_view();
        let stats = (0..c.assignment.items.len())
            .map(|i| {
                let s = item_stats(&rows, i);
                let f = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.1}"));
                view! { <td>{format!("avg {} · median {} · done {:.0}%", f(s.average), f(s.median), s.completion * 100.0)}</td> }
            })
            .collect_view();
        let analysis = c
            .assignment
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches!(item, Item::Exam { .. } | Item::OwnQuestions { .. }))
            .map(|(i, item)| {
                let lines = item_analysis(&rows, i)
                    .into_iter()
                    .map(|q| {
                        let pct = (q.correct * 100).checked_div(q.answered).unwrap_or(0);
                        let wrong = q.top_wrong.map_or(String::new(), |(o, n)| format!("; most chosen wrong option: {} ({n})", char::from(b'A' + o as u8)));
                        view! { <li>{format!("{}: {pct}% correct of {}{wrong}", q.id, q.answered)}</li> }
                    })
                    .collect_view();
                view! { <h4>{format!("Item analysis: {}", item.label())}</h4><ul class="item-analysis">{lines}</ul> }
            })
            .collect_view();
        view! {
            <div class="table-wrap"><table class="statement gradebook">
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
                <tfoot><tr><th scope="row">"Class"</th>{stats}</tr></tfoot>
            </table></div>
            {analysis}
        }
    };
    let export = move |_| {
        let c = course.get_untracked();
        let csv = to_csv(&c.assignment, &c.gradebook);
        let name = format!(
            "{}-gradebook.csv",
            c.assignment
                .title
                .to_lowercase()
                .replace(|ch: char| !ch.is_ascii_alphanumeric(), "-")
        );
        if let Err(e) = download_text(&name, &csv) {
            messages.update(|m| m.push(e));
        }
    };
    let title =
        course.with_untracked(|c| format!("{} (due {})", c.assignment.title, c.assignment.due));
    let label = format!("Gradebook: {title}");
    view! {
        <section class="gradebook-section" id=dom aria-label=label>
            <h3>{title}</h3>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for=format!("results-{id}")>"Import results files (pick several, or drop them here)"</label>
                <input type="file" multiple id=format!("results-{id}") class="results-input" accept=".json,application/json" on:change=on_pick/>
            </div>
            <ul class="import-messages" role="status">{move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            {table}
            <button type="button" class="export-csv" on:click=export>"Export CSV"</button>
            <p class="hint">"CSV columns: student name, student id, one column per item (the score in percent, empty when not done), total (the mean of the item scores, not done counting 0), and late (yes or no)."</p>
        </section>
    }
}
