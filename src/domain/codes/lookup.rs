//! The lookup's questions and answers: what the lookup page asks the search worker and
//! what comes back, as serialisable data. `answer` is pure, so the worker, the native
//! tool and the tests all give the same answers.

use serde::{Deserialize, Serialize};

use super::icd10cm::{EntryKind, Icd10Cm};
use super::icd10cm_data::NoteKind;
use super::search::SearchIndex;
use super::validate::validate;

/// A question from the lookup page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Search codes and words; `id` lets the page drop answers to stale queries.
    Search {
        /// Increases with each query the page sends.
        id: u32,
        /// What was typed.
        query: String,
    },
    /// Everything about one code.
    Detail {
        /// The code, dotted or not.
        code: String,
        /// The search in force, kept in links to other codes.
        query: String,
    },
    /// The validator's verdict on a code (used by the 7th-character builder).
    Validate {
        /// The code as built or typed.
        code: String,
    },
}

/// An answer, or news about the data, from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The data is downloading.
    Loading {
        /// Bytes received so far.
        received: u64,
        /// Bytes expected, when the server said.
        total: Option<u64>,
    },
    /// The data is parsed and indexed; searches are answered from now on.
    Ready {
        /// Codes valid for reporting in the loaded release.
        codes: usize,
        /// Milliseconds from the data arriving to searches being answerable.
        millis: u32,
    },
    /// The data could not be loaded.
    Failed {
        /// What went wrong, for the learner.
        message: String,
    },
    /// Search results, best first.
    Results {
        /// The `id` of the search they answer.
        id: u32,
        /// The matching codes.
        rows: Vec<Row>,
    },
    /// One code in full.
    Detail(Box<Detail>),
    /// The validator's verdict on a code.
    Verdict {
        /// The code as asked.
        code: String,
        /// Reportable as it stands.
        billable: bool,
        /// The verdict in words.
        message: String,
    },
    /// The asked-for code does not exist.
    NotFound {
        /// What was asked for.
        code: String,
        /// The validator's explanation.
        message: String,
    },
}

/// One code in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The dotted code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Reportable as it stands.
    pub billable: bool,
    /// Reportable once a 7th character is added.
    pub needs_seventh: bool,
}

/// Notes of one kind from one level of the tabular list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteGroup {
    /// The entry that carries them (the code itself, or an ancestor).
    pub from: String,
    /// The kind of note, as coders name it.
    pub label: String,
    /// The notes.
    pub texts: Vec<String>,
}

/// Everything the lookup shows about one code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// The code and its state.
    pub row: Row,
    /// Chapter, block and parent codes above it, outermost first, as (code, title).
    pub path: Vec<(String, String)>,
    /// Its own notes, then notes from the levels above that apply to it.
    pub notes: Vec<NoteGroup>,
    /// The codes directly beneath it.
    pub children: Vec<Row>,
    /// The 7th characters it takes, when it needs one.
    pub seventh: Vec<(char, String)>,
    /// The code padded with placeholder X to six characters, when it needs a 7th.
    pub stem: Option<String>,
    /// The validator's verdict on the code as it stands.
    pub verdict: String,
}

/// How many results a search returns.
pub const RESULT_LIMIT: usize = 50;

/// Answers one request.
pub fn answer(set: &Icd10Cm, index: &SearchIndex, request: &Request) -> Reply {
    match request {
        Request::Search { id, query } => Reply::Results {
            id: *id,
            rows: index
                .search(query, RESULT_LIMIT)
                .into_iter()
                .map(|i| row(set, i))
                .collect(),
        },
        Request::Detail { code, .. } => detail(set, code),
        Request::Validate { code } => {
            let verdict = validate(set, code);
            Reply::Verdict {
                code: code.clone(),
                billable: verdict.is_billable(),
                message: verdict.message(),
            }
        }
    }
}

/// A code as a list row.
pub fn row(set: &Icd10Cm, index: usize) -> Row {
    let entry = set.entry(index);
    let billable = set.is_billable(index);
    Row {
        code: entry.code.clone(),
        title: entry.title.clone(),
        billable,
        needs_seventh: !billable && entry.children.is_empty(),
    }
}

fn detail(set: &Icd10Cm, code: &str) -> Reply {
    let compact: String = code
        .trim()
        .to_ascii_uppercase()
        .chars()
        .filter(|c| *c != '.')
        .collect();
    let Some(index) = set.find(&compact) else {
        return Reply::NotFound {
            code: code.to_string(),
            message: validate(set, code).message(),
        };
    };
    let entry = set.entry(index);
    let lineage: Vec<usize> = set.lineage(index).collect();
    let path = lineage[1..]
        .iter()
        .rev()
        .map(|&i| (set.entry(i).code.clone(), set.entry(i).title.clone()))
        .collect();
    let mut notes = Vec::new();
    for &level in &lineage {
        let carrier = set.entry(level);
        let from = match carrier.kind {
            EntryKind::Chapter => format!("Chapter {}", carrier.code),
            _ => carrier.code.clone(),
        };
        let mut kinds: Vec<NoteKind> = carrier.notes.iter().map(|n| n.kind).collect();
        kinds.dedup();
        for kind in kinds {
            // Inclusion terms describe the level that lists them, not its descendants.
            if level != index && kind == NoteKind::InclusionTerm {
                continue;
            }
            let texts: Vec<String> = carrier
                .notes
                .iter()
                .filter(|n| n.kind == kind)
                .map(|n| n.text.clone())
                .collect();
            notes.push(NoteGroup {
                from: from.clone(),
                label: kind.label().to_string(),
                texts,
            });
        }
    }
    let this = row(set, index);
    let (seventh, stem) = if this.needs_seventh {
        let mut stem = compact.clone();
        while stem.len() < 6 {
            stem.push('X');
        }
        (
            set.seventh_characters(index).to_vec(),
            Some(super::code_text::dotted(&stem)),
        )
    } else {
        (Vec::new(), None)
    };
    Reply::Detail(Box::new(Detail {
        row: this,
        path,
        notes,
        children: entry.children.iter().map(|&c| row(set, c)).collect(),
        seventh,
        stem,
        verdict: validate(set, code).message(),
    }))
}
