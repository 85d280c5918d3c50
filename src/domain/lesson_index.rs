//! The catalogue of lessons without their bodies: what the dashboard, the lesson list
//! and navigation need. Natively it comes from parsing; in the browser, from
//! `lessons/index.json`.

use serde::{Deserialize, Serialize};

use super::lesson::{LessonId, LessonInfo};
use super::tracks::Track;

/// Every lesson's catalogue entry, ordered by track and then by number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<LessonInfo>", into = "Vec<LessonInfo>")]
pub struct LessonIndex {
    lessons: Vec<LessonInfo>,
}

impl From<Vec<LessonInfo>> for LessonIndex {
    fn from(mut lessons: Vec<LessonInfo>) -> Self {
        lessons.sort_by_key(|l| (l.id.track, l.order));
        LessonIndex { lessons }
    }
}

impl From<LessonIndex> for Vec<LessonInfo> {
    fn from(index: LessonIndex) -> Self {
        index.lessons
    }
}

impl LessonIndex {
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
