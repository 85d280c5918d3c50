//! Answering the lookup's requests: the code sets, indexed, and the pure `answer`
//! that the search worker, the native tool and the tests all share.

use std::collections::BTreeMap;

use super::cpt::{CptCode, is_cpt_shaped};
use super::cpt_import::parse_cpt_file;
use super::icd10cm::{EntryKind, Icd10Cm};
use super::icd10cm_data::NoteKind;
use super::list_search::ListIndex;
use super::lookup::{CodeSet, Detail, NoteGroup, Reference, Reply, Request, Row};
use super::modifiers::{Modifier, ModifierSet};
use super::search::SearchIndex;
use super::validate::validate;

/// Everything the lookup searches, indexed.
pub struct LookupData {
    /// ICD-10-CM.
    pub icd: Icd10Cm,
    /// Its word index.
    pub icd_index: SearchIndex,
    /// Billable's CPT list.
    pub cpt: Vec<CptCode>,
    /// Its index, over our summaries, the user's descriptors, and codes only their
    /// file has (numbered from `cpt.len()` on).
    pub cpt_index: ListIndex,
    /// A licensed user's own CPT descriptors, by code.
    pub descriptors: BTreeMap<String, String>,
    /// Modifiers.
    pub modifiers: Vec<Modifier>,
    /// Their index.
    pub modifier_index: ListIndex,
}

impl LookupData {
    /// Indexes the code sets.
    pub fn new(icd: Icd10Cm, cpt: Vec<CptCode>, modifiers: Vec<Modifier>) -> LookupData {
        let icd_index = SearchIndex::build(&icd);
        let modifier_index = ListIndex::new(
            modifiers
                .iter()
                .map(|m| (m.code.as_str(), m.summary.as_str())),
        );
        let mut data = LookupData {
            icd,
            icd_index,
            cpt,
            cpt_index: ListIndex::new([]),
            descriptors: BTreeMap::new(),
            modifiers,
            modifier_index,
        };
        data.index_cpt();
        data
    }

    /// Codes the user's file has that Billable's list does not.
    fn extra_cpt(&self) -> Vec<&String> {
        self.descriptors
            .keys()
            .filter(|code| !self.cpt.iter().any(|c| &c.code == *code))
            .collect()
    }

    fn index_cpt(&mut self) {
        let ours: Vec<(String, String)> = self
            .cpt
            .iter()
            .map(|c| {
                let text = match self.descriptors.get(&c.code) {
                    Some(descriptor) => format!("{} {descriptor}", c.summary),
                    None => c.summary.clone(),
                };
                (c.code.clone(), text)
            })
            .collect();
        let extra: Vec<(String, String)> = self
            .extra_cpt()
            .into_iter()
            .map(|code| (code.clone(), self.descriptors[code].clone()))
            .collect();
        self.cpt_index = ListIndex::new(
            ours.iter()
                .chain(&extra)
                .map(|(c, t)| (c.as_str(), t.as_str())),
        );
    }

    /// The CPT row for position `i` of the CPT index.
    fn cpt_row_at(&self, i: usize) -> Row {
        match self.cpt.get(i) {
            Some(code) => Row {
                title: self
                    .descriptors
                    .get(&code.code)
                    .cloned()
                    .unwrap_or_else(|| code.summary.clone()),
                ..cpt_row(code)
            },
            None => {
                let code = self
                    .extra_cpt()
                    .get(i - self.cpt.len())
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                Row {
                    set: CodeSet::Cpt,
                    title: self.descriptors.get(&code).cloned().unwrap_or_default(),
                    code,
                    billable: true,
                    needs_seventh: false,
                }
            }
        }
    }
}

/// How many results a search returns.
pub const RESULT_LIMIT: usize = 50;

/// Answers one request (importing or clearing a CPT file changes `data`).
pub fn answer(data: &mut LookupData, request: &Request) -> Reply {
    match request {
        Request::ImportCpt { text } => match parse_cpt_file(text) {
            Ok(descriptors) => {
                let count = descriptors.len();
                data.descriptors = descriptors;
                data.index_cpt();
                Reply::CptImported { count }
            }
            Err(errors) => Reply::CptRejected {
                errors: errors.iter().map(ToString::to_string).collect(),
            },
        },
        Request::ClearCpt => {
            data.descriptors.clear();
            data.index_cpt();
            Reply::CptImported { count: 0 }
        }
        Request::Search { id, query, set } => Reply::Results {
            id: *id,
            rows: search(data, query, *set),
        },
        Request::Detail { code, .. } => {
            let code = code.trim().to_ascii_uppercase();
            if code.len() == 2 {
                modifier_detail(data, &code)
            } else if is_cpt_shaped(&code) {
                cpt_detail(data, &code)
            } else {
                detail(&data.icd, &code)
            }
        }
        Request::Facts { codes } => Reply::Facts(Box::new(
            crate::domain::claims::diagnosis_facts::DiagnosisFacts::check(&data.icd, codes),
        )),
        Request::FactSets { lists } => Reply::FactSets(
            lists
                .iter()
                .map(|codes| {
                    crate::domain::claims::diagnosis_facts::DiagnosisFacts::check(&data.icd, codes)
                })
                .collect(),
        ),
        Request::Validate { code } => {
            let verdict = validate(&data.icd, code);
            Reply::Verdict {
                code: code.clone(),
                billable: verdict.is_billable(),
                message: verdict.message(),
            }
        }
    }
}

