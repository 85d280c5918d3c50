//! One track's completion as a labelled progress bar.

use leptos::prelude::*;

use crate::domain::progress::TrackSummary;

/// A track's title, its bar and "n of m lessons complete".
#[component]
pub fn TrackProgress(
    /// The track and its counts.
    summary: TrackSummary,
) -> impl IntoView {
    let slug = summary.track.slug();
    let label_id = format!("track-{slug}-label");
    view! {
        <div class="track-progress" data-track=slug>
            <h3 id=label_id.clone()>
                <a href=format!("/learn#{slug}")>{summary.track.title()}</a>
            </h3>
            <progress
                aria-labelledby=label_id
                max=summary.total.to_string()
                value=summary.completed.to_string()
            ></progress>
            <p class="track-count">
                {format!("{} of {} lessons complete", summary.completed, summary.total)}
            </p>
        </div>
    }
}
