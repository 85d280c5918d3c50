//! The benchmark's queries, and the helpers that score them.

use billable::domain::codes::code_text::completes;
use serde_json::Value;

/// Percentile of already-sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

/// The quality queries (query, expected code) from the native test's data file.
pub fn quality_queries() -> Vec<(String, String)> {
    include_str!("../../tests/data/icd10cm_queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, c)| (q.to_string(), c.to_string()))
        .collect()
}

/// A fixed list of 200+ queries: the realistic ones, each again with a typo (two
/// letters of its longest word swapped), and codes taken at a fixed stride from the
/// data, typed to varying lengths.
pub fn latency_queries() -> Vec<String> {
    let mut queries: Vec<String> = quality_queries().into_iter().map(|(q, _)| q).collect();
    let typos: Vec<String> = queries
        .iter()
        .map(|q| {
            let longest = q.split(' ').max_by_key(|w| w.len()).unwrap_or("");
            let swapped = if longest.len() >= 5 {
                let b = longest.as_bytes();
                let mut w = b.to_vec();
                w.swap(1, 2);
                String::from_utf8(w).unwrap_or_else(|_| longest.to_string())
            } else {
                longest.to_string()
            };
            q.replacen(longest, &swapped, 1)
        })
        .collect();
    queries.extend(typos);
    let codes = include_str!("../../content/codes/icd10cm.txt")
        .lines()
        .filter_map(|l| l.strip_prefix("D\t"))
        .filter_map(|l| l.split('\t').next())
        .step_by(450)
        .take(110)
        .enumerate()
        .map(|(i, code)| code.chars().take(3 + i % 5).collect::<String>());
    queries.extend(codes);
    queries
}

/// How many cases have their expected code among the top five codes in `tops` (a JSON
/// array of arrays of codes, one per case, in order).
pub fn top_five_hits(cases: &[(String, String)], tops: &Value) -> usize {
    cases
        .iter()
        .zip(tops.as_array().into_iter().flatten())
        .filter(|((_, expected), top)| {
            top.as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c.as_str())
                .any(|found| completes(found, expected))
        })
        .count()
}

/// The numbers in a JSON array, sorted ascending.
pub fn sorted_numbers(value: &Value) -> Vec<f64> {
    let mut numbers: Vec<f64> = value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    numbers.sort_by(|a, b| a.total_cmp(b));
    numbers
}
