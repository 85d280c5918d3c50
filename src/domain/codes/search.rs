//! Word and code search over ICD-10-CM, the engine behind the lookup page and
//! `billable-tool lookup`.
//!
//! Codes are matched by prefix, dot optional. Words are matched case- and
//! accent-insensitively in any order against titles and inclusion terms: every query
//! word must match, the last one also by prefix (it may still be being typed), and a
//! word of 5 or more letters that the index does not know is matched with one typo.
//! A small table of our own maps lay
//! and clinical shorthand ("fx", "htn", "heart attack") to the tabular list's words.

use std::collections::HashMap;

use super::code_text::compact;
use super::fast_hash::FastHash;
use super::icd10cm::{EntryKind, Icd10Cm};
use super::icd10cm_data::NoteKind;
use super::query_terms::{
    OBSTETRIC_WORDS, Term, fold_into, is_significant, terms, within_one_edit,
};

/// A searchable index over one code set.
pub struct SearchIndex {
    /// Entry index of each searchable code, in tabular order.
    docs: Vec<u32>,
    /// Per doc: 1 when it has no children (reportable, perhaps after a 7th character).
    leaf: Vec<bool>,
    /// Per doc: words in its title, and whether the title says "unspecified".
    title_words: Vec<u16>,
    unspecified: Vec<bool>,
    /// Per doc: the code's chapter letter is O or P (pregnancy, newborn).
    obstetric: Vec<bool>,
    /// Per doc: its title (first) and inclusion terms as word ids, each also without
    /// its parenthesised (nonessential) words, for recognising an exact phrase.
    phrases: Phrases,
    /// Distinct folded words, sorted, with their postings (doc << 1 | in-title flag).
    vocabulary: Vec<String>,
    postings: Vec<Vec<u32>>,
    /// Compact codes packed into integers (see `pack`), sorted, with their doc
    /// numbers, for code-prefix search; integers sort far faster than strings.
    codes: Vec<(u64, u32)>,
}

/// True for text shaped like a code or code prefix: a letter, then at least one digit,
/// then letters, digits and at most one dot.
fn code_shaped(query: &str) -> bool {
    let b = query.as_bytes();
    b.len() >= 2
        && b.len() <= 8
        && b[0].is_ascii_alphabetic()
        && b[1].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.')
}

impl SearchIndex {
    /// Indexes every code's title, inclusion terms and Includes notes.
    pub fn build(set: &Icd10Cm) -> SearchIndex {
        let mut docs = Vec::new();
        let mut leaf = Vec::new();
        let mut title_words = Vec::new();
        let mut unspecified = Vec::new();
        let mut obstetric = Vec::new();
        let mut codes = Vec::new();
        // Words get provisional ids in order of first use; postings fill in doc
        // order, so each list comes out sorted without a sort.
        let mut ids: WordIds = WordIds::default();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut phrases = Phrases::default();
        let mut phrase: Vec<u32> = Vec::new();
        let (mut folded, mut short) = (String::new(), String::new());
        for (index, entry) in set.entries().iter().enumerate() {
            if entry.kind != EntryKind::Code {
                continue;
            }
            let doc = docs.len() as u32;
            docs.push(index as u32);
            leaf.push(entry.children.is_empty());
            obstetric.push(entry.code.starts_with(['O', 'P']));
            codes.push((pack(&compact(&entry.code), 0), doc));
            let texts = std::iter::once(entry.title.as_str()).chain(
                entry
                    .notes
                    .iter()
                    .filter(|n| matches!(n.kind, NoteKind::InclusionTerm | NoteKind::Includes))
                    .map(|n| n.text.as_str()),
            );
            for (i, text) in texts.enumerate() {
                fold_into(text, &mut folded);
                if i == 0 {
                    title_words.push(
                        folded
                            .split_ascii_whitespace()
                            .count()
                            .min(u16::MAX as usize) as u16,
                    );
                    unspecified.push(folded.split_ascii_whitespace().any(|w| w == "unspecified"));
                }
                phrase.clear();
                for word in folded.split_ascii_whitespace() {
                    let id = intern(&mut ids, &mut lists, word);
                    add_posting(&mut lists[id as usize], doc << 1 | u32::from(i == 0));
                    if is_significant(word) {
                        phrase.push(id);
                    }
                }
                phrases.push(&phrase);
                if text.contains('(') {
                    fold_into(&without_parentheses(text), &mut short);
                    phrase.clear();
                    for word in short.split_ascii_whitespace().filter(|w| is_significant(w)) {
                        phrase.push(intern(&mut ids, &mut lists, word));
                    }
                    phrases.push(&phrase);
                }
            }
            phrases.end_doc();
        }
        // Sort the vocabulary for prefix search, and renumber everything to match.
        let mut vocabulary: Vec<(String, u32)> = ids.into_iter().collect();
        vocabulary.sort_unstable();
        let mut renumber = vec![0u32; vocabulary.len()];
        for (new, (_, old)) in vocabulary.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let mut postings = vec![Vec::new(); lists.len()];
        for (old, list) in lists.into_iter().enumerate() {
            postings[renumber[old] as usize] = list;
        }
        for id in phrases.words.iter_mut() {
            *id = renumber[*id as usize];
        }
        codes.sort_unstable();
        SearchIndex {
            docs,
            leaf,
            title_words,
            unspecified,
            obstetric,
            phrases,
            vocabulary: vocabulary.into_iter().map(|(w, _)| w).collect(),
            postings,
            codes,
        }
    }

