//! Publishing lessons for the browser: Markdown rendered by the safe renderer, and the
//! files the app fetches (`index.json` and one JSON file per lesson).

use super::Catalog;
use super::glossary::{Mark, build, key_terms_html, link_marks, page_html, replace_marks};
use super::markdown::render;
use crate::domain::lesson::{Block, Check, Lesson, TextFormat};
use crate::domain::lesson_search::SearchDoc;

/// The path, under the published folder, of the catalogue index.
pub const INDEX_FILE: &str = "index.json";

/// The path, under the published folder, of one lesson's file.
pub fn lesson_file(key: &str) -> String {
    format!("{key}.json")
}

/// The path, under the published folder, of the glossary page's HTML.
pub const GLOSSARY_FILE: &str = "glossary.html";

/// The path, under the published folder, of the lessons' search text.
pub const SEARCH_FILE: &str = "search.json";

/// A lesson with its Markdown rendered to safe HTML: glossary marks become links to
/// their entries, and each glossary block becomes its "Key terms" list.
pub fn publish(lesson: &Lesson) -> Lesson {
    let html = |text: &str| match lesson.text {
        TextFormat::Markdown => render(&link_marks(text)),
        TextFormat::Html => text.to_string(),
    };
    let plain = |text: &str| replace_marks(text, |Mark { shown, .. }| shown.to_string());
    Lesson {
        info: lesson.info.clone(),
        objectives: lesson.objectives.iter().map(|o| plain(o)).collect(),
        text: TextFormat::Html,
        blocks: lesson
            .blocks
            .iter()
            .map(|block| match block {
                Block::Prose(text) => Block::Prose(html(text)),
                Block::Check(i) => Block::Check(*i),
                Block::Glossary(terms) => Block::Prose(key_terms_html(terms)),
            })
            .collect(),
        checks: lesson
            .checks
            .iter()
            .map(|check| Check {
                question: html(&check.question),
                rationale: html(&check.rationale),
                options: check.options.iter().map(|o| plain(o)).collect(),
                ..check.clone()
            })
            .collect(),
    }
}

/// Every published file as (relative path, text): the index, the glossary page, then
/// each lesson.
pub fn published_files(catalog: &Catalog) -> Result<Vec<(String, String)>, serde_json::Error> {
    let mut files = vec![(
        INDEX_FILE.to_string(),
        serde_json::to_string(catalog.index())?,
    )];
    files.push((
        GLOSSARY_FILE.to_string(),
        page_html(&build(catalog), catalog),
    ));
    files.push((
        SEARCH_FILE.to_string(),
        serde_json::to_string(&search_docs(catalog))?,
    ));
    for lesson in catalog.lessons() {
        files.push((
            lesson_file(&lesson.info.id.key()),
            serde_json::to_string(&publish(lesson))?,
        ));
    }
    Ok(files)
}

/// What lesson search reads: each lesson's prose as plain-text paragraphs (headings,
/// list items and table cells each stand alone), and its key terms.
pub fn search_docs(catalog: &Catalog) -> Vec<SearchDoc> {
    catalog
        .lessons()
        .iter()
        .map(|lesson| {
            let mut passages = Vec::new();
            for block in &lesson.blocks {
                match block {
                    Block::Prose(markdown) => plain_paragraphs(markdown, &mut passages),
                    Block::Glossary(terms) => passages.extend(
                        terms
                            .iter()
                            .map(|t| format!("{}: {}", t.term, t.definition)),
                    ),
                    Block::Check(_) => {}
                }
            }
            SearchDoc {
                id: lesson.info.id.clone(),
                title: lesson.info.title.clone(),
                passages,
            }
        })
        .collect()
}

/// Appends the plain text of each paragraph-like part of `markdown` to `out`.
fn plain_paragraphs(markdown: &str, out: &mut Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let text = replace_marks(markdown, |Mark { shown, .. }| shown.to_string());
    let mut current = String::new();
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                let passage = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if !passage.is_empty() {
                    out.push(passage);
                }
                current.clear();
            }
            _ => {}
        }
    }
}

/// The chart files the browser fetches, as (relative path, JSON): `index.json`, the
/// list sorted by difficulty then title, then `<id>.json` per chart.
pub fn published_chart_files(
    charts: &[crate::domain::charts::Chart],
) -> Result<Vec<(String, String)>, serde_json::Error> {
    let mut list: Vec<crate::domain::charts::ChartSummary> = charts
        .iter()
        .map(|c| crate::domain::charts::ChartSummary {
            id: c.id.clone(),
            title: c.title.clone(),
            setting: c.setting,
            specialty: c.specialty,
            difficulty: c.difficulty,
        })
        .collect();
    list.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));
    let mut files = vec![(INDEX_FILE.to_string(), serde_json::to_string(&list)?)];
    for chart in charts {
        files.push((format!("{}.json", chart.id), serde_json::to_string(chart)?));
    }
    Ok(files)
}
