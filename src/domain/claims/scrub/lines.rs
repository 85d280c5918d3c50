//! Edits on each service line by itself (item 24): dates, place of service, the code
//! and its modifiers, diagnosis pointers, charge, units and rendering NPI.

use super::formats::{date_box, npi_box};
use super::{Finding, ScrubContext, finding};
use crate::domain::claims::claim::{Claim, Line};
use crate::domain::claims::form::line_id;
use crate::domain::claims::money::Cents;
use crate::domain::dates::Day;

/// Runs the single-line edits on every filled line.
pub(super) fn check(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let lines = claim.lines();
    if lines.is_empty() {
        out.push(finding(
            "no-lines",
            line_id(1, "d"),
            "Item 24 has no service lines: bill at least one service, with its date, place, code, pointer, charge and units.",
        ));
    }
    let born = Day::parse_mdy(claim.get("3"));
    for line in &lines {
        dates(line, ctx, born, out);
        place(line, ctx, out);
        code(claim, line, ctx, out);
        pointers(claim, line, out);
        charge_and_units(line, out);
    }
}

fn dates(line: &Line, ctx: &ScrubContext, born: Option<Day>, out: &mut Vec<Finding>) {
    let n = line.number;
    let (from_id, to_id) = (line_id(n, "a.from"), line_id(n, "a.to"));
    if line.from.is_empty() {
        out.push(finding(
            "line-from-missing",
            from_id.clone(),
            format!("Line {n}'s date of service (24A, from) is empty: write the day of the service, MM/DD/YYYY."),
        ));
    }
    let from = date_box(
        &line.from,
        &from_id,
        &format!("Line {n}'s 24A from date"),
        out,
    );
    let to = date_box(&line.to, &to_id, &format!("Line {n}'s 24A to date"), out);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        out.push(finding(
            "line-to-before-from",
            to_id.clone(),
            format!(
                "Line {n}'s 24A to date ({}) is before its from date ({}): for a single day write the same date twice; for a span, the last day goes in to.",
                line.to, line.from
            ),
        ));
    }
    // One finding per line for each of these: the first of its two dates that breaks
    // the rule (a span that starts too early or ends too late).
    let dated = [(from, &from_id, &line.from), (to, &to_id, &line.to)];
    let future = dated
        .iter()
        .find(|(day, _, _)| day.is_some_and(|d| d > ctx.today));
    if let Some((_, id, text)) = future {
        out.push(finding(
            "line-date-future",
            (*id).clone(),
            format!(
                "Line {n}'s date of service {text} is after the day the claim is sent ({}): services are billed after they are given. Check the date in the note.",
                ctx.today.mdy()
            ),
        ));
    }
    let early = dated
        .iter()
        .find(|(day, _, _)| day.zip(born).is_some_and(|(d, b)| d < b));
    if let Some((_, id, text)) = early {
        out.push(finding(
            "line-before-birth",
            (*id).clone(),
            format!(
                "Line {n}'s date of service {text} is before the patient's birth date in item 3: check both dates against the note and the face sheet."
            ),
        ));
    }
    if let Some(from) = from {
        let age = ctx.today.0 - from.0;
        let limit = i64::from(ctx.payer.timely_filing_days);
        if age > limit {
            out.push(finding(
                "timely-filing",
                from_id,
                format!(
                    "Line {n}'s date of service {} is {age} days before the claim is sent, past {}'s timely filing limit of {limit} days: the payer will deny it unless you have proof the claim was filed in time (a rejection report or an earlier submission).",
                    line.from, ctx.payer.name
                ),
            ));
        }
    }
}

fn place(line: &Line, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let n = line.number;
    let id = line_id(n, "b");
    if line.place.is_empty() {
        out.push(finding(
            "pos-missing",
            id,
            format!("Line {n}'s place of service (24B) is empty: write the two-digit code for where the service was given, e.g. 11 for an office."),
        ));
    } else if !ctx.lists.places.contains(&line.place) {
        out.push(finding(
            "pos-unknown",
            id,
            format!(
                "Line {n}'s place of service \"{}\" (24B) is not a place-of-service code: pick the two-digit code from the list, e.g. 11 for an office, 22 for an outpatient hospital.",
                line.place
            ),
        ));
    }
}

fn code(claim: &Claim, line: &Line, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let n = line.number;
    if line.code.is_empty() {
        out.push(finding(
            "line-code-missing",
            line_id(n, "d"),
            format!("Line {n} has no procedure code in 24D: write the CPT or HCPCS code for the service, or clear the whole line."),
        ));
    } else if !ctx.lists.has_procedure(&line.code) {
        out.push(finding(
            "procedure-code-unknown",
            line_id(n, "d"),
            format!(
                "Line {n}'s code {} (24D) is not in the CPT or HCPCS list: check the code for a typo. A real CPT code outside our list can be added by importing your own CPT file.",
                line.code
            ),
        ));
    }
    modifiers(claim, line, ctx, out);
    let npi = &line.rendering_npi;
    if npi.is_empty() && !line.code.is_empty() {
        out.push(finding(
            "rendering-npi-missing",
            line_id(n, "j"),
            format!("Line {n}'s rendering provider NPI (24J) is empty: write the ten-digit NPI of the provider who gave the service."),
        ));
    }
    npi_box(npi, &line_id(n, "j"), &format!("Line {n}'s 24J NPI"), out);
}

