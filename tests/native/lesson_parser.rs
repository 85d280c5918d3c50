//! Lesson files: what parses, and the file and line named for what does not.

use billable::content::lesson_error::LessonErrorKind;
use billable::content::lesson_parser::parse_lesson;
use billable::domain::exam_sections::CmrsSection;
use billable::domain::lesson::Block;
use billable::domain::tracks::Track;

use crate::support::{SAMPLE, sample_lesson};

const PATH: &str = "content/lessons/billing/01-sample.md";

/// Parses `text` at `path` and expects an error of `kind` on `line`.
fn check_error(path: &str, text: &str, line: usize, kind: LessonErrorKind) {
    match parse_lesson(path, text) {
        Ok(_) => panic!("expected {kind:?} at line {line}, but it parsed"),
        Err(e) => {
            assert_eq!((e.line, &e.kind), (line, &kind), "{e}");
            assert!(
                e.to_string().starts_with(&format!("{path}:{line}: ")),
                "{e}"
            );
        }
    }
}

/// The sample with `from` replaced by `to`.
fn sample_with(from: &str, to: &str) -> String {
    assert!(SAMPLE.contains(from), "{from:?} is not in the sample");
    SAMPLE.replacen(from, to, 1)
}

#[test]
fn parses_the_sample() {
    let lesson = sample_lesson();
    assert_eq!(lesson.info.id.track, Track::Billing);
    assert_eq!(lesson.info.id.key(), "billing/sample");
    assert_eq!(lesson.info.id.href(), "/learn/billing/sample");
    assert_eq!(lesson.info.order, 1);
    assert_eq!(lesson.info.title, "Sample lesson");
    assert_eq!(lesson.info.minutes, 10);
    assert_eq!(
        lesson.info.sections,
        vec![CmrsSection::Insurance, CmrsSection::General]
    );
    assert_eq!(lesson.objectives, vec!["Do one thing"]);
    assert_eq!(lesson.checks.len(), 3);
    assert_eq!(lesson.checks[0].correct, vec![1]);
    assert!(!lesson.checks[0].multiple);
    assert_eq!(lesson.checks[1].correct, vec![0, 1]);
    assert!(lesson.checks[1].multiple);
    assert_eq!(lesson.checks[1].line, 20);
    assert_eq!(lesson.checks[0].rationale, "Because.");
    assert_eq!(lesson.info.words, 8);
    let kinds: Vec<&str> = lesson
        .blocks
        .iter()
        .map(|b| match b {
            Block::Prose(_) => "prose",
            Block::Check(_) => "check",
            Block::Glossary(_) => "glossary",
        })
        .collect();
    assert_eq!(kinds, ["prose", "check", "prose", "check", "check"]);
}

#[test]
fn multi_line_questions_and_rationales() {
    let text = sample_with("First question?", "First line\nsecond line?").replacen(
        "Rationale: Because.",
        "Rationale: Because\nof *this*.",
        1,
    );
    let lesson = parse_lesson(PATH, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lesson.checks[0].question, "First line\nsecond line?");
    assert_eq!(lesson.checks[0].rationale, "Because\nof *this*.");
}