    /// The best `limit` matches for a query, as entry indices, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        if code_shaped(query) {
            return self.search_code(query, limit);
        }
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        // Docs matching every term, and those where every term matched in the title,
        // as bitsets over docs: ORing and ANDing words costs no sort, however many
        // codes a common word or a two-letter prefix matches.
        let mut matched = DocSet::full(self.docs.len());
        for term in &terms {
            matched.and(&self.term_docs(term));
        }
        let hits: Vec<u32> = matched.postings().collect();
        let wanted = self.id_ranges(&self.corrected(&terms));
        let in_range = |id: u32| wanted.iter().any(|&(lo, hi)| lo <= id && id < hi);
        let obstetric_query = terms
            .iter()
            .any(|t| OBSTETRIC_WORDS.iter().any(|w| t.text.starts_with(w)));
        // Every key is integer work, and only the best `limit` are fully sorted: a
        // common word such as "left" matches tens of thousands of codes.
        let mut ranked: Vec<_> = hits
            .into_iter()
            .map(|p| {
                let doc = (p >> 1) as usize;
                let exact = self.phrases.of(doc).any(|phrase| {
                    phrase.len() == wanted.len()
                        && wanted
                            .iter()
                            .all(|&(lo, hi)| phrase.iter().any(|&id| lo <= id && id < hi))
                });
                // The title's first word is a query word: "Pneumonia, unspecified
                // organism" answers "pneumonia" better than "Typhoid pneumonia".
                let leads = self
                    .phrases
                    .of(doc)
                    .next()
                    .and_then(|t| t.first())
                    .is_some_and(|&id| in_range(id));
                (
                    (
                        !self.leaf[doc],
                        self.obstetric[doc] && !obstetric_query,
                        !exact,
                        p & 1 == 0,
                        !leads,
                        self.title_words[doc],
                        !self.unspecified[doc],
                    ),
                    doc,
                )
            })
            .collect();
        if ranked.len() > limit {
            ranked.select_nth_unstable(limit);
            ranked.truncate(limit);
        }
        ranked.sort_unstable();
        ranked
            .into_iter()
            .map(|(_, doc)| self.docs[doc] as usize)
            .collect()
    }

    /// For each term, the range of vocabulary ids it matches: one id for an exact word
    /// (none if unknown), every word it starts for a prefix. The vocabulary is sorted,
    /// so a prefix's words are contiguous.
    fn id_ranges(&self, terms: &[Term]) -> Vec<(u32, u32)> {
        terms
            .iter()
            .map(|term| {
                let lo = self
                    .vocabulary
                    .partition_point(|w| w.as_str() < term.text.as_str());
                let hi = if term.prefix {
                    lo + self.vocabulary[lo..]
                        .iter()
                        .take_while(|w| w.starts_with(&term.text))
                        .count()
                } else {
                    lo + usize::from(self.vocabulary.get(lo) == Some(&term.text))
                };
                (lo as u32, hi as u32)
            })
            .collect()
    }

    /// The query's words as the index spells them: a word with no exact match but a
    /// one-typo neighbour becomes its most common neighbour.
    fn corrected(&self, terms: &[Term]) -> Vec<Term> {
        terms
            .iter()
            .map(|term| {
                let known = match self.vocabulary.binary_search(&term.text) {
                    Ok(_) => true,
                    Err(at) => {
                        term.prefix
                            && self
                                .vocabulary
                                .get(at)
                                .is_some_and(|w| w.starts_with(&term.text))
                    }
                };
                if known || term.text.chars().count() < 5 {
                    return term.clone();
                }
                let best = self
                    .vocabulary
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| within_one_edit(w, &term.text))
                    .max_by_key(|(i, _)| self.postings[*i].len())
                    .map(|(_, w)| w.clone());
                Term {
                    text: best.unwrap_or_else(|| term.text.clone()),
                    prefix: false,
                }
            })
            .collect()
    }

    /// Codes starting with the typed code, the exact code first, then in tabular order.
    fn search_code(&self, query: &str, limit: usize) -> Vec<usize> {
        let prefix = compact(query).to_ascii_uppercase();
        let mut found = self.code_range(&prefix);
        if found.is_empty() && prefix.len() == 7 {
            let base = prefix[..6].trim_end_matches('X');
            found = self.code_range(base).into_iter().take(1).collect();
        }
        found
            .into_iter()
            .take(limit)
            .map(|doc| self.docs[doc as usize] as usize)
            .collect()
    }

    fn code_range(&self, prefix: &str) -> Vec<u32> {
        if prefix.len() > 7 {
            return Vec::new();
        }
        let (low, high) = (pack(prefix, 0), pack(prefix, 0xFF));
        let start = self.codes.partition_point(|&(code, _)| code < low);
        let mut docs: Vec<u32> = self.codes[start..]
            .iter()
            .take_while(|&&(code, _)| code <= high)
            .map(|&(_, doc)| doc)
            .collect();
        docs.sort_unstable();
        docs
    }

    /// Docs matching one term (exactly, by prefix, or with one typo), as postings
    /// sorted by doc, in-title flag kept when any matching word is in the title.
    fn term_docs(&self, term: &Term) -> DocSet {
        let mut set = DocSet::empty(self.docs.len());
        let start = self
            .vocabulary
            .partition_point(|w| w.as_str() < term.text.as_str());
        // A single typed letter would match a tenth of the vocabulary; wait for two.
        if term.prefix && term.text.len() >= 2 {
            let mut i = start;
            while i < self.vocabulary.len() && self.vocabulary[i].starts_with(&term.text) {
                set.add(&self.postings[i]);
                i += 1;
            }
        } else if self.vocabulary.get(start) == Some(&term.text) {
            set.add(&self.postings[start]);
        }
        // One typo is forgiven only in a word the index does not know: a known word's
        // neighbours ("right": "eight", "night") are other words, not typos.
        if set.is_empty() && term.text.chars().count() >= 5 {
            for (i, word) in self.vocabulary.iter().enumerate() {
                if word != &term.text && within_one_edit(word, &term.text) {
                    set.add(&self.postings[i]);
                }
            }
        }
        set
    }
}

