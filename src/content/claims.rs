//! Reads and checks the claim content: the simulated payers, the teaching edits and
//! the claim exercises (`content/claims/README.md`). Every exercise's derived key is
//! run through the scrubber and the payer, so an exercise whose key would be
//! rejected, or whose remittance does not lead to the next step it teaches, fails
//! `cargo test` and `billable-tool lint`.

use serde::Deserialize;

use super::charts::{ChartProblem, VALID_DATES, line_of, read_toml};
use super::lint::synthetic_data;
use crate::domain::charts::Chart;
use crate::domain::claims::adjudicate::Processed;
use crate::domain::claims::claim::Claim;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::exercise::{
    ClaimExercise, ClaimSummary, Codes, NextStep, PublishedExercise,
};
use crate::domain::claims::payer::Payer;
use crate::domain::claims::scrub::{CodeLists, ScrubContext, Severity, scrub};
use crate::domain::claims::teaching::TeachingEdits;
use crate::domain::codes::icd10cm::Icd10Cm;
use crate::domain::dates::Day;

/// The payers file, compiled in.
pub const PAYERS_TOML: &str = include_str!("../../content/claims/payers.toml");
/// The teaching edits file, compiled in.
pub const TEACHING_TOML: &str = include_str!("../../content/claims/teaching-edits.toml");

#[derive(Deserialize)]
struct PayersFile {
    payer: Vec<Payer>,
}

/// The simulated payers.
pub fn read_payers(text: &str) -> Result<Vec<Payer>, ChartProblem> {
    read_toml::<PayersFile>("content/claims/payers.toml", text).map(|f| f.payer)
}

/// The teaching edits.
pub fn read_teaching(text: &str) -> Result<TeachingEdits, ChartProblem> {
    read_toml("content/claims/teaching-edits.toml", text)
}

/// Reads one exercise file; its id is the file name without `.toml`.
pub fn read_exercise(path: &str, text: &str) -> Result<ClaimExercise, ChartProblem> {
    let mut exercise: ClaimExercise = read_toml(path, text)?;
    exercise.id = path
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".toml"))
        .unwrap_or_default()
        .to_string();
    Ok(exercise)
}

/// The codes an exercise carries, or `None` when the chart it follows is missing.
pub fn exercise_codes(exercise: &ClaimExercise, charts: &[Chart]) -> Option<Codes> {
    match &exercise.chart {
        Some(id) => {
            let chart = charts.iter().find(|c| &c.id == id)?;
            Some(exercise.codes(Some(chart)))
        }
        None => Some(exercise.codes(None)),
    }
}

/// Everything a claim exercise needs to be checked and played.
pub struct ClaimWorld<'a> {
    pub payers: &'a [Payer],
    pub teaching: &'a TeachingEdits,
    pub charts: &'a [Chart],
    pub icd10cm: &'a Icd10Cm,
    pub lists: &'a CodeLists,
}

impl ClaimWorld<'_> {
    /// The exercise's payer.
    pub fn payer(&self, exercise: &ClaimExercise) -> Option<&Payer> {
        self.payers.iter().find(|p| p.id == exercise.payer)
    }

    /// The codes the exercise carries, or `None` when its chart is missing.
    pub fn codes(&self, exercise: &ClaimExercise) -> Option<Codes> {
        exercise_codes(exercise, self.charts)
    }

    /// Scrubs a claim for this exercise as of `today`.
    pub fn scrub(
        &self,
        claim: &Claim,
        payer: &Payer,
        today: Day,
    ) -> Vec<crate::domain::claims::scrub::Finding> {
        let codes: Vec<String> = claim.diagnoses().into_iter().map(|(_, c)| c).collect();
        let facts = DiagnosisFacts::check(self.icd10cm, &codes);
        scrub(
            claim,
            &ScrubContext {
                today,
                payer,
                lists: self.lists,
                teaching: self.teaching,
                diagnoses: &facts,
            },
        )
    }
}

