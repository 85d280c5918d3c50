//! Lesson front matter: a small, strict subset of YAML between two `---` lines.
//!
//! ```text
//! ---
//! title: Medical word parts
//! track: medical-terminology
//! minutes: 25
//! sections: Medical Terminology, Acronyms
//! objectives:
//!   - Split a term into prefix, root, combining vowel and suffix
//! ---
//! ```

use super::lesson_error::LessonErrorKind;
use crate::domain::exam_sections::CmrsSection;
use crate::domain::tracks::Track;

/// The metadata at the top of a lesson file.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontMatter {
    /// The lesson's title.
    pub title: String,
    /// The track it belongs to.
    pub track: Track,
    /// Estimated minutes.
    pub minutes: u16,
    /// CMRS sections covered.
    pub sections: Vec<CmrsSection>,
    /// Learning objectives.
    pub objectives: Vec<String>,
}

/// A front-matter problem and the 1-based line it is on.
pub type Located = (usize, LessonErrorKind);

const KEYS: [&str; 5] = ["title", "track", "minutes", "sections", "objectives"];

/// Parses the front matter at the start of `lines`; returns it and the index of the
/// first body line.
pub fn parse(lines: &[&str]) -> Result<(FrontMatter, usize), Located> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err((1, LessonErrorKind::NoFrontMatter));
    }
    let close = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|p| p + 1)
        .ok_or((1, LessonErrorKind::UnclosedFrontMatter))?;

    let mut values: [Option<(usize, String)>; 5] = Default::default();
    let mut objectives: Option<(usize, Vec<String>)> = None;
    for (i, line) in lines.iter().enumerate().take(close).skip(1) {
        let number = i + 1;
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            let indented = line.starts_with(' ');
            match objectives.as_mut() {
                Some((_, items)) if indented => items.push(item.trim().to_string()),
                _ => {
                    return Err((
                        number,
                        LessonErrorKind::BadFrontMatterLine(line.to_string()),
                    ));
                }
            }
            continue;
        }
        let (key, value) = line.split_once(':').ok_or_else(|| {
            (
                number,
                LessonErrorKind::BadFrontMatterLine(line.to_string()),
            )
        })?;
        let key = key.trim();
        let value = value.trim();
        let slot = KEYS
            .iter()
            .position(|k| *k == key)
            .ok_or_else(|| (number, LessonErrorKind::UnknownKey(key.to_string())))?;
        let seen = if key == "objectives" {
            objectives.is_some()
        } else {
            values[slot].is_some()
        };
        if seen {
            return Err((number, LessonErrorKind::DuplicateKey(key.to_string())));
        }
        if key == "objectives" {
            if !value.is_empty() {
                return Err((
                    number,
                    LessonErrorKind::BadFrontMatterLine(line.to_string()),
                ));
            }
            objectives = Some((number, Vec::new()));
        } else if value.is_empty() {
            return Err((number, LessonErrorKind::EmptyValue(KEYS[slot])));
        } else {
            values[slot] = Some((number, value.to_string()));
        }
    }

    let [title, track, minutes, sections, _] = values;
    let missing = |key: &'static str| (1, LessonErrorKind::MissingKey(key));
    let (_, title) = title.ok_or_else(|| missing("title"))?;
    let (track_line, track_slug) = track.ok_or_else(|| missing("track"))?;
    let track = Track::from_slug(&track_slug)
        .ok_or((track_line, LessonErrorKind::UnknownTrack(track_slug)))?;
    let (minutes_line, minutes_text) = minutes.ok_or_else(|| missing("minutes"))?;
    let minutes = minutes_text
        .parse::<u16>()
        .ok()
        .filter(|m| (1..=240).contains(m))
        .ok_or((minutes_line, LessonErrorKind::BadMinutes(minutes_text)))?;
    let (sections_line, sections_text) = sections.ok_or_else(|| missing("sections"))?;
    let sections = sections_text
        .split(',')
        .map(|name| {
            CmrsSection::from_name(name).ok_or_else(|| {
                (
                    sections_line,
                    LessonErrorKind::UnknownSection(name.trim().to_string()),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let (objectives_line, objectives) = objectives.ok_or_else(|| missing("objectives"))?;
    if objectives.is_empty() || objectives.iter().any(String::is_empty) {
        return Err((objectives_line, LessonErrorKind::EmptyValue("objectives")));
    }
    Ok((
        FrontMatter {
            title,
            track,
            minutes,
            sections,
            objectives,
        },
        close + 1,
    ))
}
