//! Billable's CPT list: code numbers with our own plain-language summaries (never AMA
//! descriptor text), their section and, for E/M, what sets the level.

use super::tsv::{TsvError, rows_with_unique_codes};

/// The CPT sections the list uses.
pub const SECTIONS: [&str; 6] = [
    "E/M",
    "Anesthesia",
    "Surgery",
    "Radiology",
    "Pathology and Laboratory",
    "Medicine",
];

/// One CPT code with our summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CptCode {
    /// Five characters: digits, or four digits and F or T.
    pub code: String,
    /// One of `SECTIONS`.
    pub section: String,
    /// Our plain-language summary.
    pub summary: String,
    /// E/M only: what sets the level, in our words.
    pub level_basis: Option<String>,
}

/// True for a CPT-shaped code: five digits, or four digits then F or T.
pub fn is_cpt_shaped(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4].is_ascii_digit() || b[4] == b'F' || b[4] == b'T')
}

/// Parses `cpt.tsv`, checking every row.
pub fn parse_cpt(text: &str) -> Result<Vec<CptCode>, TsvError> {
    rows_with_unique_codes(text, &["code", "section", "summary", "level_basis"])?
        .into_iter()
        .map(|(line, f)| {
            let fail = |m: String| TsvError::at(line, m);
            if !is_cpt_shaped(f[0]) {
                return Err(fail(format!(
                    "{:?} is not a CPT code (five digits, or four digits and F or T)",
                    f[0]
                )));
            }
            if !SECTIONS.contains(&f[1]) {
                return Err(fail(format!(
                    "unknown section {:?}: use one of {}",
                    f[1],
                    SECTIONS.join(", ")
                )));
            }
            if f[2].is_empty() {
                return Err(fail(format!("{} needs a summary", f[0])));
            }
            if (f[1] == "E/M") == f[3].is_empty() {
                return Err(fail(format!(
                    "{}: level_basis is for E/M codes, and every E/M code needs one",
                    f[0]
                )));
            }
            Ok(CptCode {
                code: f[0].to_string(),
                section: f[1].to_string(),
                summary: f[2].to_string(),
                level_basis: (!f[3].is_empty()).then(|| f[3].to_string()),
            })
        })
        .collect()
}
