//! Instructors' own charts and questions, written in the documented formats
//! (`content/charts/README.md`, `content/questions/README.md`) and embedded in an
//! assignment. They keep the same rules as shipped content, checked by the same code;
//! only the bank-wide rules (counts per section, file names) do not apply.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::charts::{ChartCodeLists, ChartProblem, line_of, lint_charts, read_toml};
use super::icd_facts::{FactSheet, IcdFacts};
use super::lint::CodeLists;
use super::questions::{QuestionFile, file_rules};
use crate::domain::assignments::assignment::Item;
use crate::domain::charts::Chart;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::scrub::CodeLists as ReferenceLists;
use crate::domain::exams::question::Question;

/// Templates that pass every check, for instructors to start from.
pub const CHART_TEMPLATE: &str = include_str!("../../content/templates/chart.toml");
/// See `CHART_TEMPLATE`.
pub const QUESTIONS_TEMPLATE: &str = include_str!("../../content/templates/questions.toml");

/// An instructor's item, read and checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OwnContent {
    Chart(Box<Chart>),
    Questions(Vec<Question>),
}

/// Checks an assignment's own chart or questions against `icd10cm` and the reference
/// lists; `None` for any other item.
pub fn check_own(
    item: &Item,
    icd10cm: &dyn IcdFacts,
    lists: &ReferenceLists,
) -> Option<Result<OwnContent, Vec<ChartProblem>>> {
    match item {
        Item::OwnChart { id, source, .. } => Some(
            check_own_chart(id, source, &ChartCodeLists::from_facts(icd10cm, lists))
                .map(|c| OwnContent::Chart(Box::new(c))),
        ),
        Item::OwnQuestions { id, source, .. } => Some(
            check_own_questions(id, source, &CodeLists::from_facts(icd10cm, lists))
                .map(OwnContent::Questions),
        ),
        _ => None,
    }
}

/// The most questions one embedded file may hold.
pub const MAX_OWN_QUESTIONS: usize = 50;

/// A check asked of the checking worker (`own_worker`): the item, and from the second
/// message on, the search worker's answers to what the first reply wanted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnRequest {
    pub item: Item,
    #[serde(default)]
    pub facts: Option<(Vec<Vec<String>>, Vec<DiagnosisFacts>)>,
}

/// The checking worker's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OwnReply {
    /// Ask the search worker for these lists (`FactSets`) and send them back.
    Wanted(Vec<Vec<String>>),
    /// It passes every check.
    Checked(OwnContent),
    /// Every problem, as "Line N: message".
    Problems(Vec<String>),
}

/// Answers one request: the rules run against the facts given so far, and either
/// need more (`Wanted`) or give the outcome.
pub fn respond(request: &OwnRequest, lists: &ReferenceLists) -> OwnReply {
    let mut sheet = FactSheet::default();
    if let Some((wanted, answers)) = &request.facts {
        sheet.add(wanted, answers.clone());
    }
    let checked = check_own(&request.item, &sheet, lists);
    let wanted = sheet.wanted();
    if !wanted.is_empty() {
        return OwnReply::Wanted(wanted);
    }
    match checked {
        Some(Ok(content)) => OwnReply::Checked(content),
        Some(Err(problems)) => OwnReply::Problems(
            problems
                .iter()
                .map(|p| format!("Line {}: {}", p.line, p.message))
                .collect(),
        ),
        None => OwnReply::Problems(vec![
            "This item is not an instructor's chart or questions.".into(),
        ]),
    }
}

/// Checks an instructor's chart: `id` is its name in the assignment (as a chart file's
/// name is its id). Every problem has its line.
pub fn check_own_chart(
    id: &str,
    source: &str,
    codes: &ChartCodeLists<'_>,
) -> Result<Chart, Vec<ChartProblem>> {
    let path = format!("{id}.toml");
    let (mut charts, problems) = lint_charts(&[(&path, source)], codes);
    match charts.pop() {
        Some(chart) if problems.is_empty() => Ok(chart),
        _ => Err(problems),
    }
}

/// Checks an instructor's questions: 1 to 50 `[[question]]` tables with unique ids,
/// each keeping the bank's rules. Every problem has its line.
pub fn check_own_questions(
    id: &str,
    source: &str,
    codes: &CodeLists<'_>,
) -> Result<Vec<Question>, Vec<ChartProblem>> {
    let path = format!("{id}.toml");
    let file: QuestionFile = read_toml(&path, source).map_err(|p| vec![p])?;
    let mut problems = file_rules(&path, source, &file.question, codes);
    let problem = |line: usize, message: String| ChartProblem {
        path: path.clone(),
        line,
        message,
    };
    let n = file.question.len();
    if n == 0 || n > MAX_OWN_QUESTIONS {
        problems.push(problem(
            1,
            format!("give 1 to {MAX_OWN_QUESTIONS} [[question]] tables, not {n}"),
        ));
    }
    let mut seen = HashSet::new();
    for q in &file.question {
        if !seen.insert(q.id.as_str()) {
            // The line of the second use, where the fix belongs.
            let needle = format!("id = \"{}\"", q.id);
            let line = source.match_indices(&needle).nth(1).map_or_else(
                || line_of(source, &needle),
                |(at, _)| source[..at].matches('\n').count() + 1,
            );
            problems.push(problem(
                line,
                format!("the id {} is used twice; ids must be unique", q.id),
            ));
        }
    }
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() {
        Ok(file.question)
    } else {
        Err(problems)
    }
}
