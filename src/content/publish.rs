//! Publishing lessons for the browser: Markdown rendered by the safe renderer, and the
//! files the app fetches (`index.json` and one JSON file per lesson).

use super::Catalog;
use super::markdown::render;
use crate::domain::lesson::{Block, Check, Lesson, TextFormat};

/// The path, under the published folder, of the catalogue index.
pub const INDEX_FILE: &str = "index.json";

/// The path, under the published folder, of one lesson's file.
pub fn lesson_file(key: &str) -> String {
    format!("{key}.json")
}

/// A lesson with its Markdown rendered to safe HTML.
pub fn publish(lesson: &Lesson) -> Lesson {
    let html = |text: &str| match lesson.text {
        TextFormat::Markdown => render(text),
        TextFormat::Html => text.to_string(),
    };
    Lesson {
        info: lesson.info.clone(),
        objectives: lesson.objectives.clone(),
        text: TextFormat::Html,
        blocks: lesson
            .blocks
            .iter()
            .map(|block| match block {
                Block::Prose(text) => Block::Prose(html(text)),
                Block::Check(i) => Block::Check(*i),
            })
            .collect(),
        checks: lesson
            .checks
            .iter()
            .map(|check| Check {
                question: html(&check.question),
                rationale: html(&check.rationale),
                ..check.clone()
            })
            .collect(),
    }
}

/// Every published file as (relative path, JSON text): the index, then each lesson.
pub fn published_files(catalog: &Catalog) -> Result<Vec<(String, String)>, serde_json::Error> {
    let mut files = vec![(
        INDEX_FILE.to_string(),
        serde_json::to_string(catalog.index())?,
    )];
    for lesson in catalog.lessons() {
        files.push((
            lesson_file(&lesson.info.id.key()),
            serde_json::to_string(&publish(lesson))?,
        ));
    }
    Ok(files)
}
