//! The ICD-10-CM code set in memory: chapters, blocks and codes in tabular order, with
//! their notes, 7th-character definitions and the parent/child links between them.
//!
//! Invariant: a code's parent is the nearest entry above it whose code is a proper
//! prefix of it (or its block, for a category), exactly as the tabular list nests.

use std::collections::HashMap;

use super::code_text::compact;
use super::fast_hash::FastHash;
use super::icd10cm_data::NoteKind;

/// What level of the tabular list an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A chapter, named by its number.
    Chapter,
    /// A block of categories, named by its range (A00-A09).
    Block,
    /// A category, subcategory or code.
    Code,
}

/// An instructional note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What kind of note it is.
    pub kind: NoteKind,
    /// Its text.
    pub text: String,
}

/// One chapter, block or code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its level.
    pub kind: EntryKind,
    /// The chapter number, block range or dotted code.
    pub code: String,
    /// Its official title.
    pub title: String,
    /// The entry it sits under.
    pub parent: Option<usize>,
    /// The entries directly under it, in tabular order.
    pub children: Vec<usize>,
    /// Its own notes (not inherited ones).
    pub notes: Vec<Note>,
    /// 7th characters it defines for itself and its descendants.
    pub seventh: Vec<(char, String)>,
}

impl Entry {
    /// A new entry with no links or notes yet.
    pub fn new(kind: EntryKind, code: &str, title: &str) -> Entry {
        Entry {
            kind,
            code: code.to_string(),
            title: title.to_string(),
            parent: None,
            children: Vec::new(),
            notes: Vec::new(),
            seventh: Vec::new(),
        }
    }
}

/// The whole code set.
#[derive(Clone, Debug)]
pub struct Icd10Cm {
    release: String,
    entries: Vec<Entry>,
    /// Compact code (no dot) to entry index, for codes only.
    codes: HashMap<String, usize, FastHash>,
}

/// Builds an `Icd10Cm` from records in tabular order.
pub struct Builder {
    set: Icd10Cm,
    chapter: Option<usize>,
    block: Option<usize>,
    open_codes: Vec<usize>,
}

impl Builder {
    /// Adds the next chapter, block or code; returns an error message when it does not
    /// fit where it appears.
    pub fn entry(&mut self, mut entry: Entry) -> Result<(), String> {
        let index = self.set.entries.len();
        entry.parent = match entry.kind {
            EntryKind::Chapter => {
                self.chapter = Some(index);
                self.block = None;
                self.open_codes.clear();
                None
            }
            EntryKind::Block => {
                self.block = Some(index);
                self.open_codes.clear();
                Some(self.chapter.ok_or("a block before any chapter")?)
            }
            EntryKind::Code => {
                let code = compact(&entry.code);
                while let Some(&open) = self.open_codes.last() {
                    let open_code = compact(&self.set.entries[open].code);
                    if code.len() > open_code.len() && code.starts_with(&open_code) {
                        break;
                    }
                    self.open_codes.pop();
                }
                if self.set.codes.insert(code, index).is_some() {
                    return Err(format!("{} appears twice", entry.code));
                }
                self.open_codes.push(index);
                let parent = self.open_codes.iter().rev().nth(1).copied().or(self.block);
                Some(parent.ok_or("a code before any block")?)
            }
        };
        if let Some(parent) = entry.parent {
            self.set.entries[parent].children.push(index);
        }
        self.set.entries.push(entry);
        Ok(())
    }

    /// Adds a note to the latest entry.
    pub fn note(&mut self, note: Note) -> Result<(), String> {
        self.last()?.notes.push(note);
        Ok(())
    }

    /// Adds a 7th-character definition to the latest entry.
    pub fn seventh(&mut self, character: char, meaning: &str) -> Result<(), String> {
        self.last()?.seventh.push((character, meaning.to_string()));
        Ok(())
    }

    fn last(&mut self) -> Result<&mut Entry, String> {
        self.set
            .entries
            .last_mut()
            .ok_or_else(|| "a note before any entry".to_string())
    }

    /// The finished code set.
    pub fn finish(self) -> Icd10Cm {
        self.set
    }
}

impl Icd10Cm {
    /// Starts building a code set for `release`.
    pub fn builder(release: String) -> Builder {
        Builder {
            set: Icd10Cm {
                release,
                entries: Vec::new(),
                codes: HashMap::default(),
            },
            chapter: None,
            block: None,
            open_codes: Vec::new(),
        }
    }

    /// The release the data comes from, as named in its header.
    pub fn release(&self) -> &str {
        &self.release
    }

    /// Every entry, in tabular order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index from `find`, `parent` or `children`.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// Finds a code by its compact form (`E119`).
    pub fn find(&self, compact_code: &str) -> Option<usize> {
        self.codes.get(compact_code).copied()
    }

    /// The entry and its ancestors, nearest first.
    pub fn lineage(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(index), |&i| self.entries[i].parent)
    }

    /// The 7th characters that apply to a code: the nearest definition on it or above it.
    pub fn seventh_characters(&self, index: usize) -> &[(char, String)] {
        self.lineage(index)
            .map(|i| self.entries[i].seventh.as_slice())
            .find(|defs| !defs.is_empty())
            .unwrap_or(&[])
    }

    /// True for a code that can be reported exactly as it stands: no children, and no
    /// 7th character required.
    pub fn is_billable(&self, index: usize) -> bool {
        let entry = &self.entries[index];
        entry.kind == EntryKind::Code
            && entry.children.is_empty()
            && (compact(&entry.code).len() == 7 || self.seventh_characters(index).is_empty())
    }

    /// How many codes are valid for reporting, counting each 7th-character completion
    /// of a code that needs one.
    pub fn billable_count(&self) -> usize {
        (0..self.entries.len())
            .filter(|&i| {
                self.entries[i].kind == EntryKind::Code && self.entries[i].children.is_empty()
            })
            .map(|i| {
                if self.is_billable(i) {
                    1
                } else {
                    self.seventh_characters(i).len()
                }
            })
            .sum()
    }
}
