//! Every shipped lesson file validates, meets the minimums, and keeps the content rules.

use billable::content::{LESSON_SOURCES, catalog};
use billable::domain::lesson::Block;
use pulldown_cmark::{Event, Parser};

#[test]
fn every_lesson_file_parses() {
    match catalog() {
        Ok(catalog) => assert_eq!(catalog.lessons().len(), LESSON_SOURCES.len()),
        Err(errors) => panic!(
            "lesson files have errors:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
    assert!(
        LESSON_SOURCES.len() >= 3,
        "the three foundation lessons ship"
    );
}

#[test]
fn lessons_meet_the_minimums() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    for lesson in catalog.lessons() {
        let id = lesson.info.id.key();
        assert!(
            lesson.info.words >= 600,
            "{id} has {} words of prose; lessons need at least 600",
            lesson.info.words
        );
        assert!(
            lesson.checks.len() >= 4,
            "{id} has {} checks; lessons need at least 4",
            lesson.checks.len()
        );
        assert!(!lesson.objectives.is_empty(), "{id} needs objectives");
        for check in &lesson.checks {
            assert!(
                check.multiple || check.correct.len() == 1,
                "{id}: check at line {} needs exactly one answer",
                check.line
            );
            assert!(
                check.rationale.split_whitespace().count() >= 5,
                "{id}: check at line {} needs a real rationale",
                check.line
            );
        }
    }
}

#[test]
fn lessons_contain_no_raw_html() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    for lesson in catalog.lessons() {
        let texts = lesson.blocks.iter().filter_map(|b| match b {
            Block::Prose(text) => Some(text.clone()),
            Block::Check(_) => None,
        });
        let checks = lesson
            .checks
            .iter()
            .flat_map(|c| [c.question.clone(), c.rationale.clone()]);
        for text in texts.chain(checks) {
            for event in Parser::new(&text) {
                if let Event::Html(html) | Event::InlineHtml(html) = event {
                    panic!("{} contains raw HTML: {html:?}", lesson.info.id.key());
                }
            }
        }
    }
}

/// Finds runs of digits and dashes shaped like `pattern` (d = digit, - = dash) that are
/// not part of a longer run.
fn shaped<'a>(text: &'a str, pattern: &str) -> Vec<&'a str> {
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

#[test]
fn synthetic_data_rules() {
    assert_eq!(
        shaped("ssn 123-45-6789 here", "ddd-dd-dddd"),
        vec!["123-45-6789"]
    );
    assert_eq!(
        shaped("call 555-0142 or 212-555-0199", "ddd-dddd"),
        vec!["555-0142"]
    );
    for (path, text) in LESSON_SOURCES {
        assert!(
            shaped(text, "ddd-dd-dddd").is_empty(),
            "{path} has an SSN-shaped number"
        );
        for phone in shaped(text, "ddd-dddd")
            .into_iter()
            .chain(shaped(text, "ddd-ddd-dddd"))
        {
            let local = &phone[phone.len() - 8..];
            assert!(
                local.starts_with("555-01"),
                "{path}: phone number {phone} is not in 555-0100..555-0199"
            );
        }
    }
}

#[test]
fn stats_tool_reports_the_catalogue() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let stats = crate::support::tool(&["stats"]);
    assert_eq!(stats["lessons"], catalog.lessons().len());
    let checks: usize = catalog.lessons().iter().map(|l| l.checks.len()).sum();
    assert_eq!(stats["checks"], checks);
    assert_eq!(stats["cmrs_sections"].as_array().map(Vec::len), Some(16));
}

/// ICD-10-CM-shaped tokens in a text: a letter, a digit, a letter or digit, then
/// optionally a dot and up to four more. Range ends ("A00-B99") are skipped: they name
/// chapters and blocks, not codes.
fn icd_tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'.';
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !word(bytes[i]) || (i > 0 && word(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let end = (i..bytes.len())
            .find(|&j| !word(bytes[j]))
            .unwrap_or(bytes.len());
        let token = text[i..end].trim_end_matches('.');
        let b = token.as_bytes();
        let shaped = b.len() >= 3
            && b[0].is_ascii_uppercase()
            && b[1].is_ascii_digit()
            && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase())
            && (b.len() == 3
                || (b[3] == b'.'
                    && (5..=8).contains(&b.len())
                    && b[4..]
                        .iter()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())));
        let in_range = (i > 0 && bytes[i - 1] == b'-')
            || bytes.get(end) == Some(&b'-')
                && bytes.get(end + 1).is_some_and(|c| c.is_ascii_uppercase());
        if shaped && !in_range {
            tokens.push(token);
        }
        i = end;
    }
    tokens
}

/// The texts of a lesson that teach: prose, questions, rationales and correct
/// options. Wrong options are left out: a distractor may be a deliberately invalid code.
fn teaching_texts(lesson: &billable::domain::lesson::Lesson) -> Vec<&str> {
    let prose = lesson.blocks.iter().filter_map(|b| match b {
        Block::Prose(text) => Some(text.as_str()),
        Block::Check(_) => None,
    });
    let checks = lesson.checks.iter().flat_map(|c| {
        let correct = c
            .correct
            .iter()
            .filter_map(|&i| c.options.get(i))
            .map(String::as_str);
        [c.question.as_str(), c.rationale.as_str()]
            .into_iter()
            .chain(correct)
    });
    prose.chain(checks).collect()
}

#[test]
fn every_icd_code_in_lessons_exists() {
    use billable::domain::codes::validate::{Verdict, validate};
    assert_eq!(
        icd_tokens("E11.9, (Z16.-) A00-B99 S13.4XXA end."),
        vec!["E11.9", "Z16", "S13.4XXA"]
    );
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let set = crate::icd10cm::icd10cm();
    let mut checked = 0;
    for lesson in catalog.lessons() {
        for token in teaching_texts(lesson).into_iter().flat_map(icd_tokens) {
            let verdict = validate(set, token);
            let exists = !matches!(
                verdict,
                Verdict::Unknown { .. }
                    | Verdict::Malformed(_)
                    | Verdict::PlaceholderMissing { .. }
            );
            assert!(
                exists,
                "{}: {token} is not in the shipped ICD-10-CM: {}",
                lesson.info.id.key(),
                verdict.message()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 20,
        "expected the lessons to cite codes; checked {checked}"
    );
}
