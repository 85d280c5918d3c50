//! The checking worker for instructors' own charts and questions (`content::own`). It
//! holds the TOML reader and the content rules, which would otherwise add about 120 KB
//! gzip to every workspace page; the workspace starts it only to check an item. It
//! says "ready", then answers each `OwnRequest` JSON with an `OwnReply` JSON; the page
//! relays the ICD-10-CM facts it wants from the search worker.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::content::own::{OwnReply, OwnRequest, respond};
use crate::domain::claims::scrub::CodeLists;
use crate::worker::fetch_text;

/// Downloads and reads the CPT, HCPCS, modifier and place-of-service lists.
async fn load_lists(scope: &DedicatedWorkerGlobalScope) -> Result<CodeLists, String> {
    let mut texts = Vec::new();
    for url in CodeLists::FILES {
        texts.push(fetch_text(scope, url).await?);
    }
    CodeLists::from_files(&texts).map_err(|(file, e)| format!("{file} is damaged at {e}"))
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &OwnReply) {
    let json = serde_json::to_string(reply).unwrap_or_default();
    let _ = scope.post_message(&JsValue::from_str(&json));
}

/// Listens for requests, then says it is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let lists: Rc<RefCell<Option<CodeLists>>> = Rc::new(RefCell::new(None));
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let (scope, lists) = (scope.clone(), lists.clone());
            let text = event.data().as_string().unwrap_or_default();
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(request) = serde_json::from_str::<OwnRequest>(&text) else {
                    post(&scope, &OwnReply::Problems(vec!["The check was asked in a form Billable does not know; reload the page.".into()]));
                    return;
                };
                if lists.borrow().is_none() {
                    match load_lists(&scope).await {
                        Ok(loaded) => *lists.borrow_mut() = Some(loaded),
                        Err(e) => {
                            post(
                                &scope,
                                &OwnReply::Problems(vec![format!(
                                    "The code lists could not be loaded: {e}."
                                )]),
                            );
                            return;
                        }
                    }
                }
                let reply = match lists.borrow().as_ref() {
                    Some(lists) => respond(&request, lists),
                    None => return,
                };
                post(&scope, &reply);
            });
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
