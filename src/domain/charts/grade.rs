//! Grading a student's codes against a chart's answer key, with partial credit and a
//! mark for every element. The rules are written out in `content/charts/README.md`.
//!
//! Where an answer can be read more than one way (which of two same-category codes
//! earns the partial credit, say), the grader takes the reading that gives the student
//! the most points; that also makes the score independent of the order of secondary
//! diagnoses.

use serde::{Deserialize, Serialize};

use super::{Chart, KeyDiagnosis, KeyLine, pointer_index};

/// Points for a key diagnosis matched exactly.
pub const DIAGNOSIS_POINTS: u32 = 10;
/// Points for a partly right diagnosis (right category, or out of sequence).
pub const PARTIAL_POINTS: u32 = 5;
/// Points taken off for each extra code or line.
pub const EXTRA_DEDUCTION: u32 = 5;
/// Points for a key service line: code 4, modifiers 2, units 2, pointers 2.
pub const LINE_POINTS: u32 = 10;

/// What a student submitted for a chart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Diagnosis codes in the student's order, as typed.
    pub diagnoses: Vec<String>,
    /// Service lines.
    pub lines: Vec<AnswerLine>,
}

/// One service line as the student entered it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLine {
    pub code: String,
    pub modifiers: Vec<String>,
    pub units: u32,
    /// Letters pointing into the student's own diagnosis list (A is the first).
    pub pointers: Vec<String>,
}

/// How one diagnosis fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DxVerdict {
    /// The key's code (or an accepted alternative) in the right place.
    Correct,
    /// The right category, but not the key's code.
    WrongSpecificity,
    /// The first-listed code, given lower in the list.
    Sequencing,
    /// The key's code is not in the answer.
    Missing,
    /// A code the key does not call for.
    Extra,
    /// A key code already accounted for by another mark (not deducted).
    Unused,
    /// A code the key lists as optional: neither adds nor subtracts.
    Optional,
}

/// The mark for one diagnosis, of the key or of the answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DxMark {
    /// The key diagnosis this is about, by index.
    pub key: Option<usize>,
    /// The student's code this is about, by index in `Answer::diagnoses`.
    pub given: Option<usize>,
    pub verdict: DxVerdict,
    /// Points earned (positive) or deducted (negative).
    pub points: i32,
}

/// The mark for one service line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineMark {
    /// The key line, by index; `None` for an extra line.
    pub key: Option<usize>,
    /// The student's line, by index; `None` when the key line is missing.
    pub given: Option<usize>,
    pub code: bool,
    pub modifiers: bool,
    pub units: bool,
    pub pointers: bool,
    /// Points earned (positive) or deducted (negative).
    pub points: i32,
}

/// The whole result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    /// 0 to 100.
    pub score: u32,
    /// Points earned before deductions.
    pub earned: u32,
    /// Points deducted for extras.
    pub deducted: u32,
    /// Points available.
    pub possible: u32,
    pub diagnoses: Vec<DxMark>,
    pub lines: Vec<LineMark>,
}

/// Grades `answer` against `chart`'s key.
pub fn grade(chart: &Chart, answer: &Answer) -> Grade {
    let mut diagnoses = grade_diagnoses(chart, &answer.diagnoses);
    diagnoses.sort_by_key(|m| (m.key.is_none(), m.key, m.given));
    let lines = grade_lines(chart, answer);
    let possible =
        DIAGNOSIS_POINTS * chart.diagnoses.len() as u32 + LINE_POINTS * chart.lines.len() as u32;
    let points = diagnoses
        .iter()
        .map(|m| m.points)
        .chain(lines.iter().map(|m| m.points));
    let earned: u32 = points.clone().filter(|p| *p > 0).map(|p| p as u32).sum();
    let deducted: u32 = points.filter(|p| *p < 0).map(|p| p.unsigned_abs()).sum();
    let net = earned.saturating_sub(deducted);
    let score = (net * 100).checked_div(possible).unwrap_or(0);
    Grade {
        score,
        earned,
        deducted,
        possible,
        diagnoses,
        lines,
    }
}

/// A code in the form codes are compared in: upper case, no dot, no spaces.
pub fn compact_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn exact(key: &KeyDiagnosis, code: &str) -> bool {
    compact_code(&key.code) == code || key.accept.iter().any(|a| compact_code(a) == code)
}

fn same_category(key: &KeyDiagnosis, code: &str) -> bool {
    code.len() >= 3 && compact_code(&key.code).get(..3) == code.get(..3)
}

