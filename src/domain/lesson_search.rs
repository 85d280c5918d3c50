//! Searching lessons by their words (`/learn?q=`): every query word must appear in a
//! lesson's title or text; results show the passage that matches best. The results
//! are rendered here as escaped HTML, so the page's wasm carries no per-result views.

use serde::{Deserialize, Serialize};

use super::codes::lookup_html::escape;
use super::codes::query_terms::{STOP_WORDS, fold};
use super::lesson::LessonId;

/// Longest passage shown in a result, in characters.
const PASSAGE_CHARS: usize = 220;

/// What search knows of one lesson: published at build time as `search.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The lesson.
    pub id: LessonId,
    /// Its title.
    pub title: String,
    /// Its prose and key terms as plain-text paragraphs.
    pub passages: Vec<String>,
}

/// One matching lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<'a> {
    /// The lesson.
    pub doc: &'a SearchDoc,
    /// The passage with the most query words, cut to a readable length.
    pub passage: Option<String>,
}

/// The words of a query worth matching: folded to lowercase ASCII, stop words dropped.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query)
        .split_whitespace()
        .filter(|w| !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Lessons containing every query word. A title holding every word ranks first, then
/// lessons by how many passages hold every word, then by title words and by passages
/// holding any; an empty query finds nothing.
pub fn search<'a>(docs: &'a [SearchDoc], query: &str) -> Vec<Hit<'a>> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    // Which query words a text holds, as bits (words past the 64th are ignored).
    let found = |text: &str| {
        let folded = format!(" {}", fold(text));
        words
            .iter()
            .take(64)
            .enumerate()
            .filter(|(_, w)| folded.contains(&format!(" {w}")))
            .fold(0u64, |bits, (i, _)| bits | 1 << i)
    };
    let all = u64::MAX >> (64 - words.len().min(64));
    let mut hits: Vec<((bool, usize, u32, usize), Hit<'a>)> = docs
        .iter()
        .filter_map(|doc| {
            let in_title = found(&doc.title);
            let scored: Vec<(u64, &String)> = doc.passages.iter().map(|p| (found(p), p)).collect();
            let union = scored.iter().fold(in_title, |bits, (b, _)| bits | b);
            if union != all {
                return None;
            }
            let matching = scored.iter().filter(|(b, _)| *b != 0).count();
            let complete = scored.iter().filter(|(b, _)| *b == all).count();
            let passage = scored
                .iter()
                .rev()
                .filter(|(b, _)| *b != 0)
                // Reversed, so that among equals the earliest passage wins.
                .max_by_key(|(b, _)| b.count_ones())
                .map(|(_, p)| excerpt(p, &words));
            let rank = (in_title == all, complete, in_title.count_ones(), matching);
            Some((rank, Hit { doc, passage }))
        })
        .collect();
    hits.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    hits.into_iter().map(|(_, hit)| hit).collect()
}

/// Up to `PASSAGE_CHARS` characters of `passage`, starting near the first query word.
fn excerpt(passage: &str, words: &[String]) -> String {
    let chars: Vec<char> = passage.chars().collect();
    if chars.len() <= PASSAGE_CHARS {
        return passage.to_string();
    }
    // ASCII lowercasing keeps byte offsets, and no Unicode tables reach the wasm.
    let lower = passage.to_ascii_lowercase();
    let first = words
        .iter()
        .filter_map(|w| lower.find(w.as_str()))
        .min()
        .map_or(0, |byte| lower[..byte].chars().count());
    let mut start = first.saturating_sub(60).min(chars.len() - PASSAGE_CHARS);
    // Start at a word, not inside one.
    if start > 0
        && let Some(space) = chars[start..first.max(start)]
            .iter()
            .position(|c| *c == ' ')
    {
        start += space + 1;
    }
    let end = (start + PASSAGE_CHARS).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    if start > 0 {
        text.insert(0, '…');
    }
    if end < chars.len() {
        text.push('…');
    }
    text
}

/// Highlights query words in escaped text with `<mark>`.
fn highlight(text: &str, words: &[String]) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let folded = fold(word);
        let hit = folded
            .split_whitespace()
            .any(|f| words.iter().any(|w| f.starts_with(w.as_str())));
        if hit {
            out.push_str(&format!("<mark>{}</mark>", escape(word)));
        } else {
            out.push_str(&escape(word));
        }
    }
    out
}

/// The results for `query` as HTML: a count, then each lesson's link and passage.
pub fn results_html(docs: &[SearchDoc], query: &str) -> String {
    let words = query_words(query);
    let hits = search(docs, query);
    let mut html = format!(
        "<p role=\"status\" class=\"search-count\">{} for “{}”</p>",
        match hits.len() {
            0 => "No lessons match".to_string(),
            1 => "1 lesson matches".to_string(),
            n => format!("{n} lessons match"),
        },
        escape(query.trim())
    );
    if hits.is_empty() {
        html.push_str("<p>Try fewer or shorter words, or browse the tracks below.</p>");
        return html;
    }
    html.push_str("<ol class=\"search-results\">");
    for hit in hits {
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a>",
            hit.doc.id.href(),
            highlight(&hit.doc.title, &words)
        ));
        if let Some(passage) = hit.passage {
            html.push_str(&format!("<p>{}</p>", highlight(&passage, &words)));
        }
        html.push_str("</li>");
    }
    html.push_str("</ol>");
    html
}
