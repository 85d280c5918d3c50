//! CMS place-of-service codes: the two-digit code and CMS's name, with our description.

use super::tsv::{TsvError, rows_with_unique_codes};

/// One place-of-service code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceOfService {
    /// Two digits.
    pub code: String,
    /// CMS's name for it.
    pub name: String,
    /// Our note on when billers use it.
    pub description: String,
}

/// Parses `place-of-service.tsv`, checking every row.
pub fn parse_places(text: &str) -> Result<Vec<PlaceOfService>, TsvError> {
    rows_with_unique_codes(text, &["code", "name", "description"])?
        .into_iter()
        .map(|(line, f)| {
            let fail = |m: String| TsvError::at(line, m);
            if f[0].len() != 2 || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                return Err(fail(format!(
                    "{:?} is not a two-digit place of service",
                    f[0]
                )));
            }
            if f[1].is_empty() || f[2].is_empty() {
                return Err(fail(format!("{} needs a name and a description", f[0])));
            }
            Ok(PlaceOfService {
                code: f[0].to_string(),
                name: f[1].to_string(),
                description: f[2].to_string(),
            })
        })
        .collect()
}
