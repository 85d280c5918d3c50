//! Claim exercises end to end in the browser: code a chart, carry its codes to the
//! claim, fill the CMS-1500, fix what the scrubber finds, get a remittance, post it,
//! choose the corrected claim, and send it until the denial is worked.

use billable::content::charts::read_chart;
use billable::content::claims::{
    PAYERS_TOML, TEACHING_TOML, read_exercise, read_payers, read_teaching,
};
use billable::content::{CHART_SOURCES, CLAIM_SOURCES};
use billable::domain::charts::Chart;
use billable::domain::claims::adjudicate::Processed;
use billable::domain::claims::claim::Claim;
use billable::domain::claims::exercise::{ClaimExercise, NextStep};
use billable::domain::claims::form::{self, Kind};
use serde_json::json;

use crate::Learner;
use crate::charts::{enter, set_value};

/// The first exercise that follows a chart and is worked with a corrected claim.
fn corrected_chart_exercise() -> (ClaimExercise, Chart) {
    let charts: Vec<Chart> = CHART_SOURCES
        .iter()
        .filter_map(|(p, t)| read_chart(p, t).ok())
        .collect();
    CLAIM_SOURCES
        .iter()
        .filter_map(|(p, t)| read_exercise(p, t).ok())
        .find_map(|e| {
            let chart = charts
                .iter()
                .find(|c| Some(&c.id) == e.chart.as_ref())?
                .clone();
            (e.after_remittance.next_step == NextStep::CorrectedClaim).then_some((e, chart))
        })
        .unwrap_or_else(|| panic!("no chart exercise is worked with a corrected claim"))
}

/// Fills one box as a learner would, whatever its kind.
fn fill(learner: &Learner, id: &str, value: &str) {
    let css = format!("#box-{}", id.replace('.', "-"));
    match form::find(id).map(|f| f.kind) {
        Some(Kind::Check) => learner.browser.run(
            "const e = document.querySelector(arguments[0]);
             if (e.checked !== (arguments[1] !== '')) { e.click(); }",
            json!([css, value]),
        ),
        _ => {
            set_value(learner, &css, value, "change");
            serde_json::Value::Null
        }
    };
}

/// Fills every box of `claim` (and empties the ones it leaves empty).
fn fill_claim(learner: &Learner, claim: &Claim, shown: &Claim) {
    for (id, _) in shown.values() {
        if !claim.has(id) {
            fill(learner, id, "");
        }
    }
    for (id, value) in claim.values() {
        fill(learner, id, value);
    }
}

/// Scrubs and waits for the report.
fn scrub(learner: &Learner) {
    let b = &learner.browser;
    b.click_css("#scrub-claim");
    b.wait_for(".scrub-report");
}

#[test]
fn a_denied_chart_claim_is_worked_to_a_corrected_claim() {
    let (exercise, chart) = corrected_chart_exercise();
    let payers = read_payers(PAYERS_TOML).unwrap_or_else(|e| panic!("{e}"));
    let teaching = read_teaching(TEACHING_TOML).unwrap_or_else(|e| panic!("{e}"));
    let payer = payers
        .iter()
        .find(|p| p.id == exercise.payer)
        .unwrap_or_else(|| panic!("payer"));
    let codes = exercise.codes(Some(&chart));
    let key = exercise.key_claim(&codes, payer);
    let learner = Learner::start();
    let b = &learner.browser;

    // Code the chart first: its codes carry over to the claim.
    learner.open(&format!("/charts/{}", chart.id));
    b.wait_for("#dx-input");
    enter(&learner, &chart.key_answer());
    b.click_css("#submit-chart");
    b.wait_for_text("[data-testid=chart-score]", "Score: 100 of 100");

    learner.open(&format!("/claims/{}", exercise.id));
    b.wait_for("#box-2");
    let first_dx = b.run(
        "return document.querySelector('#box-21-A').value",
        json!([]),
    );
    assert_eq!(
        first_dx.as_str(),
        Some(codes.diagnoses[0].as_str()),
        "item 21A carries the chart's first diagnosis"
    );

    // Fill the form from the face sheet, with one slip: a mistyped billing NPI.
    let mut slip = key.clone();
    let npi = key.get("33a");
    let last = npi.chars().last().and_then(|c| c.to_digit(10)).unwrap_or(0);
    slip.set("33a", format!("{}{}", &npi[..9], (last + 1) % 10));
    let shown = Claim::new();
    fill_claim(&learner, &slip, &shown);
    scrub(&learner);
    b.wait_for(".finding[data-edit=\"npi-check-digit\"]");
    let disabled = b.run(
        "return document.querySelector('#submit-claim').disabled",
        json!([]),
    );
    assert_eq!(disabled, json!(true), "a rejecting finding blocks sending");

    // Fix it, check again and send.
    fill(&learner, "33a", npi);
    scrub(&learner);
    let rejects = b.find_all(".finding-reject");
    assert!(
        rejects.is_empty(),
        "no reject after the fix: {}",
        b.text(&b.wait_for(".scrub-report"))
    );
    b.click_css("#submit-claim");
    b.wait_for_text("#grade-heading", "Claim score: 100 of 100");
    let remit = exercise.remit(
        payer,
        &teaching,
        &key,
        &[],
        exercise
            .prepared_day()
            .unwrap_or(billable::domain::dates::Day(0)),
    );
    assert!(
        remit.any_denied(),
        "the key is denied, so there is a denial to work"
    );
    b.wait_for_text("#remit-heading", &remit.claim_number);

    // Post the remittance as it came.
    for (i, line) in remit.lines.iter().enumerate() {
        let row = format!(".posting-table tbody tr:nth-child({})", i + 1);
        set_value(
            &learner,
            &format!("{row} input[data-column=\"0\"]"),
            &line.paid.to_string(),
            "change",
        );
        set_value(
            &learner,
            &format!("{row} input[data-column=\"1\"]"),
            &line.write_off().to_string(),
            "change",
        );
        set_value(
            &learner,
            &format!("{row} input[data-column=\"2\"]"),
            &line.patient().to_string(),
            "change",
        );
    }
    b.click_css("#post-payment");
    b.wait_for("#posting-ok");
    b.wait_for("#patient-balance");

    // The next step is a corrected claim.
    b.click_css("#step-corrected-claim");
    b.click_css("#confirm-step");
    b.wait_for_text("#step-verdict", "Right.");
    b.click_css("#start-corrected");
    b.wait_for_text(".banner", "corrected claim");

    // Mark it as a replacement of the denied claim, apply the fix, check and send.
    let prepared = exercise
        .prepared_day()
        .unwrap_or(billable::domain::dates::Day(0));
    let corrected = exercise.corrected_key(&key, &remit.claim_number, prepared);
    fill_claim(&learner, &corrected, &key);
    scrub(&learner);
    assert!(
        b.find_all(".finding-reject").is_empty(),
        "the corrected claim is clean"
    );
    b.click_css("#submit-claim");
    b.wait_for("#resolved");
    let again = exercise.remit(
        payer,
        &teaching,
        &corrected,
        &[Processed::of(&key, &remit.claim_number)],
        prepared,
    );
    b.wait_for_text("#remit-heading", &again.claim_number);

    // The work is kept: a reload shows the latest remittance again.
    learner.reload();
    b.wait_for_text("#remit-heading", &again.claim_number);
}