fn modifiers(claim: &Claim, line: &Line, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let n = line.number;
    let mut seen: Vec<String> = Vec::new();
    let mut gap = false;
    for slot in ["d.m1", "d.m2", "d.m3", "d.m4"] {
        let id = line_id(n, slot);
        let modifier = claim.get(&id).to_ascii_uppercase();
        if modifier.is_empty() {
            gap = true;
            continue;
        }
        if gap {
            out.push(finding(
                "modifier-gap",
                id.clone(),
                format!("Line {n} skips a modifier box before {modifier}: fill the modifier boxes from the first, with no empty box between."),
            ));
            gap = false;
        }
        if !ctx.lists.modifiers.contains(&modifier) {
            out.push(finding(
                "modifier-unknown",
                id.clone(),
                format!("Line {n}'s modifier \"{modifier}\" (24D) is not a modifier in the list: check it for a typo, or remove it."),
            ));
        }
        if seen.contains(&modifier) {
            out.push(finding(
                "modifier-duplicate",
                id.clone(),
                format!("Line {n} carries modifier {modifier} twice: a modifier goes on a line once. Remove the repeat."),
            ));
        }
        let pair = |a: &str, b: &[&str]| {
            (modifier == a && seen.iter().any(|s| b.contains(&s.as_str())))
                || (b.contains(&modifier.as_str()) && seen.iter().any(|s| s == a))
        };
        if pair("LT", &["RT"]) {
            out.push(finding(
                "modifier-lt-rt",
                id.clone(),
                format!("Line {n} has both LT and RT: for the same service on both sides, bill one line with modifier 50 (or the payer's two-line rule: one line LT, another RT)."),
            ));
        }
        if pair("59", &["XE", "XS", "XP", "XU"]) {
            out.push(finding(
                "modifier-59-with-x",
                id.clone(),
                format!("Line {n} has 59 together with an X modifier (XE, XS, XP, XU): they say the same thing. Keep the X modifier that names why the service is distinct and drop 59."),
            ));
        }
        seen.push(modifier);
    }
}

fn pointers(claim: &Claim, line: &Line, out: &mut Vec<Finding>) {
    let n = line.number;
    let id = line_id(n, "e");
    if line.pointers.is_empty() {
        if !line.code.is_empty() {
            out.push(finding(
                "pointer-missing",
                id,
                format!("Line {n} has no diagnosis pointer in 24E: write the letter(s) of the item 21 diagnoses this service was for, most important first, e.g. A or AB."),
            ));
        }
        return;
    }
    if line.pointers.len() > 4 {
        out.push(finding(
            "pointer-too-many",
            id.clone(),
            format!(
                "Line {n} has {} pointers in 24E, but a line takes at most four: keep the four diagnoses that best support the service.",
                line.pointers.len()
            ),
        ));
    }
    let mut seen = Vec::new();
    for &p in &line.pointers {
        let filled = p.is_ascii_uppercase() && claim.has(&format!("21.{p}"));
        if !filled {
            out.push(finding(
                "pointer-empty-slot",
                id.clone(),
                format!("Line {n}'s pointer {p} (24E) does not name a filled diagnosis in item 21: point only to letters A to L that hold a code."),
            ));
        }
        if seen.contains(&p) {
            out.push(finding(
                "pointer-duplicate",
                id.clone(),
                format!("Line {n} points to {p} twice in 24E: list each letter once."),
            ));
        }
        seen.push(p);
    }
}

fn charge_and_units(line: &Line, out: &mut Vec<Finding>) {
    let n = line.number;
    if line.charge.is_empty() {
        if !line.code.is_empty() {
            out.push(finding(
                "charge-missing",
                line_id(n, "f"),
                format!("Line {n} has a code but no charge in 24F: write the practice's fee for the service times the units, e.g. 125.00."),
            ));
        }
    } else if line.charge_cents().is_none_or(|c| c <= Cents::ZERO) {
        out.push(finding(
            "charge-format",
            line_id(n, "f"),
            format!(
                "Line {n}'s charge \"{}\" (24F) is not an amount above zero: write dollars and cents, e.g. 125.00.",
                line.charge
            ),
        ));
    }
    let units_ok = line.unit_count().is_some_and(|u| u >= 1);
    if !units_ok && (!line.code.is_empty() || !line.units.is_empty()) {
        out.push(finding(
            "units-invalid",
            line_id(n, "g"),
            format!(
                "Line {n}'s units \"{}\" (24G) are not a whole number of at least 1: write how many units or days were given, e.g. 1.",
                line.units
            ),
        ));
    }
}
