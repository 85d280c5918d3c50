//! The content rules every lesson file must keep, checked in one place for the tests,
//! for `billable-tool lint` and, later, for instructors' own material.
//!
//! Rules: the file parses; at least 600 words of prose and 4 checks, each with a real
//! rationale; no raw HTML; no SSN-shaped numbers or phone numbers outside 555-0100 to
//! 555-0199; every code taught exists in the shipped sets (ICD-10-CM codes in backticks
//! must be billable); glossary terms are defined once, marked where defined, and every
//! mark names a defined term.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Options, Parser};
use thiserror::Error;

use super::Catalog;
use super::glossary::{marks, slug};
use super::icd_facts::IcdFacts;
use super::lesson_error::LessonErrorKind;
use super::lesson_parser::parse_lesson;
use crate::domain::claims::scrub::CodeLists as ReferenceLists;
use crate::domain::codes::cpt::{CptCode, is_cpt_shaped};
use crate::domain::codes::hcpcs::{HcpcsCode, is_hcpcs_shaped};
use crate::domain::codes::icd10cm::Icd10Cm;
use crate::domain::lesson::Lesson;

/// Fewest words of prose in a lesson.
pub const MIN_WORDS: usize = 600;
/// Fewest knowledge checks in a lesson.
pub const MIN_CHECKS: usize = 4;

/// The code sets lessons and questions are checked against.
pub struct CodeLists<'a> {
    icd10cm: &'a dyn IcdFacts,
    lists: ReferenceLists,
}

impl<'a> CodeLists<'a> {
    /// The sets from the parsed ICD-10-CM data and the CPT and HCPCS lists.
    pub fn new(icd10cm: &'a Icd10Cm, cpt: &[CptCode], hcpcs: &[HcpcsCode]) -> Self {
        Self::from_facts(icd10cm, &ReferenceLists::new(cpt, hcpcs, &[], &[]))
    }

    /// The sets as the browser has them: ICD-10-CM answers from the search worker,
    /// and the reference lists as the claim scrubber reads them.
    pub fn from_facts(icd10cm: &'a dyn IcdFacts, lists: &ReferenceLists) -> Self {
        CodeLists {
            icd10cm,
            lists: lists.clone(),
        }
    }
}

/// A broken rule, displayed as `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}:{line}: {kind}")]
pub struct LintProblem {
    /// The lesson file.
    pub path: String,
    /// The 1-based line.
    pub line: usize,
    /// Which rule, and how to mend it.
    pub kind: LintKind,
}

/// The rules a lesson can break, each with a message saying how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LintKind {
    #[error("{0}")]
    Parse(LessonErrorKind),
    #[error("the lesson has {0} words of prose; it needs at least {MIN_WORDS}")]
    TooFewWords(usize),
    #[error("the lesson has {0} knowledge checks; it needs at least {MIN_CHECKS}")]
    TooFewChecks(usize),
    #[error("this check's rationale is too short to explain the answer: write a full sentence")]
    ThinRationale,
    #[error("raw HTML {0:?}: lessons are Markdown only; write the text without tags")]
    RawHtml(String),
    #[error("{0} is shaped like a Social Security number; use an obviously fake member id")]
    SsnShaped(String),
    #[error("phone number {0} is not a fictional one: use 555-0100 to 555-0199")]
    RealPhone(String),
    #[error("{code} is not in the shipped ICD-10-CM: {message}")]
    IcdUnknown { code: String, message: String },
    #[error(
        "`{code}` is in backticks, which presents it as reportable, but {message}; give a billable code, or write a category without backticks"
    )]
    IcdNotReportable { code: String, message: String },
    #[error("HCPCS {0} is not in content/codes/hcpcs.tsv: use a listed code")]
    HcpcsUnknown(String),
    #[error("CPT {0} is not in content/codes/cpt.tsv: use a listed code")]
    CptUnknown(String),
    #[error(
        "the term \"{term}\" is already defined in {first}; mark it with [[...]] instead of defining it again"
    )]
    TermDefinedTwice { term: String, first: String },
    #[error(
        "[[{0}]] marks a term no lesson defines: define it in a ```glossary block or fix the mark"
    )]
    UnknownTerm(String),
    #[error(
        "the term \"{0}\" is defined here but never marked in this lesson: mark a use of it with [[...]]"
    )]
    TermNeverMarked(String),
    #[error("the term \"{0}\" needs a letter or digit to link by")]
    TermUnlinkable(String),
}

