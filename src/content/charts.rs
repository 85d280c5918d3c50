//! Chart files (`content/charts/*.toml`): reading them, with file:line errors, and the
//! rules every chart keeps. The rules are in `content/charts/README.md`; `cargo test`
//! and `billable-tool lint` apply them.

use std::collections::HashSet;

use thiserror::Error;

use super::icd_facts::IcdFacts;
use super::lint::synthetic_data;
use crate::domain::charts::{Chart, pointer_index};
use crate::domain::claims::scrub::CodeLists as ReferenceLists;
use crate::domain::codes::cpt::CptCode;
use crate::domain::codes::hcpcs::HcpcsCode;
use crate::domain::codes::icd10cm::Icd10Cm;
use crate::domain::codes::modifiers::Modifier;
use crate::domain::codes::place_of_service::PlaceOfService;
use crate::domain::npi;
use crate::domain::slug::is_slug;

/// The first and last dates of service the shipped ICD-10-CM release is valid for.
pub const VALID_DATES: (&str, &str) = ("2026-04-01", "2026-09-30");

/// The code sets charts are checked against.
pub struct ChartCodeLists<'a> {
    icd10cm: &'a dyn IcdFacts,
    lists: ReferenceLists,
}

impl<'a> ChartCodeLists<'a> {
    /// The sets from the parsed ICD-10-CM data and the reference lists.
    pub fn new(
        icd10cm: &'a Icd10Cm,
        cpt: &[CptCode],
        hcpcs: &[HcpcsCode],
        modifiers: &[Modifier],
        places: &[PlaceOfService],
    ) -> Self {
        Self::from_facts(icd10cm, &ReferenceLists::new(cpt, hcpcs, modifiers, places))
    }

    /// The sets as the browser has them: ICD-10-CM answers from the search worker,
    /// and the reference lists as the claim scrubber reads them.
    pub fn from_facts(icd10cm: &'a dyn IcdFacts, lists: &ReferenceLists) -> Self {
        ChartCodeLists {
            icd10cm,
            lists: lists.clone(),
        }
    }
}

/// A problem in a chart file, displayed as `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}:{line}: {message}")]
pub struct ChartProblem {
    pub path: String,
    pub line: usize,
    pub message: String,
}

/// Reads one chart file; its id is the file name without `.toml`.
pub fn read_chart(path: &str, text: &str) -> Result<Chart, ChartProblem> {
    let fail = |line: usize, message: String| ChartProblem {
        path: path.to_string(),
        line,
        message,
    };
    let id = path
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".toml"))
        .filter(|id| is_slug(id))
        .ok_or_else(|| {
            fail(
                1,
                "chart files are named content/charts/<id>.toml, with an id of lowercase letters, digits and dashes".into(),
            )
        })?;
    let mut chart: Chart = read_toml(path, text)?;
    chart.id = id.to_string();
    Ok(chart)
}

/// Reads a content file's TOML, turning an error into a problem at its line: the one
/// reader for charts, claim exercises, payers, questions and decks.
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
) -> Result<T, ChartProblem> {
    toml::from_str(text).map_err(|e| ChartProblem {
        path: path.to_string(),
        line: e.span().map_or(1, |span| {
            text[..span.start.min(text.len())].matches('\n').count() + 1
        }),
        message: e.message().trim().to_string(),
    })
}

/// The 1-based line of the first occurrence of `needle` in `text`, or 1.
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |at| text[..at].matches('\n').count() + 1)
}

/// Checks every chart source (path, text), returning the charts that read and every
/// problem, in file order.
pub fn lint_charts(
    sources: &[(&str, &str)],
    codes: &ChartCodeLists<'_>,
) -> (Vec<Chart>, Vec<ChartProblem>) {
    let mut charts = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in sources {
        match read_chart(path, text) {
            Ok(chart) => {
                problems.extend(chart_rules(&chart, text, codes).into_iter().map(
                    |(line, message)| ChartProblem {
                        path: path.to_string(),
                        line,
                        message,
                    },
                ));
                charts.push(chart);
            }
            Err(problem) => problems.push(problem),
        }
    }
    (charts, problems)
}