/// Searches one set or all: codes typed exactly come first, then ICD-10-CM, CPT and
/// modifier matches.
fn search(data: &LookupData, query: &str, only: Option<CodeSet>) -> Vec<Row> {
    let wants = |set: CodeSet| only.is_none_or(|only| only == set);
    let share = if only.is_some() { RESULT_LIMIT } else { 10 };
    let mut rows: Vec<Row> = Vec::new();
    if wants(CodeSet::Icd10Cm) {
        let limit = if only.is_some() {
            RESULT_LIMIT
        } else {
            RESULT_LIMIT - 2 * share
        };
        rows.extend(
            data.icd_index
                .search(query, limit)
                .into_iter()
                .map(|i| row(&data.icd, i)),
        );
    }
    if wants(CodeSet::Cpt) {
        rows.extend(
            data.cpt_index
                .search(query, share)
                .into_iter()
                .map(|i| data.cpt_row_at(i)),
        );
    }
    if wants(CodeSet::Modifier) {
        rows.extend(
            data.modifier_index
                .search(query, share)
                .into_iter()
                .map(|i| modifier_row(&data.modifiers[i])),
        );
    }
    let typed = query.trim().to_ascii_uppercase().replace('.', "");
    rows.sort_by_key(|r| r.code.replace('.', "") != typed);
    rows
}

fn cpt_row(code: &CptCode) -> Row {
    Row {
        set: CodeSet::Cpt,
        code: code.code.clone(),
        title: code.summary.clone(),
        billable: true,
        needs_seventh: false,
    }
}

fn modifier_row(modifier: &Modifier) -> Row {
    Row {
        set: CodeSet::Modifier,
        code: modifier.code.clone(),
        title: modifier.summary.clone(),
        billable: false,
        needs_seventh: false,
    }
}

fn cpt_detail(data: &LookupData, code: &str) -> Reply {
    let theirs = data.descriptors.get(code).map(|d| {
        (
            "Your descriptor (from your licensed file)".to_string(),
            d.clone(),
        )
    });
    let Some(found) = data.cpt.iter().find(|c| c.code == code) else {
        return match theirs {
            Some(fact) => Reply::Reference(Box::new(Reference {
                row: Row {
                    set: CodeSet::Cpt,
                    code: code.to_string(),
                    title: fact.1.clone(),
                    billable: true,
                    needs_seventh: false,
                },
                facts: vec![fact],
            })),
            None => Reply::NotFound {
                code: code.to_string(),
                message: format!(
                    "{code} is not in Billable's CPT list, which covers the codes its lessons and cases use."
                ),
            },
        };
    };
    let mut facts = vec![("Section".to_string(), found.section.clone())];
    facts.extend(theirs);
    facts.push(("In plain words".to_string(), found.summary.clone()));
    if let Some(basis) = &found.level_basis {
        facts.push(("What sets the level".to_string(), basis.clone()));
    }
    Reply::Reference(Box::new(Reference {
        row: cpt_row(found),
        facts,
    }))
}

fn modifier_detail(data: &LookupData, code: &str) -> Reply {
    let Some(found) = data.modifiers.iter().find(|m| m.code == code) else {
        return Reply::NotFound {
            code: code.to_string(),
            message: format!("{code} is not a modifier in Billable's list."),
        };
    };
    let set = match found.set {
        ModifierSet::Cpt => "CPT modifier",
        ModifierSet::Hcpcs => "HCPCS Level II modifier",
    };
    let facts = vec![
        ("Kind".to_string(), set.to_string()),
        ("When it is used".to_string(), found.summary.clone()),
    ];
    Reply::Reference(Box::new(Reference {
        row: modifier_row(found),
        facts,
    }))
}

/// An ICD-10-CM code as a list row.
pub fn row(set: &Icd10Cm, index: usize) -> Row {
    let entry = set.entry(index);
    let billable = set.is_billable(index);
    Row {
        set: CodeSet::Icd10Cm,
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
