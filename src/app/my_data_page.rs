//! My data: download a backup, restore one after a preview, or reset progress.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::download::download_text;
use super::progress_store::SaveState;
use super::{now_ms, set_title, use_index, use_progress};
use crate::domain::backup::{
    Backup, ImportPreview, MAX_IMPORT_BYTES, backup_file_name, decode_backup, encode_backup,
    preview_import,
};
use crate::domain::dates::format_utc;
use crate::domain::progress::Progress;

/// A message shown after an action, good or bad.
#[derive(Clone)]
enum Notice {
    Done(String),
    Failed(String),
}

/// The My data page.
#[component]
pub fn MyDataPage() -> impl IntoView {
    set_title("My data");
    let index = use_index();
    let store = use_progress();
    let notice = RwSignal::new(None::<Notice>);
    let pending = RwSignal::new(None::<(Backup, ImportPreview)>);
    let confirming_reset = RwSignal::new(false);

    let download_backup = move |_| {
        let now = now_ms();
        let text = store.with(|p| encode_backup(p, now));
        notice.set(Some(match download_text(&backup_file_name(now), &text) {
            Ok(()) => Notice::Done("Backup downloaded.".into()),
            Err(e) => Notice::Failed(format!("The backup could not be downloaded: {e}.")),
        }));
    };

    let choose_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Clearing the input lets the same file be chosen again after a cancel.
        input.set_value("");
        pending.set(None);
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            let kb = file.size() as u64 / 1024;
            notice.set(Some(Notice::Failed(format!(
                "Nothing was changed: {name} is {kb} KB, and backups over 5 MB are refused. Choose a Billable backup file."
            ))));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                notice.try_set(Some(Notice::Failed(format!(
                    "Nothing was changed: {name} could not be read."
                ))));
                return;
            };
            match decode_backup(&text) {
                Ok(backup) => {
                    let preview =
                        store.with(|p| preview_import(index.lessons(), p, &backup.progress));
                    notice.try_set(None);
                    pending.try_set(Some((backup, preview)));
                }
                Err(e) => {
                    notice.try_set(Some(Notice::Failed(format!("Nothing was changed: {e}."))));
                }
            }
        });
    };

    let confirm_import = move |_| {
        if let Some((backup, _)) = pending.get_untracked() {
            store.replace(backup.progress);
            pending.set(None);
            notice.set(Some(saved_or_not(store.save_state(), "Backup imported.")));
        }
    };

    let confirm_reset = move |_| {
        store.replace(Progress::default());
        confirming_reset.set(false);
        notice.set(Some(saved_or_not(store.save_state(), "Progress reset.")));
    };

    let preview_view = move || {
        pending.get().map(|(backup, preview)| {
            let list = |titles: Vec<String>| titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view();
            view! {
                <div class="import-preview" data-testid="import-preview" role="region" aria-label="Import preview">
                    <h3>"Check before importing"</h3>
                    <p>{format!(
                        "This backup was exported {}. Lessons complete now: {}. After the import: {}.",
                        format_utc(backup.exported_at), preview.completed_now, preview.completed_after
                    )}</p>
                    {preview.identical.then(|| view! { <p>"The backup matches your current progress exactly."</p> })}
                    {(!preview.gained.is_empty()).then(|| view! {
                        <p>"Lessons that become complete:"</p><ul>{list(preview.gained.clone())}</ul>
                    })}
                    {(!preview.lost.is_empty()).then(|| view! {
                        <p class="warning">"Lessons that would no longer be complete:"</p><ul>{list(preview.lost.clone())}</ul>
                    })}
                    <p>"Importing replaces all of your current progress in this browser."</p>
                    <p class="actions">
                        <button type="button" on:click=confirm_import>"Replace my progress with this backup"</button>
                        <button type="button" class="secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </p>
                </div>
            }
        })
    };

    view! {
        <h1>"My data"</h1>
        <p class="lead">
            "Your progress lives only in this browser. Nothing is sent anywhere. "
            "Keep a backup file to move it to another browser or to protect it."
        </p>
        <div aria-live="polite" data-testid="data-notice">
            {move || notice.get().map(|n| match n {
                Notice::Done(text) => view! { <p class="notice ok">{text}</p> }.into_any(),
                Notice::Failed(text) => view! { <p class="notice error" role="alert">{text}</p> }.into_any(),
            })}
        </div>

        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p>{move || store.with(|p| format!(
                "{} of {} lessons complete.", p.completed_count(index.lessons()), index.lessons().len()
            ))}</p>
            <button type="button" on:click=download_backup>"Download backup"</button>
        </section>

        <section aria-labelledby="restore-heading">
            <h2 id="restore-heading">"Restore from a backup"</h2>
            <p>"You will see what changes before anything is replaced."</p>
            <label for="import-file">"Choose a backup file (.json, up to 5 MB)"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=choose_file/>
            {preview_view}
        </section>

        <section aria-labelledby="reset-heading">
            <h2 id="reset-heading">"Reset"</h2>
            {move || if confirming_reset.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="reset-question">
                        <p id="reset-question">
                            "This erases every answer and score in this browser and cannot be undone. "
                            "Download a backup first if you may want it back."
                        </p>
                        <p class="actions">
                            <button type="button" on:click=download_backup>"Download backup"</button>
                            <button type="button" class="danger" on:click=confirm_reset>"Erase my progress"</button>
                            <button type="button" class="secondary" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="danger" on:click=move |_| confirming_reset.set(true)>
                        "Reset progress…"
                    </button>
                }
                .into_any()
            }}
        </section>
    }
}

/// Reports a change honestly: "saved" only when the write succeeded.
fn saved_or_not(state: SaveState, done: &str) -> Notice {
    match state {
        SaveState::Saving => Notice::Done(format!("{done} Saved in this browser.")),
        _ => Notice::Failed(format!(
            "{done} It is NOT saved: see the warning at the top of the page."
        )),
    }
}
