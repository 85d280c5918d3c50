//! What the content rules ask of ICD-10-CM, behind one trait: natively the whole code
//! set answers; in the browser, where the set lives in the search worker, a
//! `FactSheet` of the worker's answers does. Both give the same `CodeFact`s and
//! conflict messages, because both come from `DiagnosisFacts`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::claims::diagnosis_facts::{CodeFact, DiagnosisFacts, key};
use crate::domain::codes::icd10cm::Icd10Cm;

/// Answers about ICD-10-CM codes as the content rules need them.
pub trait IcdFacts {
    /// What the code set says about one code as written.
    fn fact(&self, code: &str) -> CodeFact;
    /// The conflicts among diagnoses listed in this order, as messages.
    fn conflicts(&self, codes: &[&str]) -> Vec<String>;
}

impl IcdFacts for Icd10Cm {
    fn fact(&self, code: &str) -> CodeFact {
        CodeFact::of(self, code.trim())
    }

    fn conflicts(&self, codes: &[&str]) -> Vec<String> {
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        DiagnosisFacts::check(self, &codes).conflict_messages()
    }
}

/// The worker's answers, gathered in two passes: the rules run once against an empty
/// sheet, which notes what they asked (`wanted`); the page asks the worker for that,
/// `add`s the answers, and runs the rules again for the real problems.
#[derive(Debug, Default)]
pub struct FactSheet {
    codes: BTreeMap<String, CodeFact>,
    /// Each list of codes checked as a whole, with its conflict messages.
    sets: Vec<(Vec<String>, Vec<String>)>,
    asked_codes: RefCell<BTreeSet<String>>,
    asked_sets: RefCell<Vec<Vec<String>>>,
}

impl FactSheet {
    /// What the rules asked that the sheet could not answer, as lists for the worker's
    /// `Sets` request: each list checked as a whole, then one list of single codes.
    /// Empty when the sheet answered everything.
    pub fn wanted(&self) -> Vec<Vec<String>> {
        let mut lists = self.asked_sets.borrow().clone();
        let singles: Vec<String> = self.asked_codes.borrow().iter().cloned().collect();
        if !singles.is_empty() {
            lists.push(singles);
        }
        lists
    }

    /// Files the worker's answers for `lists` (the same lists, in the same order).
    pub fn add(&mut self, lists: &[Vec<String>], answers: Vec<DiagnosisFacts>) {
        for (list, facts) in lists.iter().zip(answers) {
            self.sets.push((normal(list), facts.conflict_messages()));
            self.codes.extend(facts.codes);
        }
        self.asked_codes.borrow_mut().clear();
        self.asked_sets.borrow_mut().clear();
    }
}

fn normal<S: AsRef<str>>(codes: &[S]) -> Vec<String> {
    codes.iter().map(|c| key(c.as_ref())).collect()
}

impl IcdFacts for FactSheet {
    fn fact(&self, code: &str) -> CodeFact {
        match self.codes.get(&key(code)) {
            Some(fact) => fact.clone(),
            None => {
                self.asked_codes.borrow_mut().insert(key(code));
                // Not known yet: assumed fine until the second pass.
                CodeFact {
                    exists: true,
                    billable: true,
                    message: String::new(),
                }
            }
        }
    }

    fn conflicts(&self, codes: &[&str]) -> Vec<String> {
        let list = normal(codes);
        match self.sets.iter().find(|(l, _)| *l == list) {
            Some((_, messages)) => messages.clone(),
            None => {
                let mut asked = self.asked_sets.borrow_mut();
                if !asked.contains(&list) {
                    asked.push(list);
                }
                Vec::new()
            }
        }
    }
}