fn grade_diagnoses(chart: &Chart, typed: &[String]) -> Vec<DxMark> {
    let key = &chart.diagnoses;
    let optional: Vec<String> = chart
        .optional
        .iter()
        .map(|o| compact_code(&o.code))
        .collect();
    let mut marks = Vec::new();
    // The student's codes that count: not blank, not repeated, not optional.
    let mut given: Vec<(usize, String)> = Vec::new();
    for (i, code) in typed.iter().map(|c| compact_code(c)).enumerate() {
        if code.is_empty() || given.iter().any(|(_, g)| *g == code) {
            continue;
        }
        if optional.contains(&code) {
            marks.push(DxMark {
                key: None,
                given: Some(i),
                verdict: DxVerdict::Optional,
                points: 0,
            });
        } else {
            given.push((i, code));
        }
    }
    let codes: Vec<&str> = given.iter().map(|(_, c)| c.as_str()).collect();
    // Ways to credit the first-listed key diagnosis; the rest is then matched greedily
    // (exact matches first, then same-category), and the best total wins.
    let mut options: Vec<Option<(usize, DxVerdict, u32)>> = vec![None];
    if let (Some(first_key), Some(first)) = (key.first(), codes.first()) {
        if exact(first_key, first) {
            options.push(Some((0, DxVerdict::Correct, DIAGNOSIS_POINTS)));
        } else if same_category(first_key, first) {
            options.push(Some((0, DxVerdict::WrongSpecificity, PARTIAL_POINTS)));
        }
        for (j, code) in codes.iter().enumerate().skip(1) {
            if exact(first_key, code) {
                options.push(Some((j, DxVerdict::Sequencing, PARTIAL_POINTS)));
            }
        }
    }
    let best = options
        .into_iter()
        .map(|first| match_rest(key, &codes, first))
        .max_by_key(|(total, _)| *total)
        .map(|(_, m)| m)
        .unwrap_or_default();
    marks.extend(best.into_iter().map(|m| DxMark {
        given: m.given.map(|j| given[j].0),
        ..m
    }));
    marks
}

/// Matches the key's secondary diagnoses (and the first, when `first` is `None`, as
/// missing) against the codes, returning the net points and the marks (with `given`
/// as an index into `codes`).
fn match_rest(
    key: &[KeyDiagnosis],
    codes: &[&str],
    first: Option<(usize, DxVerdict, u32)>,
) -> (i64, Vec<DxMark>) {
    let mut used = vec![false; codes.len()];
    let mut marks = Vec::new();
    match first {
        Some((j, verdict, points)) => {
            used[j] = true;
            marks.push(DxMark {
                key: Some(0),
                given: Some(j),
                verdict,
                points: points as i32,
            });
        }
        None if !key.is_empty() => marks.push(DxMark {
            key: Some(0),
            given: None,
            verdict: DxVerdict::Missing,
            points: 0,
        }),
        None => {}
    }
    let mut open: Vec<usize> = (1..key.len()).collect();
    for pass in [DxVerdict::Correct, DxVerdict::WrongSpecificity] {
        open.retain(|&k| {
            let fits = |code: &str| match pass {
                DxVerdict::Correct => exact(&key[k], code),
                _ => same_category(&key[k], code),
            };
            let found = (0..codes.len()).find(|&j| !used[j] && fits(codes[j]));
            if let Some(j) = found {
                used[j] = true;
                let points = if pass == DxVerdict::Correct {
                    DIAGNOSIS_POINTS
                } else {
                    PARTIAL_POINTS
                };
                marks.push(DxMark {
                    key: Some(k),
                    given: Some(j),
                    verdict: pass,
                    points: points as i32,
                });
            }
            found.is_none()
        });
    }
    marks.extend(open.into_iter().map(|k| DxMark {
        key: Some(k),
        given: None,
        verdict: DxVerdict::Missing,
        points: 0,
    }));
    for (j, code) in codes.iter().enumerate().filter(|(j, _)| !used[*j]) {
        let is_key_code = key.iter().any(|k| exact(k, code));
        marks.push(DxMark {
            key: None,
            given: Some(j),
            verdict: if is_key_code {
                DxVerdict::Unused
            } else {
                DxVerdict::Extra
            },
            points: if is_key_code {
                0
            } else {
                -(EXTRA_DEDUCTION as i32)
            },
        });
    }
    let total = marks.iter().map(|m| i64::from(m.points)).sum();
    (total, marks)
}

fn grade_lines(chart: &Chart, answer: &Answer) -> Vec<LineMark> {
    let typed_dx: Vec<String> = answer.diagnoses.iter().map(|c| compact_code(c)).collect();
    let scored =
        |k: usize, g: usize| line_mark(chart, &chart.lines[k], k, &answer.lines[g], g, &typed_dx);
    let mut best: (i64, Vec<LineMark>) = (i64::MIN, Vec::new());
    let mut used = vec![false; answer.lines.len()];
    let mut chosen: Vec<LineMark> = Vec::new();
    search_lines(chart, answer, 0, &mut used, &mut chosen, &mut best, &scored);
    best.1
}

