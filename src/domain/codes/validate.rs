//! Validating one ICD-10-CM code as a student types it, with a verdict that says what
//! to do next.

use super::code_text::{CodeTextError, compact, dotted, normalize};
use super::icd10cm::Icd10Cm;

/// The outcome of validating one code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Valid for reporting.
    Billable {
        /// The dotted code.
        code: String,
        /// Its full title, including the 7th character's meaning.
        title: String,
    },
    /// A real code with codes beneath it.
    NotBillable {
        /// The dotted code.
        code: String,
        /// Its title.
        title: String,
        /// The fewest characters that must be added.
        more: usize,
        /// The codes directly beneath it, dotted, in order.
        children: Vec<String>,
    },
    /// A code that needs a 7th character.
    NeedsSeventh {
        /// The dotted code as it stands.
        code: String,
        /// Its title.
        title: String,
        /// The code padded with placeholder X to six characters, ready for the 7th.
        stem: String,
        /// The allowed 7th characters and their meanings.
        choices: Vec<(char, String)>,
    },
    /// A 7th character was given without the placeholder X in front of it.
    PlaceholderMissing {
        /// What was entered, dotted.
        entered: String,
        /// The complete code with X placeholders.
        suggestion: String,
    },
    /// Well formed, but not in the release.
    Unknown {
        /// The dotted code.
        code: String,
        /// The nearest real code above it, with its title.
        nearest: Option<(String, String)>,
    },
    /// Not shaped like a code at all.
    Malformed(CodeTextError),
}

impl Verdict {
    /// True when the code may be reported as it stands.
    pub fn is_billable(&self) -> bool {
        matches!(self, Verdict::Billable { .. })
    }

    /// A sentence a student can act on.
    pub fn message(&self) -> String {
        match self {
            Verdict::Billable { code, title } => format!("{code} is valid and billable: {title}."),
            Verdict::NotBillable {
                code,
                title,
                more,
                children,
            } => {
                let first = children.first().map(String::as_str).unwrap_or_default();
                let last = children.last().map(String::as_str).unwrap_or_default();
                let range = if children.len() > 1 {
                    format!("{first} to {last}")
                } else {
                    first.to_string()
                };
                let chars = if *more == 1 {
                    "1 more character".to_string()
                } else {
                    format!("{more} more characters")
                };
                format!(
                    "{code} ({title}) is not billable: it has codes beneath it. Add at least {chars} ({range})."
                )
            }
            Verdict::NeedsSeventh {
                code,
                title,
                stem,
                choices,
            } => {
                let options: Vec<String> = choices
                    .iter()
                    .map(|(c, meaning)| format!("{stem}{c} {meaning}"))
                    .collect();
                let placeholder = if stem.len() > code.len() {
                    ", with X placeholders in the empty positions"
                } else {
                    ""
                };
                format!(
                    "{code} ({title}) needs a 7th character{placeholder}: {}.",
                    options.join("; ")
                )
            }
            Verdict::PlaceholderMissing {
                entered,
                suggestion,
            } => format!(
                "{entered} is missing its placeholder X: the 7th character must sit in the 7th position, so write {suggestion}."
            ),
            Verdict::Unknown { code, nearest } => match nearest {
                Some((near, title)) => format!(
                    "{code} is not an ICD-10-CM code in this release. The nearest code above it is {near} ({title})."
                ),
                None => format!("{code} is not an ICD-10-CM code in this release."),
            },
            Verdict::Malformed(error) => format!("{error}."),
        }
    }
}

/// Validates typed text against the code set.
pub fn validate(set: &Icd10Cm, input: &str) -> Verdict {
    let code = match normalize(input) {
        Ok(code) => code,
        Err(error) => return Verdict::Malformed(error),
    };
    if let Some(index) = set.find(&code) {
        return existing(set, index);
    }
    if let Some(verdict) = with_seventh(set, &code) {
        return verdict;
    }
    if let Some(suggestion) = with_placeholder(set, &code) {
        return Verdict::PlaceholderMissing {
            entered: dotted(&code),
            suggestion,
        };
    }
    let nearest = (3..code.len())
        .rev()
        .find_map(|len| set.find(&code[..len]))
        .map(|i| (set.entry(i).code.clone(), set.entry(i).title.clone()));
    Verdict::Unknown {
        code: dotted(&code),
        nearest,
    }
}

/// The verdict for a code that is in the tabular list as typed.
fn existing(set: &Icd10Cm, index: usize) -> Verdict {
    let entry = set.entry(index);
    if !entry.children.is_empty() {
        let children: Vec<String> = entry
            .children
            .iter()
            .map(|&c| set.entry(c).code.clone())
            .collect();
        let own = compact(&entry.code).len();
        let more = children
            .iter()
            .map(|c| compact(c).len() - own)
            .min()
            .unwrap_or(1);
        return Verdict::NotBillable {
            code: entry.code.clone(),
            title: entry.title.clone(),
            more,
            children,
        };
    }
    if set.is_billable(index) {
        return Verdict::Billable {
            code: entry.code.clone(),
            title: entry.title.clone(),
        };
    }
    let mut stem = compact(&entry.code);
    while stem.len() < 6 {
        stem.push('X');
    }
    Verdict::NeedsSeventh {
        code: entry.code.clone(),
        title: entry.title.clone(),
        stem: dotted(&stem),
        choices: set.seventh_characters(index).to_vec(),
    }
}

/// A seven-character code: a code that takes a 7th character, padded with X, plus one
/// of its allowed 7th characters.
fn with_seventh(set: &Icd10Cm, code: &str) -> Option<Verdict> {
    if code.len() != 7 {
        return None;
    }
    let (body, last) = code.split_at(6);
    let index = set
        .find(body)
        .or_else(|| set.find(body.trim_end_matches('X')))?;
    let entry = set.entry(index);
    let choices = set.seventh_characters(index);
    if !entry.children.is_empty() || choices.is_empty() {
        return None;
    }
    let seventh = last.chars().next()?;
    Some(match choices.iter().find(|(c, _)| *c == seventh) {
        Some((_, meaning)) => Verdict::Billable {
            code: dotted(code),
            title: format!("{}, {meaning}", entry.title),
        },
        None => match existing(set, index) {
            needs @ Verdict::NeedsSeventh { .. } => needs,
            other => other,
        },
    })
}

/// For a code typed without its placeholder X (S13.4A, T36.01A), the complete code.
fn with_placeholder(set: &Icd10Cm, code: &str) -> Option<String> {
    if code.len() >= 7 || code.len() < 4 {
        return None;
    }
    let (body, last) = code.split_at(code.len() - 1);
    let mut padded = body.to_string();
    while padded.len() < 6 {
        padded.push('X');
    }
    let candidates = [format!("{padded}{last}")]
        .into_iter()
        .chain((4..code.len()).map(|at| {
            let mut with_x = code.to_string();
            with_x.insert(at, 'X');
            with_x
        }));
    candidates
        .map(|candidate| (validate(set, &candidate), candidate))
        .find(|(verdict, _)| verdict.is_billable())
        .map(|(_, candidate)| dotted(&candidate))
}
