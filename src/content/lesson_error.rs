//! What can be wrong with a lesson file, named by file and line.

use thiserror::Error;

use crate::domain::tracks::Track;

/// A lesson file problem, displayed as `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}:{line}: {kind}")]
pub struct LessonError {
    /// The lesson file, relative to the repository root.
    pub path: String,
    /// The 1-based line the problem is on.
    pub line: usize,
    /// What is wrong.
    pub kind: LessonErrorKind,
}

/// The kinds of lesson file problems, each with a message saying how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LessonErrorKind {
    #[error(
        "lesson files are named content/lessons/<track>/<nn>-<slug>.md, with a two-digit nn and a lowercase slug"
    )]
    BadPath,
    #[error(
        "the folder says track \"{folder}\" but the front matter says \"{front}\"; move the file or fix its track"
    )]
    TrackMismatch { folder: String, front: String },
    #[error(
        "a lesson starts with a line of three dashes (---), then its front matter, then another ---"
    )]
    NoFrontMatter,
    #[error("the front matter is never closed: add a line of three dashes (---) after it")]
    UnclosedFrontMatter,
    #[error(
        "cannot read front matter line \"{0}\": write `key: value`, or `  - item` under objectives:"
    )]
    BadFrontMatterLine(String),
    #[error("unknown front matter key \"{0}\": use title, track, minutes, sections and objectives")]
    UnknownKey(String),
    #[error("\"{0}\" is given twice in the front matter")]
    DuplicateKey(String),
    #[error("the front matter needs \"{0}\"")]
    MissingKey(&'static str),
    #[error("\"{0}\" is empty in the front matter")]
    EmptyValue(&'static str),
    #[error("unknown track \"{0}\": use one of {slugs}", slugs = Track::slugs())]
    UnknownTrack(String),
    #[error("minutes must be a whole number from 1 to 240, not \"{0}\"")]
    BadMinutes(String),
    #[error(
        "unknown CMRS section \"{0}\": use the names in ../shared/domain/exams.md, separated by commas"
    )]
    UnknownSection(String),
    #[error("this check block is never closed: end it with a line of three backticks")]
    UnclosedCheck,
    #[error("unknown check kind \"{0}\": open a check with ```check or ```check multiple")]
    UnknownCheckKind(String),
    #[error("this check has no question: write it on the lines before the options")]
    CheckNoQuestion,
    #[error("this check needs at least two options, written `- [ ] text` or `- [x] text`")]
    CheckTooFewOptions,
    #[error("this check marks no option correct: mark the answer with `- [x]`")]
    CheckNoCorrect,
    #[error(
        "this check marks {0} options correct: mark exactly one, or open it with ```check multiple"
    )]
    CheckSeveralCorrect(usize),
    #[error("this check has no rationale: add a line starting `Rationale:` after the options")]
    CheckNoRationale,
    #[error("expected an option (`- [ ] text` / `- [x] text`) or `Rationale:`, found \"{0}\"")]
    CheckStrayLine(String),
    #[error("this glossary block is never closed: end it with a line of three backticks")]
    UnclosedGlossary,
    #[error(
        "cannot read glossary line \"{0}\": write `Term: definition`, with a term of at most 60 characters"
    )]
    BadGlossaryLine(String),
    #[error("this glossary block defines no terms: add `Term: definition` lines or remove it")]
    EmptyGlossary,
    #[error("this lesson has no knowledge checks, so it could never be completed")]
    NoChecks,
    #[error("another lesson already uses the id {0}; give this file a different slug")]
    DuplicateId(String),
    #[error("another lesson in this track already uses number {0:02}")]
    DuplicateOrder(u16),
}
