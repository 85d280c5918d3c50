//! Search over the small reference lists (CPT with our summaries, modifiers): the code
//! typed exactly first, then codes it starts, then items whose code and text hold
//! every query word, with the same folding, prefix and typo rules as ICD-10-CM search.

use super::query_terms::{Term, fold, terms, within_one_edit};

/// A searchable reference list.
pub struct ListIndex {
    codes: Vec<String>,
    words: Vec<Vec<String>>,
}

impl ListIndex {
    /// Indexes (code, text) items, in list order.
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListIndex {
        let (codes, words) = items
            .into_iter()
            .map(|(code, text)| {
                let words = fold(&format!("{code} {text}"))
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                (code.to_ascii_uppercase(), words)
            })
            .unzip();
        ListIndex { codes, words }
    }

    /// The best `limit` matches, as item indices, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let typed: String = query.trim().to_ascii_uppercase();
        let mut found: Vec<usize> = Vec::new();
        if (2..=5).contains(&typed.len()) && typed.bytes().all(|b| b.is_ascii_alphanumeric()) {
            found.extend(self.codes.iter().position(|c| *c == typed));
            found.extend(
                (0..self.codes.len())
                    .filter(|&i| self.codes[i].starts_with(&typed) && self.codes[i] != typed),
            );
        }
        let terms = terms(query);
        if !terms.is_empty() {
            for (i, words) in self.words.iter().enumerate() {
                if !found.contains(&i) && terms.iter().all(|t| words.iter().any(|w| matches(w, t)))
                {
                    found.push(i);
                }
            }
        }
        found.truncate(limit);
        found
    }
}

fn matches(word: &str, term: &Term) -> bool {
    word == term.text
        || (term.prefix && term.text.len() >= 2 && word.starts_with(&term.text))
        || (term.text.chars().count() >= 5 && within_one_edit(word, &term.text))
}
