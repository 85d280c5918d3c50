//! Grading a learner's claim box by box against the key, with a note on every box
//! that is wrong. Comparison forgives what a payer would forgive (case, extra
//! spaces, punctuation in phones and ZIPs, a dot in a diagnosis code) and nothing
//! else. Secondary diagnoses may come in any order; service lines are matched by
//! code, and pointers are compared by the diagnoses they point to.

use serde::{Deserialize, Serialize};

use super::claim::{Claim, Line};
use super::form::{self, FIELDS, Kind, LINE_FIELDS, line_id};
use super::money::Cents;
use crate::domain::dates::Day;

/// The verdict on one box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoxResult {
    pub id: String,
    pub item: String,
    pub label: String,
    pub expected: String,
    pub given: String,
    pub correct: bool,
}

/// The verdict on a whole claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimGrade {
    /// Every box the key or the learner filled.
    pub boxes: Vec<BoxResult>,
}

impl ClaimGrade {
    /// 0 to 100, rounded down: the share of boxes right.
    pub fn score(&self) -> u32 {
        let right = self.boxes.iter().filter(|b| b.correct).count();
        (right * 100 / self.boxes.len().max(1)) as u32
    }

    /// The boxes that are wrong.
    pub fn wrong(&self) -> impl Iterator<Item = &BoxResult> {
        self.boxes.iter().filter(|b| !b.correct)
    }
}

/// Boxes not graded: the signature date is the day the learner works.
const UNGRADED: [&str; 1] = ["31.date"];

/// Grades `given` against `key`.
pub fn grade_claim(given: &Claim, key: &Claim) -> ClaimGrade {
    let mut boxes = Vec::new();
    for field in FIELDS {
        if UNGRADED.contains(&field.id) || field.id.starts_with("21.") && field.id != "21.ind" {
            continue;
        }
        let (e, g) = (key.get(field.id), given.get(field.id));
        if e.is_empty() && g.is_empty() {
            continue;
        }
        boxes.push(result(field.id, e, g, same(field.kind, field.id, e, g)));
    }
    grade_diagnoses(given, key, &mut boxes);
    grade_lines(given, key, &mut boxes);
    ClaimGrade { boxes }
}

fn result(id: &str, expected: &str, given: &str, correct: bool) -> BoxResult {
    let field = form::find(id);
    BoxResult {
        id: id.to_string(),
        item: field.map_or("", |f| f.item).to_string(),
        label: field.map_or(id, |f| f.label).to_string(),
        expected: expected.to_string(),
        given: given.to_string(),
        correct,
    }
}

/// Item 21: A must match; B–L are compared as a set, each key code once.
fn grade_diagnoses(given: &Claim, key: &Claim, boxes: &mut Vec<BoxResult>) {
    let code = |c: &str| c.replace('.', "").to_ascii_uppercase();
    let key_dx = key.diagnoses();
    let given_dx = given.diagnoses();
    let mut unmatched: Vec<String> = given_dx.iter().skip(1).map(|(_, c)| code(c)).collect();
    for (i, (letter, expected)) in key_dx.iter().enumerate() {
        let id = format!("21.{letter}");
        if i == 0 {
            let got = given.get(&id);
            boxes.push(result(&id, expected, got, code(got) == code(expected)));
            continue;
        }
        let found = unmatched.iter().position(|c| *c == code(expected));
        let shown = found.map_or(String::new(), |p| unmatched.remove(p));
        boxes.push(result(&id, expected, &shown, found.is_some()));
    }
    for extra in unmatched {
        boxes.push(result("21.B", "", &extra, false));
    }
    if key_dx.is_empty()
        && let Some((letter, c)) = given_dx.first()
    {
        boxes.push(result(&format!("21.{letter}"), "", c, false));
    }
}

