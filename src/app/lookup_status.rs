//! The code set's download and preparation, shown with a progress bar.

use leptos::prelude::*;

use super::lookup_client::{DataState, lookup_client};

/// Megabytes with one decimal, without floating-point formatting.
fn megabytes(bytes: u64) -> String {
    format!("{}.{}", bytes / 1_000_000, bytes / 100_000 % 10)
}

/// Progress while the ICD-10-CM data loads, then a one-line summary.
#[component]
pub fn LookupStatus() -> impl IntoView {
    let state = lookup_client().state;
    move || {
        match state.get() {
        DataState::Loading(received, total) => {
            let text = match total {
                Some(total) if received >= total => "Preparing the search…".to_string(),
                Some(total) => format!(
                    "Downloading the ICD-10-CM code set: {} of {} MB",
                    megabytes(received),
                    megabytes(total)
                ),
                None => format!("Downloading the ICD-10-CM code set: {} MB", megabytes(received)),
            };
            let max = total.unwrap_or(0).max(received).max(1);
            view! {
                <div class="lookup-status" data-testid="lookup-loading">
                    <label for="lookup-progress">{text}</label>
                    <progress id="lookup-progress" max=max.to_string() value=received.to_string()></progress>
                </div>
            }
            .into_any()
        }
        DataState::Ready(codes, millis) => view! {
            <p class="lookup-status" data-testid="lookup-ready">
                {format!("{codes} billable codes ready (prepared in {millis} ms).")}
            </p>
        }
        .into_any(),
        DataState::Failed(message) => view! {
            <p class="notice error" role="alert">{format!("The code set could not be loaded: {message}.")}</p>
        }
        .into_any(),
    }
    }
}