/// Packs a compact code of up to seven ASCII characters into an integer that sorts as
/// the code does, padding with `fill`: every code starting with `prefix` lies between
/// `pack(prefix, 0)` and `pack(prefix, 0xFF)`.
fn pack(code: &str, fill: u8) -> u64 {
    let mut bytes = [fill; 8];
    for (slot, b) in bytes.iter_mut().zip(code.bytes().take(7)) {
        *slot = b;
    }
    bytes[7] = 0;
    u64::from_be_bytes(bytes)
}

/// Every doc's phrases (its title first, then inclusion terms and Includes notes, each
/// also without its parenthesised words) as word ids, in three flat arrays: building
/// them allocates almost nothing, which matters for the time to ready.
#[derive(Default)]
struct Phrases {
    /// All phrases' words, one phrase after another.
    words: Vec<u32>,
    /// Where each phrase ends in `words`.
    ends: Vec<u32>,
    /// Where each doc's phrases end in `ends`.
    doc_ends: Vec<u32>,
}

impl Phrases {
    /// The phrases of `doc`, title first.
    fn of(&self, doc: usize) -> impl Iterator<Item = &[u32]> {
        let first = if doc == 0 {
            0
        } else {
            self.doc_ends[doc - 1] as usize
        };
        let last = self.doc_ends[doc] as usize;
        (first..last).map(move |i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            &self.words[start..self.ends[i] as usize]
        })
    }

    /// Adds a phrase to the doc being built, unless the doc already has it.
    fn push(&mut self, phrase: &[u32]) {
        let doc_start = self.doc_ends.last().copied().unwrap_or(0) as usize;
        let mut start = if doc_start == 0 {
            0
        } else {
            self.ends[doc_start - 1] as usize
        };
        for &end in &self.ends[doc_start..] {
            if &self.words[start..end as usize] == phrase {
                return;
            }
            start = end as usize;
        }
        self.words.extend_from_slice(phrase);
        self.ends.push(self.words.len() as u32);
    }

    /// Closes the doc being built.
    fn end_doc(&mut self) {
        self.doc_ends.push(self.ends.len() as u32);
    }
}