/// Checks every exercise source (path, text); returns the exercises that read and
/// every problem.
pub fn lint_exercises(
    sources: &[(&str, &str)],
    world: &ClaimWorld<'_>,
) -> (Vec<ClaimExercise>, Vec<ChartProblem>) {
    let mut exercises = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in sources {
        match read_exercise(path, text) {
            Ok(exercise) => {
                problems.extend(exercise_rules(&exercise, text, world).into_iter().map(
                    |(line, message)| ChartProblem {
                        path: path.to_string(),
                        line,
                        message,
                    },
                ));
                exercises.push(exercise);
            }
            Err(problem) => problems.push(problem),
        }
    }
    (exercises, problems)
}

fn exercise_rules(e: &ClaimExercise, text: &str, world: &ClaimWorld<'_>) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let at = |needle: &str| line_of(text, needle);
    for (i, line) in text.lines().enumerate() {
        for kind in synthetic_data(line) {
            found.push((i + 1, kind.to_string()));
        }
    }
    if !(1..=3).contains(&e.difficulty) {
        found.push((
            at("difficulty"),
            format!("difficulty is 1, 2 or 3, not {}", e.difficulty),
        ));
    }
    let dos = e.encounter.date_of_service.as_str();
    if dos < VALID_DATES.0 || dos > VALID_DATES.1 || Day::parse_iso(dos).is_none() {
        found.push((
            at("date_of_service"),
            format!(
                "date_of_service \"{dos}\" must be a YYYY-MM-DD date from {} to {}",
                VALID_DATES.0, VALID_DATES.1
            ),
        ));
    }
    let Some(prepared) = e
        .prepared_day()
        .filter(|p| Day::parse_iso(dos).is_some_and(|d| d <= *p))
    else {
        found.push((
            at("prepared"),
            "prepared must be a YYYY-MM-DD date on or after the date of service".into(),
        ));
        return found;
    };
    for ein in [&e.provider.ein] {
        if !ein.starts_with("00-") {
            found.push((
                at("ein"),
                format!(
                    "EIN \"{ein}\" must start 00- (never issued), so it cannot be a real employer's"
                ),
            ));
        }
    }
    let Some(payer) = world.payer(e) else {
        found.push((
            at("payer"),
            format!("payer \"{}\" is not in content/claims/payers.toml", e.payer),
        ));
        return found;
    };
    let Some(codes) = world.codes(e) else {
        found.push((
            at("chart"),
            format!(
                "chart \"{}\" is not in content/charts",
                e.chart.clone().unwrap_or_default()
            ),
        ));
        return found;
    };
    if let Some(chart) = e
        .chart
        .as_ref()
        .and_then(|id| world.charts.iter().find(|c| &c.id == id))
    {
        if !e.diagnoses.is_empty() || !e.lines.is_empty() {
            found.push((at("chart"), "an exercise that follows a chart takes its codes from the chart: remove [[diagnosis]] and [[line]]".into()));
        }
        let name = format!("{} {}", e.patient.first, e.patient.last);
        let same = chart.patient.name == name
            && chart.patient.date_of_birth == e.patient.date_of_birth
            && chart.date_of_service == e.encounter.date_of_service
            && chart.place_of_service == e.encounter.place_of_service;
        if !same {
            found.push((
                at("[patient]"),
                format!(
                    "the face sheet must match chart {}: {} born {}, seen {} at place {}",
                    chart.id,
                    chart.patient.name,
                    chart.patient.date_of_birth,
                    chart.date_of_service,
                    chart.place_of_service
                ),
            ));
        }
    } else if codes.diagnoses.is_empty() || codes.lines.is_empty() {
        found.push((
            1,
            "a standalone exercise needs a superbill: at least one [[diagnosis]] and one [[line]]"
                .into(),
        ));
    }
    let key = e.key_claim(&codes, payer);
    let step = e.after_remittance.next_step;
    let denial_expected = matches!(
        step,
        NextStep::CorrectedClaim | NextStep::Appeal | NextStep::WriteOff
    );
    for f in world.scrub(&key, payer, prepared) {
        let blocking = f.severity == Severity::Reject
            || (f.severity == Severity::DenyRisk && !denial_expected);
        if blocking {
            found.push((
                1,
                format!(
                    "the answer key fails scrubber edit {} at box {}: {}",
                    f.edit, f.field, f.message
                ),
            ));
        }
    }
    let remit = e.remit(payer, world.teaching, &key, &[], prepared);
    let collected = e.copay_collected();
    let problem = match step {
        NextStep::BillPatient if remit.patient() <= collected => Some(format!(
            "next_step is bill-patient, but the patient owes {} and paid {collected} at the visit",
            remit.patient()
        )),
        NextStep::BillSecondary if e.secondary.is_none() => {
            Some("next_step is bill-secondary, but there is no [secondary] plan".into())
        }
        NextStep::CorrectedClaim | NextStep::Appeal | NextStep::WriteOff if !remit.any_denied() => {
            Some(format!(
                "next_step is {step:?}, but the payer denies no line of the key claim"
            ))
        }
        _ => None,
    };
    found.extend(problem.map(|p| (at("next_step"), p)));
    if step == NextStep::CorrectedClaim {
        if e.after_remittance.fix.is_empty() {
            found.push((
                at("next_step"),
                "a corrected-claim exercise needs [after_remittance.fix]".into(),
            ));
        }
        let history = [Processed::of(&key, &remit.claim_number)];
        let corrected = e.corrected_key(&key, &remit.claim_number, prepared);
        let again = e.remit(payer, world.teaching, &corrected, &history, prepared);
        if again.any_denied() {
            found.push((
                at("[after_remittance.fix]"),
                "the corrected claim is still denied: the fix must resolve the denial".into(),
            ));
        }
        for f in world.scrub(&corrected, payer, prepared) {
            if f.severity == Severity::Reject {
                found.push((
                    at("[after_remittance.fix]"),
                    format!(
                        "the corrected claim fails scrubber edit {}: {}",
                        f.edit, f.message
                    ),
                ));
            }
        }
    } else if !e.after_remittance.fix.is_empty() {
        found.push((
            at("[after_remittance.fix]"),
            "only a corrected-claim exercise has a fix".into(),
        ));
    }
    found
}

