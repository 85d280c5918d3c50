//! The catalogue of lessons without their bodies: what the dashboard, the lesson list
//! and navigation need. Natively it comes from parsing; in the browser, from
//! `lessons/index.json`.

use serde::{Deserialize, Serialize};

use super::lesson::{LessonId, LessonInfo};
use super::tracks::Track;

/// Every lesson's catalogue entry, ordered by track and then by number.
///
/// Its JSON (`lessons/index.json`, on the first page's critical path) carries only what
/// lists and navigation need: each entry's `sections`, `words` and `order` are left
/// out (entries are already in order), and a lesson page takes them from the lesson's
/// own file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<LessonInfo>", into = "Vec<LessonInfo>")]
pub struct LessonIndex {
    lessons: Vec<LessonInfo>,
}

/// Takes entries already in course order (`content::Catalog` sorts them, and the
/// published index keeps that order), so the browser's wasm needs no sort for it.
impl From<Vec<LessonInfo>> for LessonIndex {
    fn from(lessons: Vec<LessonInfo>) -> Self {
        LessonIndex { lessons }
    }
}

impl From<LessonIndex> for Vec<LessonInfo> {
    fn from(index: LessonIndex) -> Self {
        index
            .lessons
            .into_iter()
            .map(|l| LessonInfo {
                sections: Vec::new(),
                words: 0,
                order: 0,
                ..l
            })
            .collect()
    }
}

impl LessonIndex {
    /// The index as the browser reads it from `index.json`: without sections and words.
    pub fn published(&self) -> LessonIndex {
        LessonIndex::from(Vec::from(self.clone()))
    }

    /// All lessons, in course order.
    pub fn lessons(&self) -> &[LessonInfo] {
        &self.lessons
    }

    /// The lessons of one track, in order.
    pub fn in_track(&self, track: Track) -> impl Iterator<Item = &LessonInfo> {
        self.lessons.iter().filter(move |l| l.id.track == track)
    }

    /// Finds a lesson by the slugs in its URL.
    pub fn find(&self, track: &str, slug: &str) -> Option<&LessonInfo> {
        self.lessons
            .iter()
            .find(|l| l.id.track.slug() == track && l.id.slug == slug)
    }

    /// The lessons before and after `id` within its track.
    pub fn neighbours(&self, id: &LessonId) -> (Option<&LessonInfo>, Option<&LessonInfo>) {
        let track: Vec<&LessonInfo> = self.in_track(id.track).collect();
        let at = track.iter().position(|l| &l.id == id);
        let before = at
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| track.get(i).copied());
        let after = at.and_then(|i| track.get(i + 1).copied());
        (before, after)
    }
}
