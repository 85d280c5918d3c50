//! The lookup's search worker: downloads the ICD-10-CM data with progress, parses and
//! indexes it off the main thread, then answers the page's requests with the pure
//! `domain::codes::lookup::answer`, rendered to HTML by `lookup_html`. Requests arrive
//! as JSON strings; replies leave as plain objects `{kind, ...}`, so the page needs no
//! JSON decoder for them.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::domain::codes::cpt::parse_cpt;
use crate::domain::codes::icd10cm_data::parse;
use crate::domain::codes::lookup::{LookupData, Reply, Request, answer};
use crate::domain::codes::lookup_html::reply_html;
use crate::domain::codes::modifiers::parse_modifiers;

/// Where the data is served from (Trunk copies content/codes/ there).
const DATA_URL: &str = "/codes/icd10cm.txt";
const CPT_URL: &str = "/codes/cpt.tsv";
const MODIFIERS_URL: &str = "/codes/modifiers.tsv";

type Loaded = Rc<RefCell<Option<LookupData>>>;

/// Starts the worker: listens for requests and begins loading the data.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let loaded: Loaded = Rc::new(RefCell::new(None));
    let pending: Rc<RefCell<Vec<Request>>> = Rc::new(RefCell::new(Vec::new()));
    let on_message = {
        let (scope, loaded, pending) = (scope.clone(), loaded.clone(), pending.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let Ok(request) = serde_json::from_str::<Request>(&text) else {
                return;
            };
            match loaded.borrow_mut().as_mut() {
                Some(data) => {
                    // The search alone, for the benchmark: answered, not yet rendered
                    // or posted.
                    let clock = scope.performance();
                    let started = clock.as_ref().map_or(0.0, |c| c.now());
                    let reply = answer(data, &request);
                    let took = clock.as_ref().map_or(0.0, |c| c.now()) - started;
                    send_timed(&scope, &reply, query_of(&request), took);
                }
                // Answered once the data is ready; only the latest search matters.
                None => {
                    let mut queue = pending.borrow_mut();
                    queue.retain(|r| {
                        !matches!(
                            (r, &request),
                            (Request::Search { .. }, Request::Search { .. })
                        )
                    });
                    queue.push(request);
                }
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async move {
        match load(&scope).await {
            Ok(mut data) => {
                for request in pending.borrow_mut().drain(..) {
                    send(&scope, &answer(&mut data, &request), query_of(&request));
                }
                *loaded.borrow_mut() = Some(data);
            }
            Err(message) => send(&scope, &Reply::Failed { message }, ""),
        }
    });
}

/// Downloads, parses and indexes everything, reporting progress and the time from
/// arrival to ready.
async fn load(scope: &DedicatedWorkerGlobalScope) -> Result<LookupData, String> {
    let text = download(scope).await?;
    let cpt = fetch_text(scope, CPT_URL).await?;
    let modifiers = fetch_text(scope, MODIFIERS_URL).await?;
    let started = js_sys::Date::now();
    let icd = parse(&text).map_err(|e| e.to_string())?;
    let cpt = parse_cpt(&cpt).map_err(|e| format!("the CPT list is damaged at {e}"))?;
    let modifiers =
        parse_modifiers(&modifiers).map_err(|e| format!("the modifier list is damaged at {e}"))?;
    let data = LookupData::new(icd, cpt, modifiers);
    let millis = (js_sys::Date::now() - started).max(0.0) as u32;
    send(
        scope,
        &Reply::Ready {
            codes: data.icd.billable_count(),
            millis,
        },
        "",
    );
    Ok(data)
}

/// Fetches a small text file whole.
pub(crate) async fn fetch_text(
    scope: &DedicatedWorkerGlobalScope,
    url: &str,
) -> Result<String, String> {
    let failed = || format!("{url} could not be downloaded; reload to try again");
    let response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} for {url}",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    text.as_string().ok_or_else(failed)
}

