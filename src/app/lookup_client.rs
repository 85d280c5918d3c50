//! The page side of the search worker: started on first use and kept, with its
//! answers, for the life of the page, so leaving the lookup and coming back does not
//! download or index the data again. Replies arrive as `{kind, ...}` objects with
//! HTML the worker rendered.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::storage;
use crate::domain::codes::lookup::{CodeSet, Request};

/// Where the code-set data stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataState {
    /// Downloading: bytes received, and bytes expected if known.
    Loading(u64, Option<u64>),
    /// Searchable: codes valid for reporting, and milliseconds it took to prepare.
    Ready(u64, u64),
    /// Could not load, with the reason.
    Failed(String),
}

/// The user's own CPT descriptors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CptState {
    /// None in use.
    Idle,
    /// In use: how many, and whether they are stored in this browser.
    Using(u64, bool),
    /// The last file was refused, with every problem.
    Rejected(Vec<String>),
}

/// The worker's latest answers, as signals the lookup page reads.
#[derive(Clone)]
pub struct LookupClient {
    /// Shared, so the copy inside the message handler can send too.
    worker: Rc<RefCell<Option<Worker>>>,
    next_id: Rc<Cell<u32>>,
    /// The data's state.
    pub state: ArcRwSignal<DataState>,
    /// The newest search's results: the list's HTML and the codes in it, in order.
    pub results: ArcRwSignal<Option<(String, Vec<String>)>>,
    /// How many searches have been answered; shown on the list as `data-answers`, so
    /// tests and the benchmark can tell an answer arrived even when it is unchanged.
    pub answers: ArcRwSignal<u32>,
    /// The open code's HTML.
    pub detail: ArcRwSignal<Option<String>>,
    /// The latest verdict from the 7th-character builder: (code, HTML).
    pub verdict: ArcRwSignal<Option<(String, String)>>,
    /// The user's CPT descriptors.
    pub cpt: ArcRwSignal<CptState>,
    /// The latest diagnosis facts for the claim scrubber, as JSON.
    pub facts: ArcRwSignal<Option<String>>,
    /// A file sent for checking, stored only once the worker accepts it.
    pending_file: Rc<RefCell<Option<String>>>,
    /// Requests made before the worker's wasm was listening, which would be lost;
    /// `None` once it has spoken (its first message), when they are sent.
    early: Rc<RefCell<Option<Vec<String>>>>,
}

thread_local! {
    static CLIENT: RefCell<Option<LookupClient>> = const { RefCell::new(None) };
}

/// The page's lookup client, starting the worker the first time.
pub fn lookup_client() -> LookupClient {
    CLIENT.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(LookupClient::start)
            .clone()
    })
}

