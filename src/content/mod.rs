//! The shipped content, compiled in: lesson files parsed into a catalogue, the safe
//! Markdown renderer, and statistics for the native tool.

pub mod front_matter;
pub mod lesson_error;
pub mod lesson_parser;
pub mod markdown;
pub mod stats;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::domain::lesson::Lesson;
use crate::domain::tracks::Track;
use lesson_error::{LessonError, LessonErrorKind};

include!(concat!(env!("OUT_DIR"), "/lesson_sources.rs"));

/// Every lesson, ordered by track and then by the number in its file name.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    lessons: Vec<Lesson>,
}

impl Catalog {
    /// Parses lesson sources given as (path, text), collecting every error.
    pub fn parse(sources: &[(&str, &str)]) -> Result<Catalog, Vec<LessonError>> {
        let mut lessons = Vec::new();
        let mut errors = Vec::new();
        let mut ids = HashSet::new();
        let mut orders = HashSet::new();
        for (path, text) in sources {
            match lesson_parser::parse_lesson(path, text) {
                Ok(lesson) => {
                    let fail = |kind| LessonError {
                        path: path.to_string(),
                        line: 1,
                        kind,
                    };
                    if !ids.insert(lesson.id.key()) {
                        errors.push(fail(LessonErrorKind::DuplicateId(lesson.id.key())));
                    } else if !orders.insert((lesson.id.track, lesson.order)) {
                        errors.push(fail(LessonErrorKind::DuplicateOrder(lesson.order)));
                    } else {
                        lessons.push(lesson);
                    }
                }
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        lessons.sort_by_key(|l| (l.id.track, l.order));
        Ok(Catalog { lessons })
    }

    /// All lessons, in course order.
    pub fn lessons(&self) -> &[Lesson] {
        &self.lessons
    }

    /// The lessons of one track, in order.
    pub fn in_track(&self, track: Track) -> impl Iterator<Item = &Lesson> {
        self.lessons.iter().filter(move |l| l.id.track == track)
    }

    /// Finds a lesson by the slugs in its URL.
    pub fn find(&self, track: &str, slug: &str) -> Option<&Lesson> {
        self.lessons
            .iter()
            .find(|l| l.id.track.slug() == track && l.id.slug == slug)
    }

    /// The lessons before and after `lesson` within its track.
    pub fn neighbours(&self, lesson: &Lesson) -> (Option<&Lesson>, Option<&Lesson>) {
        let track: Vec<&Lesson> = self.in_track(lesson.id.track).collect();
        let at = track.iter().position(|l| l.id == lesson.id);
        let before = at
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| track.get(i).copied());
        let after = at.and_then(|i| track.get(i + 1).copied());
        (before, after)
    }
}

/// The shipped catalogue, parsed once. Tests guarantee it parses; if it ever does not,
/// the errors are returned for the app to show instead of panicking.
pub fn catalog() -> Result<&'static Catalog, &'static [LessonError]> {
    static CATALOG: OnceLock<Result<Catalog, Vec<LessonError>>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Catalog::parse(LESSON_SOURCES))
        .as_ref()
        .map_err(Vec::as_slice)
}