#[test]
fn check_fence_inside_a_code_block_is_prose() {
    let text = sample_with("More prose.", "````text\n```check\nnot a check\n```\n````");
    let lesson = parse_lesson(PATH, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(lesson.checks.len(), 3);
}

#[test]
fn path_errors() {
    for path in [
        "content/lessons/billing/sample.md",
        "content/lessons/billing/1-sample.md",
        "content/lessons/billing/01-Sample.md",
        "content/lessons/billing/01-sample.txt",
        "content/lessons/nursing/01-sample.md",
    ] {
        check_error(path, SAMPLE, 1, LessonErrorKind::BadPath);
    }
    check_error(
        "content/lessons/cpt/01-sample.md",
        SAMPLE,
        1,
        LessonErrorKind::TrackMismatch {
            folder: "cpt".into(),
            front: "billing".into(),
        },
    );
}

#[test]
fn front_matter_errors() {
    use LessonErrorKind::*;
    let cases: Vec<(String, usize, LessonErrorKind)> = vec![
        ("no front matter".into(), 1, NoFrontMatter),
        ("---\ntitle: x\n".into(), 1, UnclosedFrontMatter),
        (
            sample_with("track: billing", "track: nursing"),
            3,
            UnknownTrack("nursing".into()),
        ),
        (
            sample_with("minutes: 10", "minutes: ten"),
            4,
            BadMinutes("ten".into()),
        ),
        (
            sample_with("minutes: 10", "minutes: 0"),
            4,
            BadMinutes("0".into()),
        ),
        (
            sample_with(
                "sections: Insurance, General",
                "sections: Insurance, Billing",
            ),
            5,
            UnknownSection("Billing".into()),
        ),
        (
            sample_with("title: Sample lesson", "title: Sample lesson\nauthor: me"),
            3,
            UnknownKey("author".into()),
        ),
        (
            sample_with("minutes: 10", "minutes: 10\nminutes: 12"),
            5,
            DuplicateKey("minutes".into()),
        ),
        (
            sample_with("title: Sample lesson\n", ""),
            1,
            MissingKey("title"),
        ),
        (
            sample_with("title: Sample lesson", "title:"),
            2,
            EmptyValue("title"),
        ),
        (
            sample_with("  - Do one thing\n", ""),
            6,
            EmptyValue("objectives"),
        ),
        (
            sample_with("title: Sample lesson", "just words"),
            2,
            BadFrontMatterLine("just words".into()),
        ),
    ];
    for (text, line, kind) in cases {
        check_error(PATH, &text, line, kind);
    }
}

#[test]
fn check_block_errors() {
    use LessonErrorKind::*;
    let cases: Vec<(String, usize, LessonErrorKind)> = vec![
        (
            sample_with("```check\nFirst", "```check maybe\nFirst"),
            11,
            UnknownCheckKind("maybe".into()),
        ),
        (sample_with("First question?\n", ""), 11, CheckNoQuestion),
        (sample_with("- [ ] wrong\n", ""), 11, CheckTooFewOptions),
        (
            sample_with("- [x] right", "- [ ] right"),
            11,
            CheckNoCorrect,
        ),
        (
            sample_with("- [ ] wrong", "- [x] wrong"),
            11,
            CheckSeveralCorrect(2),
        ),
        (
            sample_with("Rationale: Because.\n", ""),
            11,
            CheckNoRationale,
        ),
        (
            sample_with("- [x] right\n", "- [x] right\nstray words\n"),
            15,
            CheckStrayLine("stray words".into()),
        ),
        (
            format!("{}```check\nUnclosed?\n", SAMPLE),
            34,
            UnclosedCheck,
        ),
    ];
    for (text, line, kind) in cases {
        check_error(PATH, &text, line, kind);
    }
    let no_checks = SAMPLE
        .split("```check")
        .next()
        .unwrap_or_default()
        .to_string();
    check_error(PATH, &no_checks, 9, NoChecks);
}

#[test]
fn glossary_blocks_hold_terms_with_their_lines() {
    let text = SAMPLE.replacen(
        "More prose.",
        "More prose.\n\n```glossary\nPayer: Who pays the claim.\n\nClaim: A bill: to a payer.\n```",
        1,
    );
    let lesson = parse_lesson(PATH, &text).unwrap_or_else(|e| panic!("{e}"));
    let terms: Vec<_> = lesson
        .glossary()
        .map(|t| (t.term.as_str(), t.definition.as_str(), t.line))
        .collect();
    assert_eq!(
        terms,
        [
            ("Payer", "Who pays the claim.", 21),
            ("Claim", "A bill: to a payer.", 23)
        ]
    );
    assert_eq!(lesson.info.words, 8, "glossary lines are not prose");
    let cases = [
        (
            "```glossary\nNo separator here\n```",
            19,
            "cannot read glossary line",
        ),
        ("```glossary\n```", 18, "defines no terms"),
    ];
    for (block, line, message) in cases {
        let text = SAMPLE.replacen("More prose.", block, 1);
        let error = parse_lesson(PATH, &text)
            .err()
            .map(|e| (e.line, e.to_string()));
        assert!(
            error
                .as_ref()
                .is_some_and(|(l, m)| *l == line && m.contains(message)),
            "{block:?} gave {error:?}"
        );
    }
    let unclosed = format!("{SAMPLE}\n```glossary\nPayer: Who pays.\n");
    let error = parse_lesson(PATH, &unclosed).err().map(|e| e.line);
    assert_eq!(error, Some(SAMPLE.lines().count() + 2));
}
