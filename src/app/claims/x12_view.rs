//! The claim as an X12 837P, segment by segment, each explained on hover or tap, with
//! a download. For learning only: the interchange is marked as a test.

use leptos::prelude::*;

use crate::app::download::download_text;
use crate::domain::claims::claim::Claim;
use crate::domain::claims::exercise::ClaimExercise;
use crate::domain::claims::payer::Payer;
use crate::domain::claims::x12::{render_837p, to_text};

/// The 837P of `claim`.
#[component]
pub fn X12View(
    /// The exercise, for the envelope.
    exercise: &'static ClaimExercise,
    /// The payer.
    payer: &'static Payer,
    /// The claim to render.
    claim: Claim,
    /// The interchange control number.
    control: u32,
) -> impl IntoView {
    let envelope = exercise.envelope(payer, control);
    match render_837p(&claim, payer, &envelope) {
        Err(e) => view! { <p role="alert" class="x12-error">{format!("The 837P cannot be built yet: {e}")}</p> }.into_any(),
        Ok(segments) => {
            let text = to_text(&segments);
            let file = format!("{}-837p.txt", exercise.id);
            let failed = RwSignal::new(None::<String>);
            let rows = segments
                .into_iter()
                .map(|s| {
                    let loop_id = if s.loop_id.is_empty() { "envelope".to_string() } else { format!("loop {}", s.loop_id) };
                    view! {
                        <li>
                            <details>
                                <summary title=s.explanation.clone()><code>{s.text.clone()}"~"</code></summary>
                                <p><span class="x12-loop">{loop_id}</span>" "{s.explanation.clone()}</p>
                            </details>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <p class="hint">"For learning, not for submission: the interchange is marked as a test (ISA15 = T). Open a segment to see what it says and which box it came from."</p>
                <button type="button" id="download-837p" on:click=move |_| {
                    failed.set(download_text(&file, &text).err());
                }>"Download the 837P as a text file"</button>
                {move || failed.get().map(|e| view! { <p role="alert">{format!("The download failed: {e}")}</p> })}
                <ol class="x12-segments">{rows}</ol>
            }
            .into_any()
        }
    }
}
