//! Native tests: one binary, a module per area. Run with `cargo test`.

mod assignments;
mod backup;
mod boundary;
mod charts;
mod checks;
mod claims;
mod content;
mod cpt_import;
mod dates;
mod exams;
mod icd10cm;
mod lesson_parser;
mod lesson_search;
mod markdown;
mod own_content;
mod progress;
mod publish;
mod reference_lists;
mod routes;
mod saved;
mod search;
mod support;
