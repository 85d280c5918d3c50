//! CPT and HCPCS Level II modifiers, with our own summaries.

use super::tsv::{TsvError, rows_with_unique_codes};

/// Which code set defines a modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModifierSet {
    /// A CPT modifier (two digits).
    Cpt,
    /// A HCPCS Level II modifier (two letters or a letter and a digit).
    Hcpcs,
}

/// One modifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modifier {
    /// The two-character modifier.
    pub code: String,
    /// The set that defines it.
    pub set: ModifierSet,
    /// Our summary of when it is used.
    pub summary: String,
}

/// Parses `modifiers.tsv`, checking every row.
pub fn parse_modifiers(text: &str) -> Result<Vec<Modifier>, TsvError> {
    rows_with_unique_codes(text, &["modifier", "set", "summary"])?
        .into_iter()
        .map(|(line, f)| {
            let fail = |m: String| TsvError::at(line, m);
            let shaped = f[0].len() == 2
                && f[0]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if !shaped {
                return Err(fail(format!("{:?} is not a two-character modifier", f[0])));
            }
            let set = match f[1] {
                "CPT" => ModifierSet::Cpt,
                "HCPCS" => ModifierSet::Hcpcs,
                other => return Err(fail(format!("unknown set {other:?}: use CPT or HCPCS"))),
            };
            if f[2].is_empty() {
                return Err(fail(format!("{} needs a summary", f[0])));
            }
            Ok(Modifier {
                code: f[0].to_string(),
                set,
                summary: f[2].to_string(),
            })
        })
        .collect()
}
