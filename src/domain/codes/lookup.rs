//! The lookup's questions and answers: what the lookup page asks the search worker and
//! what comes back, as serialisable data. `lookup_answer` answers them.

use serde::{Deserialize, Serialize};

pub use super::lookup_answer::{LookupData, RESULT_LIMIT, answer, row};

/// A code set the lookup searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeSet {
    /// ICD-10-CM diagnoses.
    Icd10Cm,
    /// CPT procedures (Billable's summaries).
    Cpt,
    /// CPT and HCPCS Level II modifiers.
    Modifier,
}

impl CodeSet {
    /// Every set, in the order the filter lists them.
    pub const ALL: [CodeSet; 3] = [CodeSet::Icd10Cm, CodeSet::Cpt, CodeSet::Modifier];

    /// The set's name in the URL (`set=cpt`).
    pub fn slug(self) -> &'static str {
        match self {
            CodeSet::Icd10Cm => "icd10cm",
            CodeSet::Cpt => "cpt",
            CodeSet::Modifier => "modifiers",
        }
    }

    /// The set's name for people.
    pub fn label(self) -> &'static str {
        match self {
            CodeSet::Icd10Cm => "ICD-10-CM",
            CodeSet::Cpt => "CPT",
            CodeSet::Modifier => "Modifiers",
        }
    }

    /// The set named in a URL, if any.
    pub fn from_slug(slug: &str) -> Option<CodeSet> {
        CodeSet::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A question from the lookup page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Search codes and words; `id` lets the page drop answers to stale queries.
    Search {
        /// Increases with each query the page sends.
        id: u32,
        /// What was typed.
        query: String,
        /// Only this code set, or all of them.
        set: Option<CodeSet>,
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
    /// What ICD-10-CM says about a claim's diagnosis codes, for the claim scrubber.
    Facts {
        /// The codes in item 21, in order, as typed.
        codes: Vec<String>,
    },
    /// The same facts for several lists at once (an instructor's chart or questions
    /// being checked); answered as one list of facts, in order.
    FactSets {
        /// Each list of codes, checked as a whole.
        lists: Vec<Vec<String>>,
    },
    /// Use a licensed user's CPT descriptor file (CSV or TSV), if it is valid.
    ImportCpt {
        /// The file's text.
        text: String,
    },
    /// Stop using the user's descriptors.
    ClearCpt,
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
    /// One ICD-10-CM code in full.
    Detail(Box<Detail>),
    /// One CPT code or modifier.
    Reference(Box<Reference>),
    /// The validator's verdict on a code.
    Verdict {
        /// The code as asked.
        code: String,
        /// Reportable as it stands.
        billable: bool,
        /// The verdict in words.
        message: String,
    },
    /// The scrubber's diagnosis facts.
    Facts(Box<crate::domain::claims::diagnosis_facts::DiagnosisFacts>),
    /// The facts for each list of a `FactSets` request.
    FactSets(Vec<crate::domain::claims::diagnosis_facts::DiagnosisFacts>),
    /// The user's CPT file is in use.
    CptImported {
        /// Descriptors read from it.
        count: usize,
    },
    /// The user's CPT file was refused; nothing changed.
    CptRejected {
        /// Every problem, with its line.
        errors: Vec<String>,
    },
    /// The asked-for code does not exist.
    NotFound {
        /// What was asked for.
        code: String,
        /// The validator's explanation.
        message: String,
    },
}

/// A CPT code or modifier in full: its row and labelled facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The code.
    pub row: Row,
    /// (label, text) pairs: summary, section, level basis, set.
    pub facts: Vec<(String, String)>,
}

/// One code in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The code set it belongs to.
    pub set: CodeSet,
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
