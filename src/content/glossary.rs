//! The glossary: terms that lessons define in ```glossary blocks and mark in their
//! text with `[[term]]` or `[[shown text|term]]`. Built and rendered at publish time,
//! so the browser fetches finished HTML.

use std::collections::BTreeMap;

use super::Catalog;
use crate::domain::codes::lookup_html::escape;
use crate::domain::lesson::{Block, GlossaryTerm, Lesson, LessonId};

/// A `[[...]]` mark in lesson text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark<'a> {
    /// The words shown in the text.
    pub shown: &'a str,
    /// The glossary term they stand for.
    pub term: &'a str,
}

/// Every mark in `text` with the byte range it covers.
pub fn marks(text: &str) -> Vec<(std::ops::Range<usize>, Mark<'_>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("[[").map(|i| from + i) {
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find("]]").map(|i| inner_start + i) else {
            break;
        };
        let inner = &text[inner_start..close];
        if inner.trim().is_empty() || inner.contains(['[', ']', '\n']) {
            from = inner_start;
            continue;
        }
        let (shown, term) = inner.split_once('|').unwrap_or((inner, inner));
        found.push((
            open..close + 2,
            Mark {
                shown: shown.trim(),
                term: term.trim(),
            },
        ));
        from = close + 2;
    }
    found
}

/// `text` with each mark replaced by what `replace` makes of it.
pub fn replace_marks(text: &str, mut replace: impl FnMut(Mark<'_>) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, mark) in marks(text) {
        out.push_str(&text[last..range.start]);
        out.push_str(&replace(mark));
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Markdown with each mark turned into a link to its glossary entry.
pub fn link_marks(markdown: &str) -> String {
    replace_marks(markdown, |mark| {
        format!("[{}]({})", mark.shown, entry_href(mark.term))
    })
}

/// The fragment id of a term's glossary entry, and the key terms are compared by:
/// lowercase letters and digits, words joined by dashes ("Excludes1 note" becomes
/// `excludes1-note`), so case and punctuation do not tell two terms apart.
pub fn slug(term: &str) -> String {
    term.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The link to a term's entry on the glossary page.
pub fn entry_href(term: &str) -> String {
    format!("/glossary#{}", slug(term))
}

/// Every text of a lesson that may hold marks: prose, questions and rationales.
pub fn marked_texts(lesson: &Lesson) -> impl Iterator<Item = &str> {
    let prose = lesson.blocks.iter().filter_map(|b| match b {
        Block::Prose(text) => Some(text.as_str()),
        _ => None,
    });
    let checks = lesson
        .checks
        .iter()
        .flat_map(|c| [c.question.as_str(), c.rationale.as_str()]);
    prose.chain(checks)
}

/// One glossary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The term, as its defining lesson writes it.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// The lesson that defines it.
    pub defined_in: LessonId,
    /// Every lesson that marks it, in course order.
    pub used_in: Vec<LessonId>,
}

/// The whole glossary, ordered by term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glossary {
    /// Entries sorted without regard to case.
    pub entries: Vec<Entry>,
}

/// Builds the glossary from a catalogue. When a term is defined twice, the first
/// definition in course order wins (`lint` reports the second).
pub fn build(catalog: &Catalog) -> Glossary {
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for lesson in catalog.lessons() {
        for GlossaryTerm {
            term, definition, ..
        } in lesson.glossary()
        {
            entries.entry(slug(term)).or_insert_with(|| Entry {
                term: term.clone(),
                definition: definition.clone(),
                defined_in: lesson.info.id.clone(),
                used_in: Vec::new(),
            });
        }
    }
    for lesson in catalog.lessons() {
        for text in marked_texts(lesson) {
            for (_, mark) in marks(text) {
                if let Some(entry) = entries.get_mut(&slug(mark.term))
                    && !entry.used_in.contains(&lesson.info.id)
                {
                    entry.used_in.push(lesson.info.id.clone());
                }
            }
        }
    }
    Glossary {
        entries: entries.into_values().collect(),
    }
}

/// A lesson's "Key terms" block as HTML, each term linking to its glossary entry.
pub fn key_terms_html(terms: &[GlossaryTerm]) -> String {
    let mut html = String::from("<section class=\"key-terms\"><h2>Key terms</h2><dl>");
    for t in terms {
        html.push_str(&format!(
            "<dt><a href=\"{}\">{}</a></dt><dd>{}</dd>",
            entry_href(&t.term),
            escape(&t.term),
            escape(&t.definition)
        ));
    }
    html.push_str("</dl></section>");
    html
}

/// The glossary page's content as HTML: a letter index, then each letter's terms with
/// their definitions and links to the lessons that define and use them.
pub fn page_html(glossary: &Glossary, catalog: &Catalog) -> String {
    let title = |id: &LessonId| {
        catalog
            .index()
            .lessons()
            .iter()
            .find(|l| &l.id == id)
            .map_or_else(|| id.key(), |l| l.title.clone())
    };
    let link = |id: &LessonId| format!("<a href=\"{}\">{}</a>", id.href(), escape(&title(id)));
    let letter = |e: &Entry| {
        e.term
            .chars()
            .next()
            .map_or('#', |c| c.to_ascii_uppercase())
    };
    let mut letters: Vec<char> = glossary.entries.iter().map(letter).collect();
    letters.dedup();
    let mut html = format!(
        "<p class=\"lead\">{} terms from the lessons, each with the lessons that use it.</p>",
        glossary.entries.len()
    );
    html.push_str("<nav class=\"letters\" aria-label=\"Terms by first letter\"><ul>");
    for l in &letters {
        html.push_str(&format!(
            "<li><a href=\"#letter-{}\">{l}</a></li>",
            l.to_ascii_lowercase()
        ));
    }
    html.push_str("</ul></nav>");
    for l in &letters {
        html.push_str(&format!(
            "<section aria-labelledby=\"letter-{0}\"><h2 id=\"letter-{0}\">{1}</h2><dl>",
            l.to_ascii_lowercase(),
            l
        ));
        for entry in glossary.entries.iter().filter(|e| letter(e) == *l) {
            let others: Vec<String> = entry
                .used_in
                .iter()
                .filter(|id| **id != entry.defined_in)
                .map(link)
                .collect();
            let also = if others.is_empty() {
                String::new()
            } else {
                format!("; also used in {}", others.join(", "))
            };
            html.push_str(&format!(
                "<dt id=\"{}\">{}</dt><dd><p>{}</p><p class=\"used-in\">Taught in {}{also}.</p></dd>",
                slug(&entry.term),
                escape(&entry.term),
                escape(&entry.definition),
                link(&entry.defined_in),
            ));
        }
        html.push_str("</dl></section>");
    }
    html
}
