//! Publishing: what the browser fetches is the safe rendering of each lesson file.

use billable::content::catalog;
use billable::content::markdown::render;
use billable::content::publish::{INDEX_FILE, lesson_file, publish, published_files};
use billable::domain::lesson::{Block, Lesson, TextFormat};
use billable::domain::lesson_index::LessonIndex;

use crate::support::sample_lesson;

#[test]
fn publishing_renders_every_text_field() {
    let lesson = sample_lesson();
    let published = publish(&lesson);
    assert_eq!(published.text, TextFormat::Html);
    assert_eq!(published.info, lesson.info);
    for (parsed, out) in lesson.blocks.iter().zip(&published.blocks) {
        match (parsed, out) {
            (Block::Prose(md), Block::Prose(html)) => assert_eq!(html, &render(md)),
            (Block::Check(a), Block::Check(b)) => assert_eq!(a, b),
            other => panic!("block kinds differ: {other:?}"),
        }
    }
    for (parsed, out) in lesson.checks.iter().zip(&published.checks) {
        assert_eq!(out.question, render(&parsed.question));
        assert_eq!(out.rationale, render(&parsed.rationale));
        assert_eq!(
            (&out.options, &out.correct, out.multiple),
            (&parsed.options, &parsed.correct, parsed.multiple)
        );
    }
    assert_eq!(
        publish(&published),
        published,
        "publishing twice changes nothing"
    );
}

#[test]
fn published_files_read_back() {
    let Ok(catalog) = catalog() else {
        panic!("catalogue must parse")
    };
    let files = published_files(catalog).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(files.len(), catalog.lessons().len() + 1);
    let (path, index) = &files[0];
    assert_eq!(path, INDEX_FILE);
    let index: LessonIndex =
        serde_json::from_str(index).unwrap_or_else(|e| panic!("index.json: {e}"));
    assert_eq!(&index, catalog.index());
    for (lesson, (path, json)) in catalog.lessons().iter().zip(&files[1..]) {
        assert_eq!(path, &lesson_file(&lesson.info.id.key()));
        let read: Lesson = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(read, publish(lesson));
    }
}
