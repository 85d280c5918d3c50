//! The claim exercises (`/claims`, `/claims/:id`), shown by the workspace wasm beside
//! the practice charts. Everything a claim goes through (scrubber, payer, posting,
//! 837P, grading) is `domain::claims`; these components only show it and keep the
//! learner's work in progress through the shared `ProgressStore`.

mod appeal_builder;
mod claim_form;
mod claim_page;
mod claims_list;
mod face_sheet;
mod grade_view;
mod next_step_choice;
mod posting_form;
mod remittance_view;
mod scrub_report;
mod x12_view;

pub use claim_page::ClaimPage;
pub use claims_list::ClaimsList;

use serde::Deserialize;

use super::published::{FetchError, fetch_json, fetch_text};
use crate::domain::claims::payer::Payer;
use crate::domain::claims::scrub::CodeLists;
use crate::domain::claims::teaching::TeachingEdits;

/// Where `billable-tool publish-charts` put the claim exercises.
pub const BASE: &str = "/charts-data/claims/";

/// The payers, teaching edits and code lists every exercise uses.
pub struct Reference {
    pub payers: Vec<Payer>,
    pub teaching: TeachingEdits,
    pub lists: CodeLists,
}

#[derive(Deserialize)]
struct Published {
    payers: Vec<Payer>,
    teaching: TeachingEdits,
}

/// Downloads the reference data.
pub async fn load_reference() -> Result<Reference, FetchError> {
    let published: Published = fetch_json(&format!("{BASE}reference.json")).await?;
    Ok(Reference {
        payers: published.payers,
        teaching: published.teaching,
        lists: load_code_lists().await?,
    })
}

/// Downloads the CPT, HCPCS, modifier and place-of-service lists.
async fn load_code_lists() -> Result<CodeLists, FetchError> {
    let mut texts = Vec::new();
    for url in CodeLists::FILES {
        texts.push(fetch_text(url).await?);
    }
    CodeLists::from_files(&texts).map_err(|(file, e)| FetchError::Damaged(file.to_string(), e))
}
