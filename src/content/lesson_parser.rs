//! Turns a lesson file (front matter, Markdown, ```check and ```glossary blocks) into a
//! `Lesson`.

use super::front_matter;
use super::lesson_error::{LessonError, LessonErrorKind};
use crate::domain::lesson::{Block, Check, GlossaryTerm, Lesson, LessonId, LessonInfo, TextFormat};
use crate::domain::slug::is_slug;
use crate::domain::tracks::Track;

/// Parses the lesson file at `path` (relative to the repository root).
pub fn parse_lesson(path: &str, text: &str) -> Result<Lesson, LessonError> {
    let fail = |line: usize, kind: LessonErrorKind| LessonError {
        path: path.to_string(),
        line,
        kind,
    };
    let (folder, order, slug) =
        split_path(path).ok_or_else(|| fail(1, LessonErrorKind::BadPath))?;
    let lines: Vec<&str> = text.lines().collect();
    let (front, body_start) =
        front_matter::parse(&lines).map_err(|(line, kind)| fail(line, kind))?;
    if front.track.slug() != folder {
        let kind = LessonErrorKind::TrackMismatch {
            folder: folder.to_string(),
            front: front.track.slug().to_string(),
        };
        return Err(fail(1, kind));
    }
    let (blocks, checks) =
        parse_body(&lines, body_start).map_err(|(line, kind)| fail(line, kind))?;
    if checks.is_empty() {
        return Err(fail(body_start + 1, LessonErrorKind::NoChecks));
    }
    let words = blocks
        .iter()
        .map(|b| match b {
            Block::Prose(text) => count_words(text),
            Block::Check(_) | Block::Glossary(_) => 0,
        })
        .sum();
    let info = LessonInfo {
        id: LessonId {
            track: front.track,
            slug: slug.to_string(),
        },
        order,
        title: front.title,
        minutes: front.minutes,
        sections: front.sections,
        checks: checks.len(),
        words,
    };
    Ok(Lesson {
        info,
        objectives: front.objectives,
        text: TextFormat::Markdown,
        blocks,
        checks,
    })
}

/// Splits `.../<track>/<nn>-<slug>.md` into its track folder, number and slug.
fn split_path(path: &str) -> Option<(&str, u16, &str)> {
    let mut parts = path.rsplit('/');
    let file = parts.next()?.strip_suffix(".md")?;
    let folder = parts.next()?;
    Track::from_slug(folder)?;
    let (number, slug) = file.split_once('-')?;
    if number.len() != 2 || !is_slug(slug) {
        return None;
    }
    Some((folder, number.parse().ok()?, slug))
}

/// Counts words of prose: whitespace-separated tokens with a letter or digit in them.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

type Located = (usize, LessonErrorKind);

/// Splits the body into prose, checks and glossary blocks, honouring ordinary fenced code blocks so a
/// ```check line inside one is left alone.
fn parse_body(lines: &[&str], start: usize) -> Result<(Vec<Block>, Vec<Check>), Located> {
    let mut blocks = Vec::new();
    let mut checks = Vec::new();
    let mut prose = String::new();
    let mut fence: Option<String> = None;
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str())
                && trimmed.trim_start_matches(open.as_str()).is_empty()
            {
                fence = None;
            }
        } else if let Some(info) = trimmed.strip_prefix("```check") {
            let multiple = match info.trim() {
                "" => false,
                "multiple" => true,
                other => return Err((i + 1, LessonErrorKind::UnknownCheckKind(other.to_string()))),
            };
            let close = closing_fence(lines, i).ok_or((i + 1, LessonErrorKind::UnclosedCheck))?;
            flush(&mut prose, &mut blocks);
            checks.push(parse_check(&lines[i + 1..close], i + 1, multiple)?);
            blocks.push(Block::Check(checks.len() - 1));
            i = close + 1;
            continue;
        } else if trimmed == "```glossary" {
            let close =
                closing_fence(lines, i).ok_or((i + 1, LessonErrorKind::UnclosedGlossary))?;
            flush(&mut prose, &mut blocks);
            blocks.push(Block::Glossary(parse_glossary(
                &lines[i + 1..close],
                i + 1,
            )?));
            i = close + 1;
            continue;
        } else if let Some(marker) = fence_marker(trimmed) {
            fence = Some(marker);
        }
        prose.push_str(line);
        prose.push('\n');
        i += 1;
    }
    flush(&mut prose, &mut blocks);
    Ok((blocks, checks))
}