/// True for `YYYY-MM-DD` with a plausible month and day.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// True for a charge written as dollars and cents above zero, e.g. `125.00`.
fn is_charge(text: &str) -> bool {
    match text.split_once('.') {
        Some((dollars, cents)) => {
            !dollars.is_empty()
                && dollars.bytes().all(|b| b.is_ascii_digit())
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
                && text != "0.00"
                && dollars.trim_start_matches('0').len() + cents.trim_start_matches('0').len() > 0
        }
        None => false,
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Every rule one chart must keep, as (line, message).
fn chart_rules(chart: &Chart, text: &str, codes: &ChartCodeLists<'_>) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut fail = |line: usize, message: String| found.push((line, message));
    let at = |needle: &str| line_of(text, needle);

    if chart.title.trim().is_empty() {
        fail(at("title"), "the chart needs a title".into());
    }
    if !(1..=3).contains(&chart.difficulty) {
        fail(
            at("difficulty"),
            format!("difficulty is 1, 2 or 3, not {}", chart.difficulty),
        );
    }
    let dos = chart.date_of_service.as_str();
    if !is_date(dos) {
        fail(
            at("date_of_service"),
            format!("date_of_service \"{dos}\" is not YYYY-MM-DD"),
        );
    } else if dos < VALID_DATES.0 || dos > VALID_DATES.1 {
        fail(
            at("date_of_service"),
            format!(
                "date_of_service {dos} is outside {} to {}, the dates the shipped ICD-10-CM release is valid for",
                VALID_DATES.0, VALID_DATES.1
            ),
        );
    }
    let dob = chart.patient.date_of_birth.as_str();
    if !is_date(dob) {
        fail(
            at("date_of_birth"),
            format!("date_of_birth \"{dob}\" is not YYYY-MM-DD"),
        );
    } else if dob >= dos {
        fail(
            at("date_of_birth"),
            "the patient must be born before the date of service".into(),
        );
    }
    if !codes.lists.places.contains(&chart.place_of_service) {
        fail(
            at("place_of_service"),
            format!(
                "place of service \"{}\" is not in content/codes/place-of-service.tsv",
                chart.place_of_service
            ),
        );
    }
    let phone = chart.patient.phone.as_str();
    let fictional_phone = phone.len() == 8
        && phone.starts_with("555-01")
        && phone[6..].bytes().all(|b| b.is_ascii_digit());
    if !fictional_phone {
        fail(
            at("phone"),
            format!("phone \"{phone}\" must be 555-0100 to 555-0199"),
        );
    }
    if !chart.patient.address.contains("ZZ") {
        fail(
            at("address"),
            "use the made-up state ZZ in the address, so it cannot be a real one".into(),
        );
    }
    for (i, line) in text.lines().enumerate() {
        for kind in synthetic_data(line) {
            fail(i + 1, kind.to_string());
        }
    }
    for (label, value) in [
        ("rendering_npi", &chart.provider.rendering_npi),
        ("billing_npi", &chart.provider.billing_npi),
    ] {
        if !npi::is_valid(value) {
            fail(
                at(label),
                format!(
                    "{label} {value} is not a valid NPI (ten digits with a Luhn check digit; `billable-tool npi` makes one)"
                ),
            );
        }
    }
    let note_words: usize = chart.sections.iter().map(|s| words(&s.text)).sum();
    if note_words < 100 {
        fail(
            at("[[section]]"),
            format!(
                "the documentation has {note_words} words; a realistic note needs at least 100"
            ),
        );
    }
    if chart
        .sections
        .iter()
        .any(|s| s.heading.trim().is_empty() || s.text.trim().is_empty())
    {
        fail(
            at("[[section]]"),
            "every section needs a heading and text".into(),
        );
    }

    // The answer key.
    if chart.diagnoses.is_empty() || chart.diagnoses.len() > 12 {
        fail(
            at("[[diagnosis]]"),
            format!(
                "a chart has 1 to 12 diagnoses, not {}",
                chart.diagnoses.len()
            ),
        );
    }
    let mut seen = HashSet::new();
    let key_codes = chart
        .diagnoses
        .iter()
        .flat_map(|d| std::iter::once(&d.code).chain(&d.accept))
        .chain(chart.optional.iter().map(|o| &o.code));
    for code in key_codes {
        let fact = codes.icd10cm.fact(code);
        if !fact.billable {
            let message = fact.message;
            fail(
                at(&format!("\"{code}\"")),
                format!("{code} is not a billable ICD-10-CM code: {message}"),
            );
        }
        if !seen.insert(code.to_ascii_uppercase()) {
            fail(
                at(&format!("\"{code}\"")),
                format!("{code} appears twice in the key"),
            );
        }
    }
    for d in &chart.diagnoses {
        if words(&d.rationale) < 5 {
            fail(
                at(&format!("\"{}\"", d.code)),
                format!("{} needs a rationale that explains it", d.code),
            );
        }
    }
    for o in &chart.optional {
        if words(&o.rationale) < 5 {
            fail(
                at(&format!("\"{}\"", o.code)),
                format!("optional {} needs a rationale", o.code),
            );
        }
    }
    let listed: Vec<&str> = chart.diagnoses.iter().map(|d| d.code.as_str()).collect();
    for message in codes.icd10cm.conflicts(&listed) {
        fail(
            at("[[diagnosis]]"),
            format!("the key's diagnoses conflict: {message}"),
        );
    }
    if chart.lines.is_empty() || chart.lines.len() > 6 {
        fail(
            at("[[line]]"),
            format!(
                "a chart has 1 to 6 service lines, as on the CMS-1500, not {}",
                chart.lines.len()
            ),
        );
    }
    for line in &chart.lines {
        let here = at(&format!("code = \"{}\"", line.code));
        for code in std::iter::once(&line.code).chain(&line.accept_codes) {
            if !codes.lists.has_procedure(code) {
                fail(
                    here,
                    format!("{code} is not in content/codes/cpt.tsv or hcpcs.tsv"),
                );
            }
        }
        let modifier_sets = std::iter::once(&line.modifiers).chain(&line.accept_modifiers);
        for set in modifier_sets {
            if set.len() > 4 {
                fail(
                    here,
                    format!("{}: a line takes at most 4 modifiers", line.code),
                );
            }
            for m in set {
                if !codes.lists.modifiers.contains(m) {
                    fail(
                        here,
                        format!(
                            "{}: modifier {m} is not in content/codes/modifiers.tsv",
                            line.code
                        ),
                    );
                }
            }
        }
        if line.units == 0 {
            fail(here, format!("{}: units start at 1", line.code));
        }
        if line.pointers.is_empty() || line.pointers.len() > 4 {
            fail(
                here,
                format!("{}: a line points at 1 to 4 diagnoses", line.code),
            );
        }
        for p in &line.pointers {
            if pointer_index(p).is_none_or(|i| i >= chart.diagnoses.len()) {
                fail(
                    here,
                    format!(
                        "{}: pointer {p} does not name one of the key's {} diagnoses",
                        line.code,
                        chart.diagnoses.len()
                    ),
                );
            }
        }
        if !is_charge(&line.charge) {
            fail(
                here,
                format!(
                    "{}: charge \"{}\" is not dollars and cents, e.g. 125.00",
                    line.code, line.charge
                ),
            );
        }
        if words(&line.rationale) < 5 {
            fail(
                here,
                format!("{} needs a rationale that explains it", line.code),
            );
        }
    }
    found
}