/// A set of docs as bits, with a second set of bits for "matched in the title".
struct DocSet {
    docs: Vec<u64>,
    in_title: Vec<u64>,
}

impl DocSet {
    fn empty(len: usize) -> DocSet {
        let words = len.div_ceil(64);
        DocSet {
            docs: vec![0; words],
            in_title: vec![0; words],
        }
    }

    fn full(len: usize) -> DocSet {
        let mut set = DocSet::empty(len);
        set.docs.iter_mut().for_each(|w| *w = u64::MAX);
        set.in_title.iter_mut().for_each(|w| *w = u64::MAX);
        set
    }

    fn is_empty(&self) -> bool {
        self.docs.iter().all(|w| *w == 0)
    }

    /// Adds a posting list (`doc << 1 | in_title`).
    fn add(&mut self, postings: &[u32]) {
        for &p in postings {
            let doc = (p >> 1) as usize;
            self.docs[doc / 64] |= 1 << (doc % 64);
            if p & 1 == 1 {
                self.in_title[doc / 64] |= 1 << (doc % 64);
            }
        }
    }

    /// Keeps docs in both; in the title only where both were.
    fn and(&mut self, other: &DocSet) {
        for (a, b) in self.docs.iter_mut().zip(&other.docs) {
            *a &= b;
        }
        for (a, b) in self.in_title.iter_mut().zip(&other.in_title) {
            *a &= b;
        }
    }

    /// The docs as postings, in doc order.
    fn postings(&self) -> impl Iterator<Item = u32> + '_ {
        self.docs.iter().enumerate().flat_map(move |(w, &bits)| {
            let title = self.in_title[w];
            (0..64).filter(move |b| bits >> b & 1 == 1).map(move |b| {
                let doc = (w * 64 + b) as u32;
                doc << 1 | u32::from(title >> b & 1 == 1)
            })
        })
    }
}

/// Text with its parenthesised parts removed: "Hypertension (arterial)" becomes
/// "Hypertension ".
fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect()
}

/// Word-to-id map for building.
type WordIds = HashMap<String, u32, FastHash>;

/// Adds a word to the provisional vocabulary, returning its id.
fn intern(ids: &mut WordIds, lists: &mut Vec<Vec<u32>>, word: &str) -> u32 {
    if let Some(&id) = ids.get(word) {
        return id;
    }
    let id = lists.len() as u32;
    ids.insert(word.to_string(), id);
    lists.push(Vec::new());
    id
}

/// Adds `doc << 1 | in_title` to a doc-ordered list, merging a repeat of the same doc.
fn add_posting(list: &mut Vec<u32>, posting: u32) {
    match list.last_mut() {
        Some(last) if *last >> 1 == posting >> 1 => *last |= posting & 1,
        _ => list.push(posting),
    }
}