/// The search a request was made under, for links in the rendered HTML.
fn query_of(request: &Request) -> &str {
    match request {
        Request::Search { query, .. } | Request::Detail { query, .. } => query,
        Request::Validate { .. }
        | Request::Facts { .. }
        | Request::FactSets { .. }
        | Request::ImportCpt { .. }
        | Request::ClearCpt => "",
    }
}

/// Posts a reply to the page as `{kind, ...}`.
fn send(scope: &DedicatedWorkerGlobalScope, reply: &Reply, query: &str) {
    send_timed(scope, reply, query, f64::NAN);
}

/// Posts a reply, with how long answering it took in ms (`took`) when known.
fn send_timed(scope: &DedicatedWorkerGlobalScope, reply: &Reply, query: &str, took: f64) {
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    };
    let kind = match reply {
        Reply::Loading { received, total } => {
            set("received", JsValue::from_f64(*received as f64));
            set(
                "total",
                total.map_or(JsValue::NULL, |t| JsValue::from_f64(t as f64)),
            );
            "loading"
        }
        Reply::Ready { codes, millis } => {
            set("codes", JsValue::from_f64(*codes as f64));
            set("millis", JsValue::from_f64(f64::from(*millis)));
            "ready"
        }
        Reply::Failed { message } => {
            set("message", JsValue::from_str(message));
            "failed"
        }
        Reply::Results { id, rows } => {
            set("id", JsValue::from_f64(f64::from(*id)));
            let codes: js_sys::Array = rows.iter().map(|r| JsValue::from_str(&r.code)).collect();
            set("codes", codes.into());
            "results"
        }
        Reply::Detail(_) | Reply::Reference(_) | Reply::NotFound { .. } => "detail",
        Reply::Verdict { code, .. } => {
            set("code", JsValue::from_str(code));
            "verdict"
        }
        Reply::Facts(facts) => {
            let json = serde_json::to_string(facts).unwrap_or_default();
            set("json", JsValue::from_str(&json));
            "facts"
        }
        // On the same channel: the claim page reads one set of facts, the instructor's
        // check a list of them, and each ignores the other's shape.
        Reply::FactSets(sets) => {
            let json = serde_json::to_string(sets).unwrap_or_default();
            set("json", JsValue::from_str(&json));
            "facts"
        }
        Reply::CptImported { count } => {
            set("count", JsValue::from_f64(*count as f64));
            "cpt"
        }
        Reply::CptRejected { errors } => {
            let errors: js_sys::Array = errors.iter().map(|e| JsValue::from_str(e)).collect();
            set("errors", errors.into());
            "cpt"
        }
    };
    set("kind", JsValue::from_str(kind));
    if let Some(mut html) = reply_html(query, reply) {
        // The search's own time, for the benchmark, rides in the HTML as a comment so
        // the page's wasm needs no code for it.
        if !took.is_nan() {
            html.insert_str(
                0,
                &format!("<!--took-us:{}-->", (took * 1000.0).max(0.0) as u64),
            );
        }
        set("html", JsValue::from_str(&html));
    }
    let _ = scope.post_message(&message);
}

/// Downloads the data, reporting progress as it streams in.
async fn download(scope: &DedicatedWorkerGlobalScope) -> Result<String, String> {
    let failed = "the code set could not be downloaded; check the connection to Billable's server and reload";
    let response = JsFuture::from(scope.fetch_with_str(DATA_URL))
        .await
        .map_err(|_| failed.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed.to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} for the code set",
            response.status()
        ));
    }
    let total = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok());
    let Some(body) = response.body() else {
        let text = JsFuture::from(response.text().map_err(|_| failed.to_string())?).await;
        return text
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| failed.to_string());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0) as usize);
    let mut last_report = 0u64;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| failed.to_string())?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) {
            bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
        }
        let received = bytes.len() as u64;
        // About twenty progress messages for the whole file is plenty.
        if received - last_report > 200_000 {
            last_report = received;
            send(scope, &Reply::Loading { received, total }, "");
        }
    }
    send(
        scope,
        &Reply::Loading {
            received: bytes.len() as u64,
            total,
        },
        "",
    );
    String::from_utf8(bytes)
        .map_err(|_| "the code set arrived damaged (not UTF-8); reload".to_string())
}