/// Checks every lesson source (path, text) and returns every broken rule, in file order.
pub fn lint(sources: &[(&str, &str)], codes: &CodeLists<'_>) -> Vec<LintProblem> {
    let mut problems = Vec::new();
    let mut lessons = Vec::new();
    for (path, text) in sources {
        let at = |line, kind| LintProblem {
            path: path.to_string(),
            line,
            kind,
        };
        match parse_lesson(path, text) {
            Ok(lesson) => {
                problems.extend(
                    lesson_rules(&lesson)
                        .into_iter()
                        .chain(text_rules(text, codes))
                        .map(|(line, kind)| at(line, kind)),
                );
                lessons.push((*path, *text, lesson));
            }
            Err(e) => problems.push(at(e.line, LintKind::Parse(e.kind))),
        }
    }
    if let Err(errors) = Catalog::parse(sources) {
        problems.extend(errors.into_iter().filter_map(|e| match e.kind {
            LessonErrorKind::DuplicateId(_) | LessonErrorKind::DuplicateOrder(_) => {
                Some(LintProblem {
                    path: e.path,
                    line: e.line,
                    kind: LintKind::Parse(e.kind),
                })
            }
            _ => None,
        }));
    }
    problems.extend(glossary_rules(&lessons));
    problems
}

type Found = (usize, LintKind);

/// Minimums on words, checks and rationales.
fn lesson_rules(lesson: &Lesson) -> Vec<Found> {
    let mut found = Vec::new();
    if lesson.info.words < MIN_WORDS {
        found.push((1, LintKind::TooFewWords(lesson.info.words)));
    }
    if lesson.checks.len() < MIN_CHECKS {
        found.push((1, LintKind::TooFewChecks(lesson.checks.len())));
    }
    for check in &lesson.checks {
        if check.rationale.split_whitespace().count() < 5 {
            found.push((check.line, LintKind::ThinRationale));
        }
    }
    found
}

/// Rules read from the file's lines: raw HTML, synthetic data and codes.
fn text_rules(text: &str, codes: &CodeLists<'_>) -> Vec<Found> {
    let mut found = raw_html(text);
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        found.extend(synthetic_data(line).into_iter().map(|k| (number, k)));
        // A wrong option may hold a deliberately wrong code.
        if line.trim_start().starts_with("- [ ]") {
            continue;
        }
        for (segment, in_backticks) in line.split('`').zip([false, true].into_iter().cycle()) {
            found.extend(
                code_rules(segment, in_backticks, in_backticks, codes)
                    .into_iter()
                    .map(|k| (number, k)),
            );
        }
    }
    found
}

/// The codes in one stretch of a line, in backticks (marked as codes) or not. With
/// `reportable`, an ICD-10-CM code must also be billable.
pub(crate) fn code_rules(
    segment: &str,
    in_backticks: bool,
    reportable: bool,
    codes: &CodeLists<'_>,
) -> Vec<LintKind> {
    let mut found = Vec::new();
    for token in tokens(segment) {
        let code = token.text;
        if is_icd_shaped(code) {
            if token.in_range {
                continue;
            }
            let fact = codes.icd10cm.fact(code);
            if !fact.exists {
                found.push(LintKind::IcdUnknown {
                    code: code.to_string(),
                    message: fact.message,
                });
            } else if reportable && !fact.billable {
                found.push(LintKind::IcdNotReportable {
                    code: code.to_string(),
                    message: fact.message,
                });
            }
        } else if is_hcpcs_shaped(code) {
            if !codes.lists.hcpcs.contains(code) {
                found.push(LintKind::HcpcsUnknown(code.to_string()));
            }
        } else if is_cpt_shaped(code) {
            // Unmarked five-digit numbers below 70000 look like ZIP codes and amounts,
            // and range ends ("12001-13160") name families, not codes.
            let checked =
                in_backticks || (!token.in_range && matches!(code.as_bytes()[0], b'7'..=b'9'));
            if checked && !codes.lists.cpt.contains(code) {
                found.push(LintKind::CptUnknown(code.to_string()));
            }
        }
    }
    found
}

/// A word of a line that may be a code.
struct Token<'a> {
    text: &'a str,
    /// Joined to a neighbour by a dash: one end of a range such as A00-B99.
    in_range: bool,
}

/// Splits text into runs of letters, digits and dots, without trailing dots.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'.';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !word(bytes[i]) {
            i += 1;
            continue;
        }
        let end = (i..bytes.len())
            .find(|&j| !word(bytes[j]))
            .unwrap_or(bytes.len());
        let token = text[i..end].trim_end_matches('.');
        let dash_before =
            i > 0 && bytes[i - 1] == b'-' && i > 1 && bytes[i - 2].is_ascii_alphanumeric();
        let dash_after = bytes.get(end) == Some(&b'-')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric);
        out.push(Token {
            text: token,
            in_range: dash_before || dash_after,
        });
        i = end;
    }
    out
}

