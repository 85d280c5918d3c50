//! Code sets: ICD-10-CM (the full official release), with normalising, validation and
//! the Excludes1 and manifestation checks coders rely on.

pub mod code_text;
pub mod icd10cm;
pub mod icd10cm_data;
pub mod search;
pub mod set_checks;
pub mod validate;