fn field(message: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(message, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(message: &JsValue, key: &str) -> Option<u64> {
    field(message, key).as_f64().map(|n| n.max(0.0) as u64)
}

fn text(message: &JsValue, key: &str) -> String {
    field(message, key).as_string().unwrap_or_default()
}

impl LookupClient {
    fn start() -> LookupClient {
        let client = LookupClient {
            worker: Rc::new(RefCell::new(None)),
            next_id: Rc::new(Cell::new(0)),
            state: ArcRwSignal::new(DataState::Loading(0, None)),
            results: ArcRwSignal::new(None),
            answers: ArcRwSignal::new(0),
            detail: ArcRwSignal::new(None),
            verdict: ArcRwSignal::new(None),
            cpt: ArcRwSignal::new(CptState::Idle),
            facts: ArcRwSignal::new(None),
            pending_file: Rc::new(RefCell::new(None)),
            early: Rc::new(RefCell::new(Some(Vec::new()))),
        };
        match Worker::new("/search_worker_loader.js") {
            Ok(worker) => {
                let handler = client.clone();
                let on_message =
                    Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                        handler.receive(&event.data());
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                // The handler lives as long as the page.
                on_message.forget();
                *client.worker.borrow_mut() = Some(worker);
            }
            Err(_) => client.state.set(DataState::Failed(
                "this browser could not start the search (web workers are unavailable)".into(),
            )),
        }
        client
    }

    fn receive(&self, message: &JsValue) {
        if let Some(early) = self.early.borrow_mut().take()
            && let Some(worker) = self.worker.borrow().as_ref()
        {
            for json in early {
                let _ = worker.post_message(&JsValue::from_str(&json));
            }
        }
        match text(message, "kind").as_str() {
            "loading" => self.state.set(DataState::Loading(
                number(message, "received").unwrap_or(0),
                number(message, "total"),
            )),
            "ready" => {
                // Messages sent before the worker's wasm starts are not heard, so the
                // stored CPT file goes now (the page re-sends its search on ready too).
                // It is already stored, so it is not pending.
                if let Some(text) = storage::read_cpt_file() {
                    self.send(&Request::ImportCpt { text });
                }
                self.state.set(DataState::Ready(
                    number(message, "codes").unwrap_or(0),
                    number(message, "millis").unwrap_or(0),
                ));
            }
            "failed" => self.state.set(DataState::Failed(text(message, "message"))),
            // Only the newest query's answer is shown.
            "results" if number(message, "id") == Some(u64::from(self.next_id.get()) - 1) => {
                let codes = js_sys::Array::from(&field(message, "codes"))
                    .iter()
                    .filter_map(|c| c.as_string())
                    .collect();
                self.results.set(Some((text(message, "html"), codes)));
                self.answers.update(|n| *n += 1);
            }
            "detail" => self.detail.set(Some(text(message, "html"))),
            "verdict" => self
                .verdict
                .set(Some((text(message, "code"), text(message, "html")))),
            "cpt" => self.receive_cpt(message),
            "facts" => self.facts.set(Some(text(message, "json"))),
            _ => {}
        }
    }

    fn receive_cpt(&self, message: &JsValue) {
        let pending = self.pending_file.borrow_mut().take();
        match number(message, "count") {
            Some(0) => self.cpt.set(CptState::Idle),
            Some(count) => {
                // Stored only now that the worker has accepted the file whole.
                let saved = pending.is_none_or(|text| storage::write_cpt_file(&text).is_ok());
                self.cpt.set(CptState::Using(count, saved));
            }
            None => {
                let errors = js_sys::Array::from(&field(message, "errors"))
                    .iter()
                    .filter_map(|e| e.as_string())
                    .collect();
                self.cpt.set(CptState::Rejected(errors));
            }
        }
    }

    fn send(&self, request: &Request) {
        let Ok(json) = serde_json::to_string(request) else {
            return;
        };
        if let Some(early) = self.early.borrow_mut().as_mut() {
            early.push(json);
        } else if let Some(worker) = self.worker.borrow().as_ref() {
            let _ = worker.post_message(&JsValue::from_str(&json));
        }
    }

    /// Searches one code set or all; an empty query clears the results.
    pub fn search(&self, query: &str, set: Option<CodeSet>) {
        if query.trim().is_empty() {
            self.results.set(None);
            return;
        }
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        self.send(&Request::Search {
            id,
            query: query.to_string(),
            set,
        });
    }

    /// Opens a code, keeping `query` in the links it shows.
    pub fn open(&self, code: &str, query: &str) {
        self.send(&Request::Detail {
            code: code.to_string(),
            query: query.to_string(),
        });
    }

    /// Sends a CPT descriptor file to be checked; it is stored if accepted.
    pub fn import_cpt(&self, text: String) {
        *self.pending_file.borrow_mut() = Some(text.clone());
        self.send(&Request::ImportCpt { text });
    }

    /// Stops using, and forgets, the CPT descriptor file.
    pub fn clear_cpt(&self) {
        storage::remove_cpt_file();
        self.send(&Request::ClearCpt);
    }

    /// Asks what ICD-10-CM says about a claim's diagnosis codes; the answer arrives
    /// in `facts`.
    pub fn facts(&self, codes: Vec<String>) {
        self.send(&Request::Facts { codes });
    }

    /// Asks for the facts on several lists of codes (`FactSets`); the answer, a JSON
    /// list of facts, arrives in `facts`.
    pub fn fact_sets(&self, lists: Vec<Vec<String>>) {
        self.send(&Request::FactSets { lists });
    }

    /// Asks for the verdict on a built code.
    pub fn validate(&self, code: &str) {
        self.send(&Request::Validate {
            code: code.to_string(),
        });
    }
}
