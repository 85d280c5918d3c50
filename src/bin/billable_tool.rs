//! `billable-tool`: native commands over the shipped content.
//!
//! `billable-tool stats` prints JSON statistics of the lessons.

use std::process::ExitCode;

use billable::content::{catalog, stats::content_stats};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("stats") => stats(),
        _ => {
            eprintln!("usage: billable-tool stats    print JSON statistics of the shipped content");
            ExitCode::from(2)
        }
    }
}

fn stats() -> ExitCode {
    match catalog() {
        Ok(catalog) => match serde_json::to_string_pretty(&content_stats(catalog)) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot format statistics: {e}");
                ExitCode::FAILURE
            }
        },
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            ExitCode::FAILURE
        }
    }
}
