//! Publishing: what the browser fetches is the safe rendering of each lesson file.

use billable::content::catalog;
use billable::content::markdown::render;
use billable::content::publish::{
    GLOSSARY_FILE, INDEX_FILE, SEARCH_FILE, lesson_file, publish, published_files, search_docs,
};
use billable::domain::lesson::{Block, Lesson, TextFormat};
use billable::domain::lesson_index::LessonIndex;
use billable::domain::lesson_search::SearchDoc;

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
    assert_eq!(files.len(), catalog.lessons().len() + 3);
    let (path, index) = &files[0];
    assert_eq!(path, INDEX_FILE);
    let index: LessonIndex =
        serde_json::from_str(index).unwrap_or_else(|e| panic!("index.json: {e}"));
    assert_eq!(index, catalog.index().published());
    assert!(
        index
            .lessons()
            .iter()
            .all(|l| l.sections.is_empty() && l.words == 0 && l.order == 0)
    );
    assert_eq!(index.lessons().len(), catalog.lessons().len());
    assert_eq!(files[1].0, GLOSSARY_FILE);
    assert!(files[1].1.contains("<dt id=\"combining-vowel\">"));
    assert_eq!(files[2].0, SEARCH_FILE);
    let docs: Vec<SearchDoc> =
        serde_json::from_str(&files[2].1).unwrap_or_else(|e| panic!("search.json: {e}"));
    assert_eq!(docs, search_docs(catalog));
    assert_eq!(docs.len(), catalog.lessons().len());
    for (lesson, (path, json)) in catalog.lessons().iter().zip(&files[3..]) {
        assert_eq!(path, &lesson_file(&lesson.info.id.key()));
        let read: Lesson = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(read, publish(lesson));
    }
}

#[test]
fn glossary_marks_become_links_and_blocks_become_key_terms() {
    use billable::content::lesson_parser::parse_lesson;
    let text = crate::support::SAMPLE
        .replacen(
            "More prose.",
            "A [[payer|Payer]] pays <b>.\n\n```glossary\nPayer: Who pays the <claim>.\n```",
            1,
        )
        .replacen("- [x] right", "- [x] the [[Payer]]", 1);
    let lesson = parse_lesson("content/lessons/billing/01-sample.md", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    let published = publish(&lesson);
    let html: Vec<&str> = published
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Prose(html) => Some(html.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        html.iter()
            .any(|h| h.contains("A <a href=\"/glossary#payer\">payer</a> pays &lt;b&gt;.")),
        "{html:?}"
    );
    assert!(
        html.iter().any(|h| h.contains(
            "<dt><a href=\"/glossary#payer\">Payer</a></dt><dd>Who pays the &lt;claim&gt;.</dd>"
        )),
        "{html:?}"
    );
    assert_eq!(published.checks[0].options[1], "the Payer");
}
