//! Code sets: ICD-10-CM (the full official release), with normalising, validation,
//! search and the Excludes1 and manifestation checks coders rely on; and the CPT,
//! modifier and place-of-service reference lists.

pub mod code_text;
pub mod cpt;
pub mod cpt_import;
pub mod fast_hash;
pub mod hcpcs;
pub mod icd10cm;
pub mod icd10cm_data;
pub mod list_search;
pub mod lookup;
pub mod lookup_answer;
pub mod lookup_html;
pub mod modifiers;
pub mod place_of_service;
pub mod query_terms;
pub mod search;
pub mod set_checks;
pub mod tsv;
pub mod validate;
