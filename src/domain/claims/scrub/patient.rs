//! Edits on the patient and insured items, 1 to 14: coverage, names, birth dates,
//! addresses, the relationship between patient and insured, and other insurance.

use super::formats::{
    date_box, is_medicare_id, is_person_name, phone_box, same_name, state_box, zip_box,
};
use super::{Finding, ScrubContext, finding};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::form::{COVERAGE, RELATIONSHIPS};
use crate::domain::claims::payer::PayerKind;
use crate::domain::dates::Day;

/// Runs the item 1–14 edits.
pub(super) fn check(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    coverage(claim, ctx, out);
    names_and_birth(claim, ctx, out);
    addresses(claim, out);
    relationship(claim, out);
    other_insurance(claim, out);
    conditions(claim, out);
    group_number(claim, ctx, out);
    signatures(claim, out);
    onset(claim, out);
}

fn label(options: &[(&str, &'static str)], value: &str) -> &'static str {
    options
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, l)| l)
}

fn coverage(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let kind = ctx.payer.kind;
    let ticked = claim.get("1");
    let expected: Vec<&str> = kind.coverage().iter().map(|v| label(COVERAGE, v)).collect();
    let expected = expected.join(" or ");
    if ticked.is_empty() {
        out.push(finding(
            "coverage-missing",
            "1",
            format!(
                "Item 1 is empty: tick the program that covers this claim. {} is a {} payer, so tick {expected}.",
                ctx.payer.name,
                kind.label()
            ),
        ));
    } else if !kind.coverage().contains(&ticked) {
        let shown = match label(COVERAGE, ticked) {
            "" => ticked,
            l => l,
        };
        out.push(finding(
            "coverage-mismatch",
            "1",
            format!(
                "Item 1 says {shown}, but {} is a {} payer: tick {expected}, or check that the claim is going to the right payer.",
                ctx.payer.name,
                kind.label()
            ),
        ));
    }
    let id = claim.get("1a");
    if id.is_empty() {
        out.push(finding(
            "insured-id-missing",
            "1a",
            "Item 1a is empty: copy the member id from the front of the insurance card, exactly as printed.",
        ));
    } else if kind == PayerKind::Medicare && !is_medicare_id(id) {
        out.push(finding(
            "medicare-id-shape",
            "1a",
            format!(
                "Item 1a \"{id}\" is not shaped like a Medicare Beneficiary Identifier: our Medicare payer expects 11 letters and digits, starting with a digit 1 to 9. Copy it from the Medicare card and leave out the dashes."
            ),
        ));
    }
}

fn names_and_birth(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let patient = claim.get("2");
    if patient.is_empty() {
        out.push(finding(
            "patient-name-missing",
            "2",
            "Item 2 is empty: write the patient's name as LAST, FIRST MIDDLE-INITIAL, as on the card.",
        ));
    }
    for (id, whose) in [
        ("2", "patient's"),
        ("4", "insured's"),
        ("9", "other insured's"),
    ] {
        let name = claim.get(id);
        if !name.is_empty() && !is_person_name(name) {
            out.push(finding(
                "name-format",
                id,
                format!(
                    "Item {id}, the {whose} name \"{name}\", is not written LAST, FIRST: put the last name first, then a comma, then the first name and middle initial."
                ),
            ));
        }
    }
    let birth = claim.get("3");
    if birth.is_empty() {
        out.push(finding(
            "birth-date-missing",
            "3",
            "Item 3 is empty: write the patient's birth date from the face sheet, MM/DD/YYYY.",
        ));
    }
    let born = date_box(birth, "3", "Item 3 (patient's birth date)", out);
    if born.is_some_and(|b| b > ctx.today) {
        out.push(finding(
            "birth-date-future",
            "3",
            format!(
                "Item 3 gives a birth date of {birth}, which is after the day the claim is sent ({}): check the year on the face sheet.",
                ctx.today.mdy()
            ),
        ));
    }
    if !matches!(claim.get("3.sex"), "F" | "M") {
        out.push(finding(
            "patient-sex-missing",
            "3.sex",
            "Item 3's sex box is not filled: tick F or M as recorded on the face sheet.",
        ));
    }
    if claim.get("4").is_empty() {
        out.push(finding(
            "insured-name-missing",
            "4",
            "Item 4 is empty: write the policyholder's name, LAST, FIRST; when the patient is the policyholder, repeat item 2 (our payers want it filled).",
        ));
    }
}

fn addresses(claim: &Claim, out: &mut Vec<Finding>) {
    for (part, what) in [
        ("street", "street"),
        ("city", "city"),
        ("state", "state"),
        ("zip", "ZIP code"),
    ] {
        let id = format!("5.{part}");
        if !claim.has(&id) {
            out.push(finding(
                "patient-address-missing",
                id,
                format!(
                    "Item 5's {what} is empty: copy the patient's home address from the face sheet."
                ),
            ));
        }
    }
    for item in ["5", "7"] {
        let state = format!("{item}.state");
        state_box(
            claim.get(&state),
            &state,
            &format!("Item {item}'s state"),
            out,
        );
        let zip = format!("{item}.zip");
        zip_box(claim.get(&zip), &zip, &format!("Item {item}'s ZIP"), out);
    }
    phone_box(claim.get("5.phone"), "5.phone", "Item 5's phone", out);
}

fn relationship(claim: &Claim, out: &mut Vec<Finding>) {
    let relation = claim.get("6");
    if !RELATIONSHIPS.iter().any(|(v, _)| *v == relation) {
        out.push(finding(
            "relationship-missing",
            "6",
            "Item 6 is not filled: tick Self when the patient holds the policy, otherwise Spouse, Child or Other.",
        ));
        return;
    }
    let (patient, insured) = (claim.get("2"), claim.get("4"));
    let both = !patient.is_empty() && !insured.is_empty();
    if relation == "self" {
        if both && !same_name(patient, insured) {
            out.push(finding(
                "self-name-differs",
                "4",
                format!(
                    "Item 6 says the patient is the insured, but item 4 ({insured}) differs from item 2 ({patient}): repeat the patient's name in item 4, or correct item 6 if someone else holds the policy."
                ),
            ));
        }
        return;
    }
    if both && same_name(patient, insured) {
        out.push(finding(
            "not-self-same-name",
            "4",
            format!(
                "Item 6 says the patient is the insured's {relation}, but item 4 repeats the patient's name: write the policyholder's name in item 4, or tick Self in item 6."
            ),
        ));
    }
    for (part, what) in [
        ("street", "street"),
        ("city", "city"),
        ("state", "state"),
        ("zip", "ZIP code"),
    ] {
        let id = format!("7.{part}");
        if !claim.has(&id) {
            out.push(finding(
                "insured-address-missing",
                id,
                format!("Item 7's {what} is empty: the insured is not the patient, so give the policyholder's address."),
            ));
        }
    }
    let insured_birth = claim.get("11a");
    if insured_birth.is_empty() {
        out.push(finding(
            "insured-birth-date-missing",
            "11a",
            "Item 11a is empty: the insured is not the patient, so write the policyholder's birth date, MM/DD/YYYY.",
        ));
    }
    let insured_born = date_box(insured_birth, "11a", "Item 11a (insured's birth date)", out);
    let patient_born = Day::parse_mdy(claim.get("3"));
    if let (Some(insured_born), Some(patient_born)) = (insured_born, patient_born)
        && relation == "child"
        && insured_born > patient_born
    {
        out.push(finding(
            "child-older-insured",
            "11a",
            format!(
                "Item 6 says the patient is the insured's child, but the insured (born {insured_birth}) is younger than the patient (born {}): check item 11a against the card, and item 6.",
                claim.get("3")
            ),
        ));
    }
    if !matches!(claim.get("11a.sex"), "F" | "M") {
        out.push(finding(
            "insured-sex-missing",
            "11a.sex",
            "Item 11a's sex box is not filled: the insured is not the patient, so tick the policyholder's sex, F or M.",
        ));
    }
}

fn other_insurance(claim: &Claim, out: &mut Vec<Finding>) {
    let answer = claim.get("11d");
    if !matches!(answer, "Y" | "N") {
        out.push(finding(
            "other-plan-unanswered",
            "11d",
            "Item 11d is not answered: tick Yes when the patient has a second health plan, No when not.",
        ));
    }
    if answer == "Y" {
        for (id, what) in [
            ("9", "the other plan's policyholder"),
            ("9a", "the other plan's policy or group number"),
            ("9d", "the other plan's name"),
        ] {
            if !claim.has(id) {
                out.push(finding(
                    "other-insurance-incomplete",
                    id,
                    format!("Item 11d says there is another plan, but item {id} is empty: write {what}, or change 11d to No."),
                ));
            }
        }
    } else if claim.has("9") {
        out.push(finding(
            "other-insurance-unflagged",
            "11d",
            "Item 9 names another plan's insured, but item 11d is not Yes: the payer will hold the claim to coordinate benefits. Tick Yes in 11d, or clear items 9 to 9d if there is no other plan.",
        ));
    }
}

fn conditions(claim: &Claim, out: &mut Vec<Finding>) {
    for (id, what) in [
        ("10a", "employment"),
        ("10b", "an auto accident"),
        ("10c", "another accident"),
    ] {
        if !matches!(claim.get(id), "Y" | "N") {
            out.push(finding(
                "condition-related-missing",
                id,
                format!("Item {id} is not answered: tick Yes or No for whether the condition is related to {what}."),
            ));
        }
    }
    let state = claim.get("10b.state");
    if claim.get("10b") == "Y" && state.is_empty() {
        out.push(finding(
            "accident-state-missing",
            "10b.state",
            "Item 10b says the condition comes from an auto accident, but the accident's state is empty: write the two-letter state where it happened.",
        ));
    } else if claim.get("10b") != "Y" && !state.is_empty() {
        out.push(finding(
            "accident-state-unexpected",
            "10b.state",
            "Item 10b has an accident state but is not ticked Yes: clear the state, or tick Yes if it was an auto accident.",
        ));
    }
    state_box(state, "10b.state", "Item 10b's accident state", out);
}

fn group_number(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    if claim.has("11") {
        return;
    }
    let message = match ctx.payer.kind {
        PayerKind::Medicare => {
            "Item 11 is empty: our Medicare payer wants NONE here when no group plan pays first. Write NONE, or the group number of the plan that pays before Medicare."
        }
        PayerKind::Commercial => {
            "Item 11 is empty: our commercial payers need the group number from the insurance card. Copy it from the card."
        }
        PayerKind::Medicaid | PayerKind::Tricare => return,
    };
    out.push(finding("group-number-missing", "11", message));
}

fn signatures(claim: &Claim, out: &mut Vec<Finding>) {
    if !claim.has("12") {
        out.push(finding(
            "patient-signature-missing",
            "12",
            "Item 12 is not ticked: the payer needs the patient's release of information. Tick it when the signature is on file (SOF); otherwise get the form signed before billing.",
        ));
    }
    if !claim.has("13") {
        out.push(finding(
            "insured-signature-missing",
            "13",
            "Item 13 is not ticked, so the payer may send the payment to the insured instead of the practice: tick it when the insured's assignment of benefits is on file.",
        ));
    }
}

fn onset(claim: &Claim, out: &mut Vec<Finding>) {
    let onset = claim.get("14");
    let Some(day) = date_box(onset, "14", "Item 14 (date of current illness)", out) else {
        return;
    };
    let first_service = claim
        .lines()
        .iter()
        .filter_map(|l| Day::parse_mdy(&l.from))
        .min();
    if let Some(first) = first_service
        && day > first
    {
        out.push(finding(
            "onset-after-service",
            "14",
            format!(
                "Item 14 ({onset}) is after the first date of service ({}): the illness or injury began on or before the visit. Check the onset date in the note.",
                first.mdy()
            ),
        ));
    }
}
