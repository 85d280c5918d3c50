//! What ICD-10-CM says about a claim's diagnosis codes: for each code, whether it
//! exists and is billable; for the set, Excludes1 conflicts and a manifestation code
//! listed first. A web worker holds the code set, computes these facts and posts them
//! as JSON, so the scrubber itself never needs the 4 MB set.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::codes::code_text::compact;
use crate::domain::codes::icd10cm::Icd10Cm;
use crate::domain::codes::set_checks::{SetFinding, check_set};
use crate::domain::codes::validate::{Verdict, validate};

/// What the code set says about one code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeFact {
    /// True when the code is in the tabular list as typed (billable or not).
    pub exists: bool,
    /// True when it may be reported as it stands.
    pub billable: bool,
    /// The validator's sentence, which says what to do next.
    pub message: String,
}

impl CodeFact {
    /// What the code set says about `code` as written.
    pub fn of(set: &Icd10Cm, code: &str) -> CodeFact {
        let verdict = validate(set, code);
        CodeFact {
            exists: matches!(
                verdict,
                Verdict::Billable { .. }
                    | Verdict::NotBillable { .. }
                    | Verdict::NeedsSeventh { .. }
            ),
            billable: verdict.is_billable(),
            message: verdict.message(),
        }
    }
}

/// Two codes an Excludes1 note keeps apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excludes1Pair {
    /// The code whose note excludes the other, upper-cased as typed on the claim.
    pub code: String,
    /// The excluded code, upper-cased as typed.
    pub excluded: String,
    /// What is wrong and what to do, quoting the note.
    pub message: String,
}

/// A manifestation code in the first position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestationFirst {
    /// The code, upper-cased as typed.
    pub code: String,
    /// What is wrong and what to do.
    pub message: String,
}

/// The facts for one claim's diagnosis codes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosisFacts {
    /// Each code by its upper-cased, trimmed text as typed (with or without the dot).
    pub codes: BTreeMap<String, CodeFact>,
    /// Excludes1 conflicts among the codes.
    pub excludes1: Vec<Excludes1Pair>,
    /// The first code, when it is a manifestation code.
    pub manifestation_first: Option<ManifestationFirst>,
}

/// How a code is filed: trimmed and upper-cased, as typed.
pub(crate) fn key(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

impl DiagnosisFacts {
    /// Checks the claim's codes, in item 21 order, against the code set.
    pub fn check(set: &Icd10Cm, codes: &[String]) -> DiagnosisFacts {
        let mut facts = DiagnosisFacts::default();
        let mut in_order: Vec<String> = Vec::new();
        for code in codes.iter().map(|c| key(c)).filter(|c| !c.is_empty()) {
            if facts.codes.contains_key(&code) {
                continue;
            }
            facts.codes.insert(code.clone(), CodeFact::of(set, &code));
            in_order.push(code);
        }
        // Only codes the validator found go to the set check: it reads codes by
        // position, which is safe only for well-formed text.
        let known: Vec<&str> = in_order
            .iter()
            .filter(|c| facts.codes.get(*c).is_some_and(|f| f.exists))
            .map(String::as_str)
            .collect();
        let typed = |dotted: &str| {
            in_order
                .iter()
                .find(|c| compact(c) == compact(dotted))
                .cloned()
                .unwrap_or_else(|| dotted.to_string())
        };
        let first = in_order.first().map(|c| compact(c));
        for found in check_set(set, &known) {
            let message = found.message();
            match found {
                SetFinding::Excludes1 { code, excluded, .. } => {
                    facts.excludes1.push(Excludes1Pair {
                        code: typed(&code),
                        excluded: typed(&excluded),
                        message,
                    });
                }
                SetFinding::ManifestationFirst { code } => {
                    // The set check looks at the first code it knows; only the
                    // code actually in first position counts.
                    if first.as_deref() == Some(compact(&code).as_str()) {
                        facts.manifestation_first = Some(ManifestationFirst {
                            code: typed(&code),
                            message,
                        });
                    }
                }
            }
        }
        facts
    }

    /// Every conflict among the codes as a whole (Excludes1 pairs, then a
    /// manifestation code first), as messages.
    pub fn conflict_messages(&self) -> Vec<String> {
        self.excludes1
            .iter()
            .map(|p| p.message.clone())
            .chain(self.manifestation_first.iter().map(|m| m.message.clone()))
            .collect()
    }

    /// The facts for one code as typed on the claim (any case, with or without the
    /// dot), if it was checked.
    pub fn code(&self, typed: &str) -> Option<&CodeFact> {
        self.codes.get(&key(typed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::claims::scrub::fixtures::icd10cm;

    fn facts(codes: &[&str]) -> DiagnosisFacts {
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        DiagnosisFacts::check(icd10cm(), &codes)
    }

    #[test]
    fn single_codes() {
        let f = facts(&["e11.9", "E11", "E119", "Q99.99", "S52.501", "S52.501A"]);
        let fact = |c: &str| f.code(c).cloned().expect("checked");
        assert!(fact("E11.9").exists && fact("E11.9").billable);
        assert!(fact("e119").billable, "stored as typed, without the dot");
        assert!(fact("E11").exists && !fact("E11").billable);
        assert!(
            fact("E11").message.contains("not billable"),
            "{}",
            fact("E11").message
        );
        assert!(!fact("Q99.99").exists && !fact("Q99.99").billable);
        assert!(fact("S52.501").exists && !fact("S52.501").billable);
        assert!(fact("S52.501A").billable);
        assert_eq!(f.code("I10"), None);
    }

    #[test]
    fn excludes1_pair() {
        let f = facts(&["E11.9", "E10.9"]);
        assert!(
            f.excludes1
                .iter()
                .any(|p| p.code == "E11.9" && p.excluded == "E10.9"),
            "{f:?}"
        );
        assert!(facts(&["E11.9", "I10"]).excludes1.is_empty());
    }

    #[test]
    fn manifestation_first() {
        let f = facts(&["G63", "E11.42"]);
        assert_eq!(f.manifestation_first.map(|m| m.code), Some("G63".into()));
        assert_eq!(facts(&["E11.42", "G63"]).manifestation_first, None);
        // An unknown first code does not make the next code "first".
        assert_eq!(facts(&["Q99.99", "G63"]).manifestation_first, None);
    }

    #[test]
    fn round_trips_as_json() {
        let f = facts(&["E11.9", "E10.9", "G63"]);
        let json = serde_json::to_string(&f).expect("serializes");
        let back: DiagnosisFacts = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, f);
    }
}