/// Item 24: each key line is matched with the learner's line of the same code (else
/// the same position), and its boxes compared.
fn grade_lines(given: &Claim, key: &Claim, boxes: &mut Vec<BoxResult>) {
    let key_lines = key.lines();
    let mut given_lines = given.lines();
    let key_dx = key.diagnoses();
    let given_dx = given.diagnoses();
    for (i, k) in key_lines.iter().enumerate() {
        let pos = given_lines
            .iter()
            .position(|g| g.code == k.code)
            .or_else(|| (i < given_lines.len()).then_some(0));
        let g = pos.map(|p| given_lines.remove(p));
        for f in LINE_FIELDS {
            let id = line_id(k.number, f.id);
            let e = key.get(&id);
            let got = g
                .as_ref()
                .map_or("", |g| given.get(&line_id(g.number, f.id)));
            if e.is_empty() && got.is_empty() {
                continue;
            }
            let correct = match (f.id, &g) {
                ("e", Some(g)) => pointed(k, &key_dx) == pointed(g, &given_dx),
                _ => same(f.kind, f.id, e, got),
            };
            boxes.push(result(&id, e, got, correct));
        }
    }
    for extra in given_lines {
        boxes.push(result(&line_id(extra.number, "d"), "", &extra.code, false));
    }
}

/// The codes a line points to, in pointer order, without dots.
fn pointed(line: &Line, dx: &[(char, String)]) -> Vec<String> {
    line.pointers
        .iter()
        .map(|p| {
            dx.iter()
                .find(|(l, _)| l == p)
                .map_or(format!("?{p}"), |(_, c)| c.replace('.', ""))
        })
        .collect()
}

/// True when two values of a box mean the same.
fn same(kind: Kind, id: &str, expected: &str, given: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    match kind {
        Kind::Date => match (Day::parse_mdy(expected), Day::parse_mdy(given)) {
            (Some(a), Some(b)) => a == b,
            _ => expected == given,
        },
        Kind::Money => match (Cents::parse(expected), Cents::parse(given)) {
            (Some(a), Some(b)) => a == b,
            _ => expected == given,
        },
        Kind::Check | Kind::Choice(_) => expected.eq_ignore_ascii_case(given),
        Kind::Text if id.ends_with("zip") || id.ends_with("phone") || id == "25" => {
            digits(expected) == digits(given) && !digits(expected).is_empty()
        }
        Kind::Text => words(expected) == words(given),
    }
}

/// Upper case, periods dropped, runs of spaces and spaces around commas collapsed.
fn words(text: &str) -> String {
    let cleaned = text.to_uppercase().replace('.', "").replace(',', " , ");
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Claim {
        let mut c = Claim::new();
        c.set("2", "GLADEWATER, TAMSIN J");
        c.set("3", "12/05/1990");
        c.set("5.zip", "439990012");
        c.set("21.A", "F33.1");
        c.set("21.B", "Z56.0");
        c.set("21.C", "I10");
        c.set("24.1.d", "90834");
        c.set("24.1.e", "AB");
        c.set("24.1.f", "145.00");
        c
    }

    #[test]
    fn the_key_scores_100_and_an_empty_claim_0() {
        assert_eq!(grade_claim(&key(), &key()).score(), 100);
        assert_eq!(grade_claim(&Claim::new(), &key()).score(), 0);
    }

    #[test]
    fn forgives_form_not_substance() {
        let mut g = key();
        g.set("2", "Gladewater,Tamsin J.");
        g.set("5.zip", "43999-0012");
        g.set("21.A", "f331");
        g.set("21.B", "I10");
        g.set("21.C", "Z56.0");
        g.set("24.1.e", "AC");
        g.set("24.1.f", "145");
        assert_eq!(grade_claim(&g, &key()).score(), 100);
        g.set("3", "12/06/1990");
        g.set("24.1.e", "A");
        let grade = grade_claim(&g, &key());
        let wrong: Vec<&str> = grade.wrong().map(|b| b.id.as_str()).collect();
        assert_eq!(wrong, vec!["3", "24.1.e"]);
    }

    #[test]
    fn extra_lines_and_boxes_count_against() {
        let mut g = key();
        g.set("24.2.d", "99213");
        g.set("23", "A1");
        let grade = grade_claim(&g, &key());
        let wrong: Vec<&str> = grade.wrong().map(|b| b.id.as_str()).collect();
        assert_eq!(wrong, vec!["23", "24.2.d"]);
    }
}