/// Tries every way to pair key lines with the student's lines of the same code, keeping
/// the pairing with the most points.
fn search_lines(
    chart: &Chart,
    answer: &Answer,
    k: usize,
    used: &mut Vec<bool>,
    chosen: &mut Vec<LineMark>,
    best: &mut (i64, Vec<LineMark>),
    scored: &dyn Fn(usize, usize) -> LineMark,
) {
    if k == chart.lines.len() {
        let mut marks = chosen.clone();
        for (g, _) in answer.lines.iter().enumerate().filter(|(g, _)| !used[*g]) {
            marks.push(LineMark {
                key: None,
                given: Some(g),
                code: false,
                modifiers: false,
                units: false,
                pointers: false,
                points: -(EXTRA_DEDUCTION as i32),
            });
        }
        let total = marks.iter().map(|m| i64::from(m.points)).sum();
        if total > best.0 {
            *best = (total, marks);
        }
        return;
    }
    let key = &chart.lines[k];
    for g in 0..answer.lines.len() {
        if used[g] || !line_code_matches(key, &answer.lines[g].code) {
            continue;
        }
        used[g] = true;
        chosen.push(scored(k, g));
        search_lines(chart, answer, k + 1, used, chosen, best, scored);
        chosen.pop();
        used[g] = false;
    }
    chosen.push(LineMark {
        key: Some(k),
        given: None,
        code: false,
        modifiers: false,
        units: false,
        pointers: false,
        points: 0,
    });
    search_lines(chart, answer, k + 1, used, chosen, best, scored);
    chosen.pop();
}

fn line_code_matches(key: &KeyLine, code: &str) -> bool {
    let code = compact_code(code);
    compact_code(&key.code) == code || key.accept_codes.iter().any(|a| compact_code(a) == code)
}

/// The same modifiers, in any order, each once.
fn same_set(a: &[String], b: &[String]) -> bool {
    let a: Vec<String> = a
        .iter()
        .map(|m| compact_code(m))
        .filter(|m| !m.is_empty())
        .collect();
    let b: Vec<String> = b
        .iter()
        .map(|m| compact_code(m))
        .filter(|m| !m.is_empty())
        .collect();
    a.len() == b.len() && a.iter().all(|m| b.contains(m)) && b.iter().all(|m| a.contains(m))
}

fn line_mark(
    chart: &Chart,
    key: &KeyLine,
    k: usize,
    given: &AnswerLine,
    g: usize,
    typed_dx: &[String],
) -> LineMark {
    let modifiers = same_set(&given.modifiers, &key.modifiers)
        || key
            .accept_modifiers
            .iter()
            .any(|alt| same_set(&given.modifiers, alt));
    let units = given.units == key.units;
    // The key's pointers name key diagnoses; the student's name their own list.
    let key_targets: Vec<&KeyDiagnosis> = key
        .pointers
        .iter()
        .filter_map(|p| pointer_index(p).and_then(|i| chart.diagnoses.get(i)))
        .collect();
    let given_targets: Vec<&String> = given
        .pointers
        .iter()
        .filter_map(|p| pointer_index(&p.trim().to_ascii_uppercase()).and_then(|i| typed_dx.get(i)))
        .collect();
    let pointers = given_targets.len() == given.pointers.len()
        && given_targets.len() == key_targets.len()
        && given_targets
            .iter()
            .all(|code| key_targets.iter().any(|k| exact(k, code)))
        && key_targets
            .iter()
            .all(|k| given_targets.iter().any(|code| exact(k, code)));
    let points = 4 + 2 * (u32::from(modifiers) + u32::from(units) + u32::from(pointers));
    LineMark {
        key: Some(k),
        given: Some(g),
        code: true,
        modifiers,
        units,
        pointers,
        points: points as i32,
    }
}

impl DxVerdict {
    /// The verdict as shown to a learner.
    pub fn label(self) -> &'static str {
        match self {
            DxVerdict::Correct => "Correct",
            DxVerdict::WrongSpecificity => "Right category, wrong specificity",
            DxVerdict::Sequencing => "Sequencing error: this is the first-listed diagnosis",
            DxVerdict::Missing => "Missing",
            DxVerdict::Extra => "Extra: not supported by the documentation",
            DxVerdict::Unused => "Already counted",
            DxVerdict::Optional => "Optional: neither adds nor subtracts",
        }
    }
}

/// Splits typed modifiers or pointers ("25, RT" or "a b") into upper-case items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_uppercase)
        .collect()
}
