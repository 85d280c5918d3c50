//! The scrubber's findings, each with its severity, its box (a button that moves the
//! focus there) and what to fix.

use leptos::prelude::*;

use super::claim_form::focus_box;
use crate::domain::claims::scrub::{Finding, Severity};

/// The scrubber's findings, each linking to its box.
#[component]
pub fn ScrubReport(
    /// What the scrubber found.
    findings: Vec<Finding>,
) -> impl IntoView {
    let summary = if findings.is_empty() {
        "No problems found: the claim can be sent.".to_string()
    } else {
        let rejects = findings
            .iter()
            .filter(|f| f.severity == Severity::Reject)
            .count();
        format!(
            "{} finding{}; {rejects} would reject the claim{}",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" },
            if rejects > 0 {
                ": fix them before sending."
            } else {
                "."
            }
        )
    };
    let items = findings
        .into_iter()
        .map(|f| {
            let field = f.field.clone();
            let class = match f.severity {
                Severity::Reject => "finding finding-reject",
                Severity::DenyRisk => "finding finding-deny",
                Severity::Warning => "finding finding-warning",
            };
            view! {
                <li class=class data-edit=f.edit>
                    <strong>{f.severity.label()}</strong>" "
                    <button type="button" class="link-button" on:click=move |_| focus_box(&field)>{format!("box {}", f.field)}</button>
                    ": "{f.message.clone()}" "<span class="edit-id">{format!("({})", f.edit)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="scrub-report" aria-labelledby="scrub-heading">
            <h3 id="scrub-heading" tabindex="-1">"Scrubber"</h3>
            <p>{summary}</p>
            <ul class="findings">{items}</ul>
        </section>
    }
}
