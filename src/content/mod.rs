//! The shipped content: lesson files parsed into a catalogue, the safe Markdown
//! renderer, publishing for the browser, and statistics for the native tool.
//!
//! Lesson sources are compiled into native builds (tests and `billable-tool`). The
//! browser never parses them: it fetches what `publish` produced at build time.

pub mod charts;
pub mod claims;
pub mod flashcards;
pub mod front_matter;
pub mod glossary;
#[cfg(not(target_arch = "wasm32"))]
pub mod icd10cm_xml;
pub mod icd_facts;
pub mod lesson_error;
pub mod lesson_parser;
pub mod lint;
pub mod own;
pub use crate::markdown;
pub mod publish;
pub mod questions;
pub mod stats;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::domain::lesson::Lesson;
use crate::domain::lesson_index::LessonIndex;
use lesson_error::{LessonError, LessonErrorKind};

include!(concat!(env!("OUT_DIR"), "/lesson_sources.rs"));

/// Every lesson, parsed, with its index.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    lessons: Vec<Lesson>,
    index: LessonIndex,
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
                    let info = &lesson.info;
                    let fail = |kind| LessonError {
                        path: path.to_string(),
                        line: 1,
                        kind,
                    };
                    if !ids.insert(info.id.key()) {
                        errors.push(fail(LessonErrorKind::DuplicateId(info.id.key())));
                    } else if !orders.insert((info.id.track, info.order)) {
                        errors.push(fail(LessonErrorKind::DuplicateOrder(info.order)));
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
        lessons.sort_by_key(|l| (l.info.id.track, l.info.order));
        let index = LessonIndex::from(lessons.iter().map(|l| l.info.clone()).collect::<Vec<_>>());
        Ok(Catalog { lessons, index })
    }

    /// All lessons, in course order.
    pub fn lessons(&self) -> &[Lesson] {
        &self.lessons
    }

    /// The catalogue entries, in course order.
    pub fn index(&self) -> &LessonIndex {
        &self.index
    }
}

/// The shipped catalogue, parsed once; `Err` lists every broken lesson file.
pub fn catalog() -> Result<&'static Catalog, &'static [LessonError]> {
    static CATALOG: OnceLock<Result<Catalog, Vec<LessonError>>> = OnceLock::new();
    CATALOG
        .get_or_init(|| Catalog::parse(LESSON_SOURCES))
        .as_ref()
        .map_err(Vec::as_slice)
}
