//! Instructors' own charts and questions in the browser: checking them with the
//! shipped content's rules (`content::own`; ICD-10-CM facts from the search worker),
//! and the student's pages for them, `/assignment/<key>`: the chart in the charts
//! workspace, or the questions as one quiz.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::active_clock::ActiveClock;
use crate::app::charts_ui::{ChartWorkspace, store};
use crate::app::claims::load_code_lists;
use crate::app::exams::Book;
use crate::app::lookup_client::{DataState, lookup_client};
use crate::app::{now_ms, set_title};
use crate::content::icd_facts::FactSheet;
use crate::content::own::{OwnContent, check_own};
use crate::domain::assignments::assignment::Item;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::scrub::CodeLists;
use crate::domain::exam_progress::QuizAttempt;
use crate::domain::exams::question::Question;

/// A check waiting for the worker's answers.
struct Pending {
    item: Item,
    wanted: Vec<Vec<String>>,
    sheet: FactSheet,
    lists: CodeLists,
}

/// Checks an instructor's item in this browser; the outcome arrives in `outcome`.
#[derive(Clone, Copy)]
pub struct OwnChecker {
    /// What the check is doing, while it runs.
    pub status: RwSignal<Option<String>>,
    /// The newest check's outcome: the content, or every problem as "Line N: …".
    pub outcome: RwSignal<Option<Result<OwnContent, Vec<String>>>>,
    pending: StoredValue<Option<Pending>>,
    /// The component's owner, to listen to the worker from the first check on (so a
    /// page that checks nothing never starts the worker and its 4 MB download).
    owner: StoredValue<Option<Owner>>,
    listening: StoredValue<bool>,
}

fn messages(problems: &[crate::content::charts::ChartProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("Line {}: {}", p.line, p.message))
        .collect()
}

impl OwnChecker {
    /// Made inside a component, which it answers through.
    pub fn new() -> OwnChecker {
        OwnChecker {
            status: RwSignal::new(None),
            outcome: RwSignal::new(None),
            pending: StoredValue::new(None),
            owner: StoredValue::new(Owner::current()),
            listening: StoredValue::new(false),
        }
    }

    /// Starts the worker, and answers its facts and data state.
    fn listen(self) {
        let checker = self;
        let client = lookup_client();
        let facts = client.facts.clone();
        Effect::new(move |_| {
            let Some(json) = facts.get() else { return };
            let Ok(answers) = serde_json::from_str::<Vec<DiagnosisFacts>>(&json) else {
                return;
            };
            let Some(mut p) = checker.pending.try_update_value(Option::take).flatten() else {
                return;
            };
            if answers.len() != p.wanted.len() {
                checker.pending.set_value(Some(p));
                return;
            }
            p.sheet.add(&p.wanted, answers);
            checker.finish(check_own(&p.item, &p.sheet, &p.lists));
        });
        let state = client.state.clone();
        Effect::new(move |_| {
            let waiting = checker.pending.with_value(Option::is_some);
            match state.get() {
                DataState::Failed(e) if waiting => {
                    checker.pending.set_value(None);
                    checker.status.set(None);
                    checker.outcome.set(Some(Err(vec![format!(
                        "The ICD-10-CM codes cannot be checked: {e}. Reload the page to try again."
                    )])));
                }
                DataState::Loading(received, _) if waiting => checker.status.set(Some(format!(
                    "Loading the ICD-10-CM data to check the codes: {} KB…",
                    received / 1024
                ))),
                _ => {}
            }
        });
    }

    fn finish(
        self,
        checked: Option<Result<OwnContent, Vec<crate::content::charts::ChartProblem>>>,
    ) {
        self.status.set(None);
        self.outcome.set(Some(match checked {
            Some(Ok(content)) => Ok(content),
            Some(Err(problems)) => Err(messages(&problems)),
            None => Err(vec![
                "This item is not an instructor's chart or questions.".into(),
            ]),
        }));
    }

    /// Checks `item`: reads it, runs every rule, and asks the worker about its codes.
    pub fn check(self, item: Item) {
        if !self.listening.get_value() {
            self.listening.set_value(true);
            match self.owner.get_value() {
                Some(owner) => owner.with(|| self.listen()),
                None => self.listen(),
            }
        }
        self.outcome.set(None);
        self.status.set(Some("Checking…".into()));
        spawn_local(async move {
            let lists = match load_code_lists().await {
                Ok(lists) => lists,
                Err(e) => {
                    self.status.try_set(None);
                    self.outcome.try_set(Some(Err(vec![format!(
                        "The code lists could not be loaded: {e}."
                    )])));
                    return;
                }
            };
            let sheet = FactSheet::default();
            let first = check_own(&item, &sheet, &lists);
            let wanted = sheet.wanted();
            if wanted.is_empty() {
                self.finish(first);
                return;
            }
            self.status
                .try_set(Some("Checking the ICD-10-CM codes…".into()));
            self.pending.set_value(Some(Pending {
                item,
                wanted: wanted.clone(),
                sheet,
                lists,
            }));
            lookup_client().fact_sets(wanted);
        });
    }
}

/// The held assignment item whose work is kept under `key`.
fn held_item(key: &str) -> Option<Item> {
    let book = store().with(|p| p.held_assignments().unwrap_or_default());
    book.into_values()
        .flat_map(|a| a.items)
        .find(|i| i.own_key().as_deref() == Some(key))
}