/// True for an ICD-10-CM-shaped token: a capital letter, a digit, a digit or capital,
/// then optionally a dot and one to four more.
pub fn is_icd_shaped(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase())
        && (b.len() == 3
            || (b[3] == b'.'
                && (5..=8).contains(&b.len())
                && b[4..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())))
}

/// SSN-shaped numbers and phone numbers outside 555-0100 to 555-0199 in one line: the
/// synthetic-data rule lessons and charts share.
pub fn synthetic_data(line: &str) -> Vec<LintKind> {
    let ssns = shaped(line, "ddd-dd-dddd")
        .into_iter()
        .map(|ssn| LintKind::SsnShaped(ssn.to_string()));
    let phones = shaped(line, "ddd-dddd")
        .into_iter()
        .chain(shaped(line, "ddd-ddd-dddd"))
        .filter(|phone| !phone[phone.len() - 8..].starts_with("555-01"))
        .map(|phone| LintKind::RealPhone(phone.to_string()));
    ssns.chain(phones).collect()
}

/// Runs of digits and dashes shaped like `pattern` (d = digit, - = dash) that are not
/// part of a longer run.
pub fn shaped<'a>(text: &'a str, pattern: &str) -> Vec<&'a str> {
    let bytes = text.as_bytes();
    let n = pattern.len();
    (0..bytes.len().saturating_sub(n - 1))
        .filter(|&i| {
            let fits = pattern.bytes().zip(&bytes[i..i + n]).all(|(p, b)| {
                if p == b'd' {
                    b.is_ascii_digit()
                } else {
                    *b == p
                }
            });
            let edge = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_digit() && *b != b'-');
            fits && edge(i.checked_sub(1).and_then(|j| bytes.get(j))) && edge(bytes.get(i + n))
        })
        .map(|i| &text[i..i + n])
        .collect()
}

/// Raw HTML anywhere in the body, checks and glossary blocks included: their fences
/// are blanked so their contents parse as Markdown.
fn raw_html(text: &str) -> Vec<Found> {
    let lines: Vec<&str> = text.lines().collect();
    let front_end = match lines.first() {
        Some(first) if first.trim() == "---" => lines
            .iter()
            .skip(1)
            .position(|l| l.trim() == "---")
            .map_or(0, |p| p + 2),
        _ => 0,
    };
    let mut blanked = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let fence = t.starts_with("```check") || t == "```glossary" || t == "```";
        if i >= front_end && !fence {
            blanked.push_str(line);
        }
        blanked.push('\n');
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(&blanked, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Html(html) | Event::InlineHtml(html) => Some((
                blanked[..range.start].matches('\n').count() + 1,
                LintKind::RawHtml(html.trim().to_string()),
            )),
            _ => None,
        })
        .collect()
}

/// Terms defined once, marked where defined, and marks that name defined terms.
fn glossary_rules(lessons: &[(&str, &str, Lesson)]) -> Vec<LintProblem> {
    let mut problems = Vec::new();
    let mut defined: HashMap<String, &str> = HashMap::new();
    for (path, _, lesson) in lessons {
        for term in lesson.glossary() {
            let key = slug(&term.term);
            let at = |kind| LintProblem {
                path: path.to_string(),
                line: term.line,
                kind,
            };
            if key.is_empty() {
                problems.push(at(LintKind::TermUnlinkable(term.term.clone())));
            } else if let Some(first) = defined.get(&key) {
                problems.push(at(LintKind::TermDefinedTwice {
                    term: term.term.clone(),
                    first: first.to_string(),
                }));
            } else {
                defined.insert(key, path);
            }
        }
    }
    for (path, text, lesson) in lessons {
        let mut marked = HashSet::new();
        for (i, line) in text.lines().enumerate() {
            for (_, mark) in marks(line) {
                let key = slug(mark.term);
                if !defined.contains_key(&key) {
                    problems.push(LintProblem {
                        path: path.to_string(),
                        line: i + 1,
                        kind: LintKind::UnknownTerm(mark.term.to_string()),
                    });
                }
                marked.insert(key);
            }
        }
        for term in lesson.glossary() {
            if !marked.contains(&slug(&term.term)) {
                problems.push(LintProblem {
                    path: path.to_string(),
                    line: term.line,
                    kind: LintKind::TermNeverMarked(term.term.clone()),
                });
            }
        }
    }
    problems
}