/// The line index of the plain ``` that closes the block opened at `open`.
fn closing_fence(lines: &[&str], open: usize) -> Option<usize> {
    lines[open + 1..]
        .iter()
        .position(|l| l.trim() == "```")
        .map(|p| open + 1 + p)
}

/// Parses the `Term: definition` lines of a glossary block; `open` is the 1-based line
/// of ```glossary.
fn parse_glossary(lines: &[&str], open: usize) -> Result<Vec<GlossaryTerm>, Located> {
    let mut terms = Vec::new();
    for (offset, line) in lines.iter().enumerate() {
        let number = open + 1 + offset;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (term, definition) = trimmed
            .split_once(": ")
            .map(|(t, d)| (t.trim(), d.trim()))
            .filter(|(t, d)| !t.is_empty() && !d.is_empty() && t.len() <= 60)
            .ok_or_else(|| {
                (
                    number,
                    LessonErrorKind::BadGlossaryLine(trimmed.to_string()),
                )
            })?;
        terms.push(GlossaryTerm {
            term: term.to_string(),
            definition: definition.to_string(),
            line: number,
        });
    }
    if terms.is_empty() {
        return Err((open, LessonErrorKind::EmptyGlossary));
    }
    Ok(terms)
}

/// The run of backticks or tildes that opens a fenced code block, if `line` opens one.
fn fence_marker(line: &str) -> Option<String> {
    let first = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run: String = line.chars().take_while(|c| *c == first).collect();
    (run.len() >= 3).then_some(run)
}

fn flush(prose: &mut String, blocks: &mut Vec<Block>) {
    if !prose.trim().is_empty() {
        blocks.push(Block::Prose(std::mem::take(prose)));
    }
    prose.clear();
}

/// Parses the lines between a check's fences; `open` is the 1-based line of ```check.
fn parse_check(lines: &[&str], open: usize, multiple: bool) -> Result<Check, Located> {
    let mut question = Vec::new();
    let mut options = Vec::new();
    let mut correct = Vec::new();
    let mut rationale: Option<Vec<&str>> = None;
    for (offset, line) in lines.iter().enumerate() {
        let number = open + 1 + offset;
        let trimmed = line.trim();
        if let Some(text) = rationale.as_mut() {
            text.push(trimmed);
        } else if let Some(rest) = strip_prefix_ignore_case(trimmed, "rationale:") {
            rationale = Some(vec![rest.trim()]);
        } else if let Some((is_correct, text)) = option_line(trimmed) {
            if is_correct {
                correct.push(options.len());
            }
            options.push(text.to_string());
        } else if trimmed.is_empty() {
            continue;
        } else if options.is_empty() {
            question.push(trimmed);
        } else {
            return Err((number, LessonErrorKind::CheckStrayLine(trimmed.to_string())));
        }
    }
    let question = question.join("\n");
    let rationale = rationale
        .map(|r| r.join("\n").trim().to_string())
        .unwrap_or_default();
    if question.is_empty() {
        return Err((open, LessonErrorKind::CheckNoQuestion));
    }
    if options.len() < 2 {
        return Err((open, LessonErrorKind::CheckTooFewOptions));
    }
    if correct.is_empty() {
        return Err((open, LessonErrorKind::CheckNoCorrect));
    }
    if !multiple && correct.len() > 1 {
        return Err((open, LessonErrorKind::CheckSeveralCorrect(correct.len())));
    }
    if rationale.is_empty() {
        return Err((open, LessonErrorKind::CheckNoRationale));
    }
    Ok(Check {
        question,
        options,
        correct,
        multiple,
        rationale,
        line: open,
    })
}

/// Reads `- [ ] text` or `- [x] text`, returning whether it is marked correct.
fn option_line(line: &str) -> Option<(bool, &str)> {
    let rest = line.strip_prefix("- [")?;
    let (mark, text) = rest.split_once("] ")?;
    let correct = match mark {
        " " => false,
        "x" | "X" => true,
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then_some((correct, text))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
