//! Banners that say when progress is not being saved, or when a saved value was
//! unreadable and set aside.

use leptos::prelude::*;

use super::download::download_text;
use super::progress_store::SaveState;
use super::{now_ms, use_progress};
use crate::domain::dates::format_date;

/// Shows the storage problems the learner needs to know about, if any.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let store = use_progress();
    let download_error = RwSignal::new(None::<String>);
    let save_banner = move || {
        let message = match store.save_state() {
            SaveState::Saving => return None,
            SaveState::WriteFailed(e) => e.to_string(),
            SaveState::Off(reason) => reason,
        };
        Some(view! {
            <div class="banner banner-warning" role="alert" data-testid="not-saving-banner">
                <p>
                    <strong>"Your progress is not being saved: "</strong>{message}". "
                    "You can keep working, but it will be lost when this tab closes. "
                    "Download a backup from "<a href="/my-data">"My data"</a>" to keep it."
                </p>
            </div>
        })
    };
    let quarantine_banner = move || {
        let kept = store.quarantined()?;
        let where_kept = match &kept.key {
            Some(key) => format!("It has been kept, unchanged, under the storage key {key}."),
            None => "It could not be copied aside, so it has been left where it was.".to_string(),
        };
        let raw = kept.raw.clone();
        let download = move |_| {
            let name = format!(
                "billable-unreadable-progress-{}.json",
                format_date(now_ms())
            );
            download_error.set(download_text(&name, &raw).err());
        };
        Some(view! {
            <div class="banner banner-error" role="alert" data-testid="quarantine-banner">
                <p>
                    <strong>"Your saved progress could not be read"</strong>
                    " because "{kept.reason.clone()}". Billable has started with empty progress. "
                    {where_kept}
                </p>
                <p class="banner-actions">
                    <button type="button" on:click=download>"Download the unreadable value"</button>
                    <button type="button" class="secondary" on:click=move |_| store.dismiss_quarantine()>
                        "Dismiss"
                    </button>
                </p>
                {move || download_error.get().map(|e| view! { <p class="error">{e}</p> })}
            </div>
        })
    };
    view! {
        {save_banner}
        {quarantine_banner}
    }
}
