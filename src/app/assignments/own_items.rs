//! Instructors' own charts and questions in the browser: checking them with the
//! shipped content's rules (`content::own`, run in `own_worker`, with ICD-10-CM facts
//! from the search worker), and the student's pages for them, `/assignment/<key>`:
//! the chart in the charts workspace, or the questions as one quiz.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::app::active_clock::ActiveClock;
use crate::app::charts_ui::{ChartWorkspace, store};
use crate::app::exams::Book;
use crate::app::lookup_client::{DataState, lookup_client};
use crate::app::{now_ms, set_title};
use crate::content::own::{OwnContent, OwnReply, OwnRequest};
use crate::domain::assignments::assignment::Item;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::exam_progress::QuizAttempt;
use crate::domain::exams::question::Question;

thread_local! {
    /// The running check: its worker and the item it checks (one at a time).
    static CHECK: RefCell<Option<(Worker, Item)>> = const { RefCell::new(None) };
}

/// Checks an instructor's item in a worker of its own (`own_worker`), relaying the
/// ICD-10-CM facts it wants from the search worker; the outcome arrives in `outcome`.
#[derive(Clone, Copy)]
pub struct OwnChecker {
    /// What the check is doing, while it runs.
    pub status: RwSignal<Option<String>>,
    /// The newest check's outcome: the content, or every problem as "Line N: …".
    pub outcome: RwSignal<Option<Result<OwnContent, Vec<String>>>>,
    /// The lists the checking worker asked for, while the search worker answers.
    wanted: RwSignal<Option<Vec<Vec<String>>>>,
    /// The component's owner, to listen to the search worker from the first check on
    /// (so a page that checks nothing never starts it and its 4 MB download).
    owner: StoredValue<Option<Owner>>,
    listening: StoredValue<bool>,
    /// True once the facts were sent: the checking worker needs nothing more.
    relayed: StoredValue<bool>,
}

/// Posts a request to the running check's worker.
fn ask(item: Item, facts: Option<(Vec<Vec<String>>, Vec<DiagnosisFacts>)>) {
    let json = serde_json::to_string(&OwnRequest { item, facts }).unwrap_or_default();
    CHECK.with(|c| {
        if let Some((worker, _)) = c.borrow().as_ref() {
            let _ = worker.post_message(&JsValue::from_str(&json));
        }
    });
}

/// Stops the running check's worker.
fn stop() {
    if let Some((worker, _)) = CHECK.with(|c| c.borrow_mut().take()) {
        worker.terminate();
    }
}

impl OwnChecker {
    /// Made inside a component, which it answers through.
    pub fn new() -> OwnChecker {
        on_cleanup(stop);
        OwnChecker {
            status: RwSignal::new(None),
            outcome: RwSignal::new(None),
            wanted: RwSignal::new(None),
            owner: StoredValue::new(Owner::current()),
            listening: StoredValue::new(false),
            relayed: StoredValue::new(false),
        }
    }

    /// Relays the search worker's facts and data state to the running check.
    fn listen(self) {
        let checker = self;
        let client = lookup_client();
        let facts = client.facts.clone();
        Effect::new(move |_| {
            let Some(json) = facts.get() else { return };
            let Ok(answers) = serde_json::from_str::<Vec<DiagnosisFacts>>(&json) else {
                return;
            };
            let Some(wanted) = checker.wanted.get_untracked() else {
                return;
            };
            if answers.len() != wanted.len() {
                return;
            }
            checker.wanted.set(None);
            let item = CHECK.with(|c| c.borrow().as_ref().map(|(_, item)| item.clone()));
            if let Some(item) = item {
                checker.relayed.set_value(true);
                ask(item, Some((wanted, answers)));
            }
        });
        let state = client.state.clone();
        Effect::new(move |_| {
            let waiting = checker.wanted.get_untracked().is_some();
            match state.get() {
                DataState::Failed(e) if waiting => checker.finish(Err(vec![format!(
                    "The ICD-10-CM codes cannot be checked: {e}. Reload the page to try again."
                )])),
                DataState::Loading(received, _) if waiting => checker.status.set(Some(format!(
                    "Loading the ICD-10-CM data to check the codes: {} KB…",
                    received / 1024
                ))),
                _ => {}
            }
        });
    }

    fn finish(self, outcome: Result<OwnContent, Vec<String>>) {
        stop();
        self.wanted.set(None);
        self.status.set(None);
        self.outcome.set(Some(outcome));
    }

    /// What the checking worker said.
    fn receive(self, text: &str) {
        if text == "ready" {
            let item = CHECK.with(|c| c.borrow().as_ref().map(|(_, item)| item.clone()));
            if let Some(item) = item {
                ask(item, None);
            }
            return;
        }
        match serde_json::from_str::<OwnReply>(text) {
            // Asked once already: the answers did not cover it, so stop rather than loop.
            Ok(OwnReply::Wanted(_)) if self.relayed.get_value() => {
                self.finish(Err(vec![
                    "The ICD-10-CM codes could not all be checked; reload the page and try again."
                        .into(),
                ]));
            }
            Ok(OwnReply::Wanted(wanted)) => {
                self.status
                    .set(Some("Checking the ICD-10-CM codes…".into()));
                self.wanted.set(Some(wanted.clone()));
                lookup_client().fact_sets(wanted);
            }
            Ok(OwnReply::Checked(content)) => self.finish(Ok(content)),
            Ok(OwnReply::Problems(problems)) => self.finish(Err(problems)),
            Err(_) => self.finish(Err(vec![
                "The check's answer could not be read; reload the page and try again.".into(),
            ])),
        }
    }

    /// Checks `item`: reads it, runs every rule, and has its codes checked.
    pub fn check(self, item: Item) {
        if !self.listening.get_value() {
            self.listening.set_value(true);
            match self.owner.get_value() {
                Some(owner) => owner.with(|| self.listen()),
                None => self.listen(),
            }
        }
        stop();
        self.relayed.set_value(false);
        self.wanted.set(None);
        self.outcome.set(None);
        self.status.set(Some("Checking…".into()));
        let Ok(worker) = Worker::new("/own_worker_loader.js") else {
            self.finish(Err(vec![
                "This browser could not start the check (web workers are unavailable).".into(),
            ]));
            return;
        };
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                self.receive(&text);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Lives as long as the page; a check is rare.
        on_message.forget();
        CHECK.with(|c| *c.borrow_mut() = Some((worker, item)));
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
