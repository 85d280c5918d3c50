//! Lessons: the catalogue entry every page needs, and the full lesson with its prose
//! and knowledge checks.

use serde::{Deserialize, Serialize};

use super::exam_sections::CmrsSection;
use super::tracks::Track;

/// A lesson's stable identity, `track/slug`. It omits the file's ordering number so
/// that renumbering a lesson file keeps the learner's progress.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
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

impl From<LessonId> for String {
    fn from(id: LessonId) -> Self {
        id.key()
    }
}

impl TryFrom<String> for LessonId {
    type Error = String;

    fn try_from(key: String) -> Result<Self, Self::Error> {
        let (track, slug) = key
            .split_once('/')
            .ok_or_else(|| format!("{key:?} is not track/slug"))?;
        let track = Track::from_slug(track).ok_or_else(|| format!("unknown track in {key:?}"))?;
        Ok(LessonId {
            track,
            slug: slug.to_string(),
        })
    }
}

/// What every page needs to know about a lesson without its body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonInfo {
    /// Where the lesson lives.
    pub id: LessonId,
    /// Its position within the track, from the file name's `nn-` prefix (left out of
    /// the published index, whose entries are already in order).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub order: u16,
    /// The lesson's title.
    pub title: String,
    /// Estimated minutes to read it and answer its checks.
    pub minutes: u16,
    /// The CMRS sections it prepares for (left out of the published index).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<CmrsSection>,
    /// How many knowledge checks it has.
    pub checks: usize,
    /// Words of prose, not counting front matter or checks (left out of the published
    /// index).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub words: usize,
}

/// True for a number's zero, which the published index leaves out.
fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}

/// How the text fields of a lesson are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextFormat {
    /// As parsed from a lesson file.
    Markdown,
    /// Rendered by the safe renderer, ready to insert into the page.
    Html,
}

/// One lesson, ready to render and grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// The catalogue entry.
    pub info: LessonInfo,
    /// What the learner will be able to do afterwards.
    pub objectives: Vec<String>,
    /// Whether `Block::Prose`, `Check::question` and `Check::rationale` hold Markdown
    /// (a parsed file) or safe HTML (a published lesson, see `content::publish`).
    pub text: TextFormat,
    /// Prose and checks, in the order they appear in the file.
    pub blocks: Vec<Block>,
    /// The knowledge checks; `Block::Check(i)` refers to `checks[i]`.
    pub checks: Vec<Check>,
}

/// A piece of a lesson's body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// Prose, in the lesson's `TextFormat`.
    Prose(String),
    /// The knowledge check at this index of `Lesson::checks`.
    Check(usize),
    /// Terms the lesson defines for the glossary, shown where the block stands. A
    /// published lesson carries them as rendered `Prose` instead, so this variant is
    /// never serialised, and the browser's wasm carries no code to read it.
    #[serde(skip)]
    Glossary(Vec<GlossaryTerm>),
}

/// A term a lesson defines, for its "Key terms" and the site-wide glossary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryTerm {
    /// The term as written, e.g. "Combining vowel".
    pub term: String,
    /// One line of plain text in our own words.
    pub definition: String,
    /// The 1-based line of the lesson file that defines it.
    pub line: usize,
}

impl Lesson {
    /// Every glossary term the lesson defines, in file order.
    pub fn glossary(&self) -> impl Iterator<Item = &GlossaryTerm> {
        self.blocks.iter().flat_map(|block| match block {
            Block::Glossary(terms) => terms.as_slice(),
            _ => &[],
        })
    }
}

/// A multiple-choice knowledge check with its rationale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The question, in the lesson's `TextFormat`.
    pub question: String,
    /// The options, as plain text, in the author's order.
    pub options: Vec<String>,
    /// Indices of the correct options; exactly one unless `multiple`.
    pub correct: Vec<usize>,
    /// Whether the learner must select every correct option ("select all that apply").
    pub multiple: bool,
    /// Why the answer is right, in the lesson's `TextFormat`; shown after answering.
    pub rationale: String,
    /// The line of the check block's opening fence, for error messages.
    pub line: usize,
}
