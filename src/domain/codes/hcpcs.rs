//! Billable's HCPCS Level II teaching list: the codes the lessons, charts and questions
//! use, each with its category and a plain-language summary of ours.
//!
//! HCPCS Level II is public domain (CMS). This list is curated, not the CMS file: see
//! `content/codes/README.md` for what it is and is not.

use super::tsv::{TsvError, rows_with_unique_codes};

/// One HCPCS Level II code with our summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HcpcsCode {
    /// A letter A–V and four digits, e.g. `J1100`.
    pub code: String,
    /// The Level II category its letter belongs to.
    pub category: String,
    /// Our plain-language summary, including the billing unit for drugs.
    pub summary: String,
}

/// True for a HCPCS Level II-shaped code: a capital letter A–V, then four digits.
pub fn is_hcpcs_shaped(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5 && (b'A'..=b'V').contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

/// Parses `hcpcs.tsv`, checking every row.
pub fn parse_hcpcs(text: &str) -> Result<Vec<HcpcsCode>, TsvError> {
    rows_with_unique_codes(text, &["code", "category", "summary"])?
        .into_iter()
        .map(|(line, f)| {
            let fail = |m: String| TsvError::at(line, m);
            if !is_hcpcs_shaped(f[0]) {
                return Err(fail(format!(
                    "{:?} is not a HCPCS Level II code (a letter A to V, then four digits)",
                    f[0]
                )));
            }
            if f[0].starts_with('D') {
                return Err(fail(format!(
                    "{} is a dental (CDT) code, which the ADA owns; do not list it",
                    f[0]
                )));
            }
            if f[1].is_empty() || f[2].is_empty() {
                return Err(fail(format!("{} needs a category and a summary", f[0])));
            }
            Ok(HcpcsCode {
                code: f[0].to_string(),
                category: f[1].to_string(),
                summary: f[2].to_string(),
            })
        })
        .collect()
}
