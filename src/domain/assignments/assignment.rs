//! An assignment: a title, Markdown instructions, a due date and a list of items with
//! optional pass marks.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::exams::blueprint::Mode;

/// The assignment format this version writes when every item is shipped content.
pub const ASSIGNMENT_FORMAT: u32 = 1;
/// The format with the instructor's own charts or questions, which Billable before
/// them cannot read (so it says "newer format" rather than failing on the item); the
/// newest this version reads.
pub const OWN_CONTENT_FORMAT: u32 = 2;

/// The format an assignment with these items is written in.
pub fn format_for(items: &[Item]) -> u32 {
    if items.iter().any(|i| i.own_key().is_some()) {
        OWN_CONTENT_FORMAT
    } else {
        ASSIGNMENT_FORMAT
    }
}

/// One thing to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Item {
    /// A lesson, by its id (`track/slug`); its score is the best score of its checks.
    Lesson {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
    /// A practice chart, by id; its score is the best attempt.
    Chart {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
    /// A claim exercise, by id; its score is the best claim.
    Claim {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
    /// An exam of a mode and seed (custom: with a question count and time limit).
    Exam {
        mode: Mode,
        seed: u64,
        #[serde(default)]
        count: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
    /// Review at least `reviews` cards of a flashcard deck.
    Deck { id: String, reviews: u32 },
    /// The instructor's own chart in the chart file format, coded like a practice
    /// chart; `id` names it as a chart file's name does.
    OwnChart {
        id: String,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
    /// The instructor's own questions in the question file format, taken as one quiz.
    OwnQuestions {
        id: String,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pass: Option<u32>,
    },
}

impl Item {
    /// A short label, e.g. "Chart fm-strep" or "CBCS-style exam, seed 42".
    pub fn label(&self) -> String {
        match self {
            Item::Lesson { id, .. } => format!("Lesson {id}"),
            Item::Chart { id, .. } => format!("Chart {id}"),
            Item::Claim { id, .. } => format!("Claim exercise {id}"),
            Item::Exam {
                mode,
                seed,
                count,
                minutes,
                ..
            } if *mode == Mode::Custom => {
                let time = minutes.map_or("untimed".to_string(), |m| format!("{m} minutes"));
                format!("Custom exam, seed {seed}: {count} questions, {time}")
            }
            Item::Exam { mode, seed, .. } => format!("{} exam, seed {seed}", mode.label()),
            Item::Deck { id, reviews } => format!("Flashcards {id}: {reviews} reviews"),
            Item::OwnChart { id, .. } => format!("Instructor's chart {id}"),
            Item::OwnQuestions { id, .. } => format!("Instructor's questions {id}"),
        }
    }

    /// For an instructor's own chart or questions: the key its work is kept under in
    /// progress, `own-<id>-<hash>`, from its id and the SHA-256 of its source, so a
    /// changed source starts afresh and two assignments' items never share records.
    pub fn own_key(&self) -> Option<String> {
        match self {
            Item::OwnChart { id, source, .. } | Item::OwnQuestions { id, source, .. } => {
                let hash = hex(&Sha256::digest(source.as_bytes()));
                Some(format!("own-{id}-{}", &hash[..8]))
            }
            _ => None,
        }
    }

    /// The pass mark, if any (a deck's goal is its own mark).
    pub fn pass(&self) -> Option<u32> {
        match self {
            Item::Lesson { pass, .. }
            | Item::Chart { pass, .. }
            | Item::Claim { pass, .. }
            | Item::Exam { pass, .. }
            | Item::OwnChart { pass, .. }
            | Item::OwnQuestions { pass, .. } => *pass,
            Item::Deck { .. } => Some(100),
        }
    }
}

/// An assignment as the instructor wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub format: u32,
    pub title: String,
    /// Markdown, rendered by the safe renderer.
    pub instructions: String,
    /// `YYYY-MM-DD`.
    pub due: String,
    pub items: Vec<Item>,
}

impl Assignment {
    /// The assignment's identity: the first 16 hex digits of the SHA-256 of its JSON,
    /// so a results file names exactly the assignment it answers.
    pub fn id(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        hex(&Sha256::digest(json.as_bytes()))[..16].to_string()
    }
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
