//! Reading the tab-separated reference lists (and, later, a learner's imported CPT
//! file): a required header, a fixed number of fields, errors with line numbers.

use thiserror::Error;

/// A problem at one line of a TSV file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("line {line}: {message}")]
pub struct TsvError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl TsvError {
    /// An error at `line`.
    pub fn at(line: usize, message: impl Into<String>) -> TsvError {
        TsvError {
            line,
            message: message.into(),
        }
    }
}

/// The data rows of a TSV text whose first line must be `header`, each as its line
/// number and exactly `header.len()` fields. Blank lines are skipped.
pub fn rows<'a>(text: &'a str, header: &[&str]) -> Result<Vec<(usize, Vec<&'a str>)>, TsvError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    let expected = header.join("\t");
    match lines.next() {
        Some((_, first)) if first == expected => {}
        _ => {
            return Err(TsvError::at(
                1,
                format!("the first line must be the header: {}", header.join(", ")),
            ));
        }
    }
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(number, line)| {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() == header.len() {
                Ok((number, fields))
            } else {
                Err(TsvError::at(
                    number,
                    format!(
                        "expected {} tab-separated fields, found {}",
                        header.len(),
                        fields.len()
                    ),
                ))
            }
        })
        .collect()
}

/// Like `rows`, and also refuses a first field (the code) seen on an earlier row.
pub fn rows_with_unique_codes<'a>(
    text: &'a str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, TsvError> {
    let rows = rows(text, header)?;
    let mut seen = std::collections::HashSet::new();
    for (line, fields) in &rows {
        if !seen.insert(fields[0]) {
            return Err(TsvError::at(
                *line,
                format!("{} is listed twice", fields[0]),
            ));
        }
    }
    Ok(rows)
}
