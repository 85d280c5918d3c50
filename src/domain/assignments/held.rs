//! The assignments a student holds and the gradebooks an instructor keeps, inside
//! `Progress` as JSON text (like the other records), plus a plain-text list of held
//! assignments for the dashboard, read with splits only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assignment::Assignment;
use super::gradebook::Gradebook;
use crate::domain::claim_progress::{BookError, read_book, write_book};
use crate::domain::progress::Progress;

/// Assignments a student opened, by assignment id.
pub type HeldBook = BTreeMap<String, Assignment>;

/// An instructor's assignment with its gradebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub assignment: Assignment,
    #[serde(default)]
    pub gradebook: Gradebook,
}

/// An instructor's assignments, by id.
pub type CourseBook = BTreeMap<String, Course>;

impl Progress {
    /// The assignments this student holds.
    pub fn held_assignments(&self) -> Result<HeldBook, BookError> {
        read_book(&self.assignments)
    }

    /// Adds or keeps an assignment, and refreshes the dashboard's list.
    pub fn hold_assignment(&mut self, assignment: Assignment) -> Result<String, BookError> {
        let id = assignment.id();
        let list = write_book(&mut self.assignments, |b: &mut HeldBook| {
            b.insert(id.clone(), assignment);
            encode_list(b)
        })?;
        self.assignment_list = Some(list);
        Ok(id)
    }

    /// The instructor's assignments and gradebooks.
    pub fn courses(&self) -> Result<CourseBook, BookError> {
        read_book(&self.gradebooks)
    }

    /// Applies `change` to the instructor's records and saves them back.
    pub fn change_courses<R>(
        &mut self,
        change: impl FnOnce(&mut CourseBook) -> R,
    ) -> Result<R, BookError> {
        write_book(&mut self.gradebooks, change)
    }
}

/// One line per held assignment, soonest due first: id, due date, title. Sorted
/// here, not on reading, so the first page's wasm carries no sort.
fn encode_list(book: &HeldBook) -> String {
    let mut lines: Vec<(&str, String)> = book
        .iter()
        .map(|(id, a)| {
            let title = a.title.replace(['\t', '\n'], " ");
            (a.due.as_str(), format!("{id}\t{}\t{title}", a.due))
        })
        .collect();
    lines.sort();
    lines
        .into_iter()
        .map(|(_, line)| line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dashboard's list: (id, due, title), in the stored order (soonest due first).
pub fn decode_list(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter_map(|l| {
            let mut p = l.splitn(3, '\t');
            Some((
                p.next()?.to_string(),
                p.next()?.to_string(),
                p.next()?.to_string(),
            ))
        })
        .collect()
}