/// `/assignment/<key>`: an instructor's chart or questions, checked again here (the
/// link is untrusted), then worked like shipped content.
#[component]
pub fn OwnItemPage(key: String) -> impl IntoView {
    set_title("Assignment item");
    let checker = OwnChecker::new();
    let item = held_item(&key);
    if let Some(item) = item.clone() {
        checker.check(item);
    }
    let label = item.as_ref().map(Item::label).unwrap_or_default();
    move || {
        if item.is_none() {
            return view! {
                <h1>"Item not found"</h1>
                <p>"This item is not in any assignment held in this browser. Open your instructor's link or file again."</p>
                <p><a href="/assignment">"Your assignments"</a></p>
            }
            .into_any();
        }
        match checker.outcome.get() {
            None => view! { <p class="loading" role="status">{move || checker.status.get()}</p> }.into_any(),
            Some(Err(problems)) => view! {
                <h1>{label.clone()}</h1>
                <p role="alert">"This item does not pass Billable's checks, so it cannot be done. Tell your instructor:"</p>
                <ul class="own-problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Some(Ok(OwnContent::Chart(mut chart))) => {
                chart.id = key.clone();
                let chart: &'static _ = Box::leak(chart);
                view! { <ChartWorkspace chart=chart own=true/> }.into_any()
            }
            Some(Ok(OwnContent::Questions(questions))) => {
                view! { <OwnQuiz key=key.clone() title=label.clone() questions=questions/> }.into_any()
            }
        }
    }
}

/// An instructor's questions as one quiz: answer all, submit, see each rationale.
#[component]
fn OwnQuiz(key: String, title: String, questions: Vec<Question>) -> impl IntoView {
    set_title(&title);
    let book = Book::load();
    let clock = ActiveClock::start();
    let questions = StoredValue::new(questions);
    let n = questions.with_value(Vec::len);
    let chosen = RwSignal::new(vec![Vec::<usize>::new(); n]);
    let shown = RwSignal::new(None::<QuizAttempt>);
    let key = StoredValue::new(key);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let attempt = questions.with_value(|qs| {
            QuizAttempt::grade(qs, &chosen.get_untracked(), now_ms(), clock.take())
        });
        let k = key.get_value();
        book.change(|b| {
            b.quizzes
                .entry(k.clone())
                .or_default()
                .push(attempt.clone())
        });
        shown.set(Some(attempt));
        if let Some(el) = document().get_element_by_id("quiz-result") {
            use wasm_bindgen::JsCast as _;
            let _ = el.dyn_into::<web_sys::HtmlElement>().map(|e| e.focus());
        }
    };
    let history = move || {
        book.book.with(|b| {
            let taken = b
                .quizzes
                .get(&key.get_value())
                .map(Vec::as_slice)
                .unwrap_or_default();
            let best = taken.iter().map(|a| a.score).max();
            best.map(|best| format!("Attempts: {} · best {best}%", taken.len()))
        })
    };
    let items = questions.with_value(|qs| {
        qs.iter()
            .enumerate()
            .map(|(i, q)| {
                let multi = q.multi;
                let name = format!("q{i}");
                let options = q
                    .options
                    .iter()
                    .enumerate()
                    .map(|(o, text)| {
                        let id = format!("q{i}-o{o}");
                        let toggle = move |_| {
                            chosen.update(|c| {
                                if let Some(picked) = c.get_mut(i) {
                                    if multi {
                                        if let Some(at) = picked.iter().position(|&x| x == o) {
                                            picked.remove(at);
                                        } else {
                                            picked.push(o);
                                        }
                                    } else {
                                        *picked = vec![o];
                                    }
                                }
                            });
                            shown.set(None);
                        };
                        view! {
                            <div class="option">
                                <input type=if multi { "checkbox" } else { "radio" } id=id.clone() name=name.clone()
                                    prop:checked=move || chosen.with(|c| c.get(i).is_some_and(|p| p.contains(&o))) on:change=toggle/>
                                <label for=id>{text.replace('`', "")}</label>
                            </div>
                        }
                    })
                    .collect_view();
                let feedback = move || {
                    shown.get().and_then(|a| a.answers.get(i).cloned()).map(|a| {
                        let q = questions.with_value(|qs| qs.get(i).cloned());
                        let (rationale, right) = q.map_or((String::new(), String::new()), |q| {
                            let right = q.answer.iter().filter_map(|&x| q.options.get(x)).map(|o| o.replace('`', "")).collect::<Vec<_>>().join("; ");
                            (q.rationale.replace('`', ""), right)
                        });
                        let verdict = if a.correct { "Correct." } else { "Not correct." };
                        view! { <p class="rationale">{format!("{verdict} Answer: {right}. {rationale}")}</p> }
                    })
                };
                view! {
                    <fieldset class="quiz-question" data-question=q.id.clone()>
                        {(!q.case.is_empty()).then(|| view! { <p class="note-text case-note">{q.case.replace('`', "")}</p> })}
                        <legend class="stem">{format!("{}. {}", i + 1, q.stem.replace('`', ""))}</legend>
                        {options}
                        {feedback}
                    </fieldset>
                }
            })
            .collect_view()
    });
    view! {
        <p class="breadcrumb"><a href="/assignment">"Assignments"</a></p>
        <h1>{title.clone()}</h1>
        {move || book.error.get().map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        <p class="lead">{move || history()}</p>
        <form class="own-quiz" on:submit=submit>
            {items}
            <button type="submit" id="submit-quiz" class="primary">"Submit for grading"</button>
        </form>
        <p id="quiz-result" tabindex="-1" role="status">{move || shown.get().map(|a| format!("Score: {}% ({} of {} correct)", a.score, a.answers.iter().filter(|x| x.correct).count(), a.answers.len()))}</p>
    }
}