/// The files the browser fetches for the claim exercises, as (path under the charts
/// data folder, JSON): `claims/index.json`, `claims/reference.json` (payers and
/// teaching edits) and `claims/<id>.json` for each exercise with its codes.
pub fn published_claim_files(
    exercises: &[ClaimExercise],
    payers: &[Payer],
    teaching: &TeachingEdits,
    charts: &[Chart],
) -> Result<Vec<(String, String)>, String> {
    let mut list = Vec::new();
    let mut files = Vec::new();
    for e in exercises {
        let payer = payers
            .iter()
            .find(|p| p.id == e.payer)
            .ok_or_else(|| format!("exercise {} names unknown payer {}", e.id, e.payer))?;
        let codes = exercise_codes(e, charts)
            .ok_or_else(|| format!("exercise {} follows a missing chart", e.id))?;
        list.push(ClaimSummary {
            id: e.id.clone(),
            title: e.title.clone(),
            difficulty: e.difficulty,
            plan: payer.plan.clone(),
            chart: e.chart.clone(),
        });
        let published = PublishedExercise {
            exercise: e.clone(),
            codes,
        };
        files.push((format!("claims/{}.json", e.id), json(&published)?));
    }
    list.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));
    files.push(("claims/index.json".into(), json(&list)?));
    let reference = serde_json::json!({ "payers": payers, "teaching": teaching });
    files.push(("claims/reference.json".into(), reference.to_string()));
    Ok(files)
}

/// A value as JSON, with the error as text.
fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}
