//! A parsed lesson: its metadata, its prose and its knowledge checks.

use super::exam_sections::CmrsSection;
use super::tracks::Track;

/// A lesson's stable identity, `track/slug`. It omits the file's ordering number so
/// that renumbering a lesson file keeps the learner's progress.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LessonId {
    /// The track the lesson belongs to.
    pub track: Track,
    /// The file name's slug, without the `nn-` prefix or `.md`.
    pub slug: String,
}

impl LessonId {
    /// The key used in saved progress, e.g. `billing/life-of-a-claim`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.track.slug(), self.slug)
    }

    /// The lesson page's URL path.
    pub fn href(&self) -> String {
        format!("/learn/{}", self.key())
    }
}

/// One lesson, ready to render and grade.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Where the lesson lives.
    pub id: LessonId,
    /// Its position within the track, from the file name's `nn-` prefix.
    pub order: u16,
    /// The lesson's title.
    pub title: String,
    /// Estimated minutes to read it and answer its checks.
    pub minutes: u16,
    /// The CMRS sections it prepares for.
    pub sections: Vec<CmrsSection>,
    /// What the learner will be able to do afterwards.
    pub objectives: Vec<String>,
    /// Prose and checks, in the order they appear in the file.
    pub blocks: Vec<Block>,
    /// The knowledge checks; `Block::Check(i)` refers to `checks[i]`.
    pub checks: Vec<Check>,
    /// Words of prose, not counting front matter or checks.
    pub words: usize,
}

/// A piece of a lesson's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Markdown prose, rendered by the safe renderer.
    Prose(String),
    /// The knowledge check at this index of `Lesson::checks`.
    Check(usize),
}

/// A multiple-choice knowledge check with its rationale.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The question, as Markdown.
    pub question: String,
    /// The options, as plain text, in the author's order.
    pub options: Vec<String>,
    /// Indices of the correct options; exactly one unless `multiple`.
    pub correct: Vec<usize>,
    /// Whether the learner must select every correct option ("select all that apply").
    pub multiple: bool,
    /// Why the answer is right, as Markdown; shown after answering.
    pub rationale: String,
    /// The line of the check block's opening fence, for error messages.
    pub line: usize,
}
