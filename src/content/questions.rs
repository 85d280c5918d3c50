//! Reads and checks the question bank (`content/questions/README.md`): one file per
//! CMRS section, each question well formed, its codes real, and the bank's counts
//! enough for every exam blueprint.

use std::collections::HashMap;

use serde::Deserialize;

use super::charts::{ChartProblem, line_of, read_toml};
use super::lint::{CodeLists, code_rules, synthetic_data};
use crate::domain::exam_sections::CmrsSection;
use crate::domain::exams::blueprint::{ExamSpec, Mode, blueprint};
use crate::domain::exams::question::Question;

/// A file of `[[question]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionFile {
    pub(crate) question: Vec<Question>,
}

/// The fewest questions each CMRS section must have.
pub const MIN_PER_SECTION: usize = 15;

/// The file name for a section: its name in lowercase, words joined by dashes.
pub fn section_file(section: CmrsSection) -> String {
    let mut slug = String::new();
    for word in section
        .name()
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    format!("{slug}.toml")
}

/// Reads every source (path, text) into questions, with a problem for each file that
/// does not read.
pub fn read_bank(sources: &[(&str, &str)]) -> (Vec<Question>, Vec<ChartProblem>) {
    let mut bank = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in sources {
        match read_toml::<QuestionFile>(path, text) {
            Ok(file) => bank.extend(file.question),
            Err(problem) => problems.push(problem),
        }
    }
    (bank, problems)
}

/// Checks the bank: every question, and the counts the exams need.
pub fn lint_bank(
    sources: &[(&str, &str)],
    codes: &CodeLists<'_>,
) -> (Vec<Question>, Vec<ChartProblem>) {
    let (bank, mut problems) = read_bank(sources);
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (path, text) in sources {
        let Ok(file) = toml::from_str::<QuestionFile>(text) else {
            continue;
        };
        problems.extend(file_rules(path, text, &file.question, codes));
        let file_name = path.rsplit('/').next().unwrap_or(path);
        for q in &file.question {
            if section_file(q.cmrs) != file_name {
                problems.push(ChartProblem {
                    path: path.to_string(),
                    line: line_of(text, &format!("id = \"{}\"", q.id)),
                    message: format!(
                        "{} is a {} question, so it belongs in {}",
                        q.id,
                        q.cmrs.name(),
                        section_file(q.cmrs)
                    ),
                });
            }
        }
    }
    for q in &bank {
        if let Some(first) = seen.insert(&q.id, &q.id) {
            problems.push(ChartProblem {
                path: "content/questions".into(),
                line: 1,
                message: format!("the id {first} is used twice; ids must be unique"),
            });
        }
    }
    for section in CmrsSection::ALL {
        let n = bank.iter().filter(|q| q.cmrs == section).count();
        if n < MIN_PER_SECTION {
            problems.push(ChartProblem {
                path: format!("content/questions/{}", section_file(section)),
                line: 1,
                message: format!(
                    "{} has {n} questions; every section needs at least {MIN_PER_SECTION}",
                    section.name()
                ),
            });
        }
    }
    for mode in [Mode::Cmrs, Mode::Cpc, Mode::Cbcs] {
        let spec = ExamSpec::standard(mode, 0);
        if let Ok(bp) = blueprint(&spec) {
            for (pool, need) in &bp.slots {
                let have = bank.iter().filter(|q| pool.holds(q)).count();
                if have < *need {
                    problems.push(ChartProblem {
                        path: "content/questions".into(),
                        line: 1,
                        message: format!(
                            "{} exams need {need} questions in {}, and the bank has {have}",
                            mode.label(),
                            pool.name()
                        ),
                    });
                }
            }
        }
    }
    (bank, problems)
}

/// The rules one file of questions keeps, wherever it lives: synthetic data only, and
/// every question well formed with real codes.
pub(crate) fn file_rules(
    path: &str,
    text: &str,
    questions: &[Question],
    codes: &CodeLists<'_>,
) -> Vec<ChartProblem> {
    let problem = |line: usize, message: String| ChartProblem {
        path: path.to_string(),
        line,
        message,
    };
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        problems.extend(
            synthetic_data(line)
                .into_iter()
                .map(|k| problem(i + 1, k.to_string())),
        );
    }
    for q in questions {
        let at = line_of(text, &format!("id = \"{}\"", q.id));
        for message in question_rules(q, codes) {
            problems.push(problem(at, format!("{}: {message}", q.id)));
        }
    }
    problems
}

/// The rules one question keeps, as messages.
fn question_rules(q: &Question, codes: &CodeLists<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if !(1..=3).contains(&q.difficulty) {
        out.push(format!("difficulty is 1, 2 or 3, not {}", q.difficulty));
    }
    if !(3..=5).contains(&q.options.len()) {
        out.push(format!("{} options; give 3 to 5", q.options.len()));
    }
    let mut options: Vec<String> = q.options.iter().map(|o| o.trim().to_lowercase()).collect();
    options.sort();
    if options.windows(2).any(|w| w[0] == w[1]) {
        out.push("two options are the same".into());
    }
    if q.answer.iter().any(|&a| a >= q.options.len()) {
        out.push("an answer index points past the options (the first option is 0)".into());
    }
    let mut answer = q.answer.clone();
    answer.sort_unstable();
    answer.dedup();
    match (q.multi, answer.len()) {
        (false, 1) => {}
        (false, n) => out.push(format!("a single-answer question has exactly one correct option, not {n}; or declare multi = true")),
        (true, n) if n < 2 => out.push("a multi question has at least two correct options".into()),
        (true, _) if !q.stem.contains("Select all that apply") => {
            out.push("a multi question says \"Select all that apply.\" in its stem".into())
        }
        _ => {}
    }
    if q.rationale.split_whitespace().count() < 8 {
        out.push("the rationale is too short to explain the answer: write full sentences".into());
    }
    if q.stem.trim().is_empty() {
        out.push("the stem is empty".into());
    }
    let texts = [
        (q.stem.as_str(), false),
        (q.case.as_str(), false),
        (q.rationale.as_str(), false),
    ]
    .into_iter()
    .chain(
        q.options
            .iter()
            .enumerate()
            .map(|(i, o)| (o.as_str(), q.answer.contains(&i))),
    );
    for (text, correct) in texts {
        for (segment, in_backticks) in text.split('`').zip([false, true].into_iter().cycle()) {
            if in_backticks {
                out.extend(
                    code_rules(segment, true, correct, codes)
                        .into_iter()
                        .map(|k| k.to_string()),
                );
            }
        }
    }
    out
}
