//! The instructor's gradebook for one assignment: the results files taken in, a table
//! of students by items, item statistics, exam item analysis and a CSV export.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assignment::Assignment;
use super::results::Results;
use crate::domain::dates::Day;

/// Results taken in for one assignment, by checksum (a file imported twice is one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gradebook {
    pub results: BTreeMap<String, Results>,
}

/// What importing one file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    Added,
    /// The same file was imported before.
    Duplicate,
    /// A newer file from the same student replaced their earlier one.
    Replaced,
}

impl Gradebook {
    /// Takes in one student's results; a student's later file replaces the earlier.
    pub fn import(&mut self, results: Results) -> Imported {
        if self.results.contains_key(&results.checksum) {
            return Imported::Duplicate;
        }
        let same_student = |r: &Results| {
            r.student_name
                .trim()
                .eq_ignore_ascii_case(results.student_name.trim())
                && r.student_id.trim() == results.student_id.trim()
        };
        let earlier: Vec<String> = self
            .results
            .iter()
            .filter(|(_, r)| same_student(r))
            .map(|(k, _)| k.clone())
            .collect();
        let replaced = !earlier.is_empty();
        for key in earlier {
            if self
                .results
                .get(&key)
                .is_some_and(|r| r.submitted_at <= results.submitted_at)
            {
                self.results.remove(&key);
            } else {
                return Imported::Duplicate;
            }
        }
        self.results.insert(results.checksum.clone(), results);
        if replaced {
            Imported::Replaced
        } else {
            Imported::Added
        }
    }

    /// Students' rows, sorted by name.
    pub fn rows(&self) -> Vec<&Results> {
        let mut rows: Vec<&Results> = self.results.values().collect();
        rows.sort_by(|a, b| {
            a.student_name
                .to_lowercase()
                .cmp(&b.student_name.to_lowercase())
        });
        rows
    }
}

/// True when the file came in after the due date's end (UTC).
pub fn is_late(assignment: &Assignment, results: &Results) -> bool {
    Day::parse_iso(&assignment.due)
        .is_some_and(|due| results.submitted_at >= ((due.0 + 1) * 86_400_000) as u64)
}

/// One item's statistics over the students.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemStats {
    pub average: Option<f64>,
    pub median: Option<f64>,
    /// Share of students with a score, 0 to 1.
    pub completion: f64,
}

/// Statistics of item `index` over `rows`.
pub fn item_stats(rows: &[&Results], index: usize) -> ItemStats {
    let mut scores: Vec<u32> = rows
        .iter()
        .filter_map(|r| r.items.get(index).and_then(|i| i.score))
        .collect();
    scores.sort_unstable();
    let n = scores.len();
    let average = (n > 0).then(|| scores.iter().map(|s| f64::from(*s)).sum::<f64>() / n as f64);
    let median = (n > 0).then(|| {
        if n % 2 == 1 {
            f64::from(scores[n / 2])
        } else {
            f64::from(scores[n / 2 - 1] + scores[n / 2]) / 2.0
        }
    });
    ItemStats {
        average,
        median,
        completion: if rows.is_empty() {
            0.0
        } else {
            n as f64 / rows.len() as f64
        },
    }
}

/// One exam question across the students.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionAnalysis {
    pub id: String,
    pub answered: usize,
    pub correct: usize,
    /// The wrong option (original index) chosen most, and how often.
    pub top_wrong: Option<(usize, usize)>,
}

/// Per-question analysis of exam item `index`.
pub fn item_analysis(rows: &[&Results], index: usize) -> Vec<QuestionAnalysis> {
    let mut by_id: BTreeMap<String, (usize, usize, BTreeMap<usize, usize>)> = BTreeMap::new();
    for r in rows {
        let Some(item) = r.items.get(index) else {
            continue;
        };
        for q in &item.questions {
            let entry = by_id.entry(q.id.clone()).or_default();
            if q.chosen.is_empty() {
                continue;
            }
            entry.0 += 1;
            if q.correct {
                entry.1 += 1;
            } else {
                for c in &q.chosen {
                    *entry.2.entry(*c).or_default() += 1;
                }
            }
        }
    }
    by_id
        .into_iter()
        .map(|(id, (answered, correct, wrong))| QuestionAnalysis {
            id,
            answered,
            correct,
            top_wrong: wrong
                .into_iter()
                .max_by_key(|(option, n)| (*n, usize::MAX - option)),
        })
        .collect()
}

/// A CSV field, quoted when it needs to be, and defused against spreadsheet formulas.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The gradebook as CSV: one row per student with name, id, one column per item
/// (the score, empty when not done), total (the mean of the item scores, not done
/// counting 0) and late.
pub fn to_csv(assignment: &Assignment, book: &Gradebook) -> String {
    let mut out = String::from("Student name,Student id");
    for (i, item) in assignment.items.iter().enumerate() {
        out.push(',');
        out.push_str(&field(&format!("{}. {}", i + 1, item.label())));
    }
    out.push_str(",Total,Late\r\n");
    for r in book.rows() {
        out.push_str(&field(&r.student_name));
        out.push(',');
        out.push_str(&field(&r.student_id));
        let mut sum = 0;
        for i in 0..assignment.items.len() {
            let score = r.items.get(i).and_then(|x| x.score);
            sum += score.unwrap_or(0);
            out.push(',');
            out.push_str(&score.map_or(String::new(), |s| s.to_string()));
        }
        let total = sum as usize / assignment.items.len().max(1);
        out.push_str(&format!(
            ",{total},{}\r\n",
            if is_late(assignment, r) { "yes" } else { "no" }
        ));
    }
    out
}
