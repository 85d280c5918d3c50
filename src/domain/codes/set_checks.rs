//! Checks on a claim's whole list of diagnosis codes: Excludes1 conflicts, and a
//! manifestation code listed first.

use super::code_text::compact;
use super::icd10cm::Icd10Cm;
use super::icd10cm_data::NoteKind;

/// A problem with a set of diagnosis codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetFinding {
    /// Two codes that an Excludes1 note says are never coded together.
    Excludes1 {
        /// The code whose note excludes the other.
        code: String,
        /// The excluded code.
        excluded: String,
        /// The note's text.
        note: String,
    },
    /// A manifestation ("in diseases classified elsewhere") code in first position.
    ManifestationFirst {
        /// The manifestation code.
        code: String,
    },
}

impl SetFinding {
    /// A sentence a student can act on.
    pub fn message(&self) -> String {
        match self {
            SetFinding::Excludes1 {
                code,
                excluded,
                note,
            } => format!(
                "{code} and {excluded} cannot be reported together: an Excludes1 note at {code} says \"{note}\". Keep the one the documentation supports."
            ),
            SetFinding::ManifestationFirst { code } => format!(
                "{code} is a manifestation code (\"in diseases classified elsewhere\") and is never listed first: sequence the underlying condition before it."
            ),
        }
    }
}

/// Checks dotted or compact codes, in claim order. Unknown codes are skipped; the
/// single-code validator reports them.
pub fn check_set(set: &Icd10Cm, codes: &[&str]) -> Vec<SetFinding> {
    let found: Vec<(String, usize)> = codes
        .iter()
        .filter_map(|c| {
            let code = compact(c.trim()).to_ascii_uppercase();
            let index = set
                .find(&code)
                .or_else(|| set.find(&code[..code.len().min(6)]))?;
            Some((code, index))
        })
        .collect();
    let mut findings = Vec::new();
    if let Some((code, index)) = found.first() {
        let manifestation = set.lineage(*index).any(|i| {
            set.entry(i)
                .title
                .contains("in diseases classified elsewhere")
        });
        if manifestation {
            findings.push(SetFinding::ManifestationFirst {
                code: super::code_text::dotted(code),
            });
        }
    }
    for (a, (code_a, index_a)) in found.iter().enumerate() {
        for (b, (code_b, _)) in found.iter().enumerate() {
            if a == b {
                continue;
            }
            let note = set.lineage(*index_a).find_map(|i| {
                set.entry(i)
                    .notes
                    .iter()
                    .filter(|n| n.kind == NoteKind::Excludes1)
                    .find(|n| references(&n.text).iter().any(|r| r.covers(code_b)))
            });
            if let Some(note) = note {
                findings.push(SetFinding::Excludes1 {
                    code: super::code_text::dotted(code_a),
                    excluded: super::code_text::dotted(code_b),
                    note: note.text.clone(),
                });
            }
        }
    }
    findings
}

/// A code reference inside a note: a code or prefix (E10.-), or a range (E08-E13).
#[derive(Debug, PartialEq, Eq)]
enum Reference {
    Prefix(String),
    Range(String, String),
}

impl Reference {
    fn covers(&self, code: &str) -> bool {
        match self {
            Reference::Prefix(prefix) => code.starts_with(prefix.as_str()),
            Reference::Range(first, last) => {
                let head = &code[..code.len().min(first.len())];
                first.as_str() <= head && head <= last.as_str()
            }
        }
    }
}

/// The code references in a note's parentheses, e.g. "(E10.-)", "(E08-E13)".
fn references(note: &str) -> Vec<Reference> {
    // Whole tokens only: "E08-E13 with .42" is a qualified range this check cannot
    // read, and skipping it is better than flagging every E08-E13 code.
    let looks_like_code = |t: &str| {
        let b = t.as_bytes();
        (3..=8).contains(&b.len())
            && b[0].is_ascii_uppercase()
            && b[1].is_ascii_digit()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.')
    };
    note.split('(')
        .skip(1)
        .filter_map(|group| group.split(')').next())
        .flat_map(|group| group.split(','))
        .filter_map(|token| {
            let token = token
                .trim()
                .trim_end_matches(".-")
                .trim_end_matches('-')
                .trim_end_matches('.');
            match token.split_once('-') {
                Some((a, b)) if looks_like_code(a) && looks_like_code(b) => {
                    Some(Reference::Range(compact(a), compact(b)))
                }
                None if looks_like_code(token) => Some(Reference::Prefix(compact(token))),
                _ => None,
            }
        })
        .collect()
}
