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
use crate::domain::codes::cpt::parse_cpt;
use crate::domain::codes::hcpcs::parse_hcpcs;
use crate::domain::codes::modifiers::parse_modifiers;
use crate::domain::codes::place_of_service::parse_places;

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
    let damaged = |path: &str, e: String| FetchError::Damaged(path.to_string(), e);
    let cpt = parse_cpt(&fetch_text("/codes/cpt.tsv").await?)
        .map_err(|e| damaged("cpt.tsv", e.to_string()))?;
    let hcpcs = parse_hcpcs(&fetch_text("/codes/hcpcs.tsv").await?)
        .map_err(|e| damaged("hcpcs.tsv", e.to_string()))?;
    let modifiers = parse_modifiers(&fetch_text("/codes/modifiers.tsv").await?)
        .map_err(|e| damaged("modifiers.tsv", e.to_string()))?;
    let places = parse_places(&fetch_text("/codes/place-of-service.tsv").await?)
        .map_err(|e| damaged("place-of-service.tsv", e.to_string()))?;
    Ok(CodeLists::new(&cpt, &hcpcs, &modifiers, &places))
}
