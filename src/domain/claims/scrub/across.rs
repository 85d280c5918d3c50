//! Edits that compare service lines with each other or with the payer's rules:
//! duplicate lines, bundling pairs, per-day unit limits and prior authorization.

use super::{Finding, ScrubContext, finding};
use crate::domain::claims::claim::{Claim, Line};
use crate::domain::claims::form::line_id;
use crate::domain::claims::teaching::DISTINCT_MODIFIERS;
use crate::domain::dates::Day;

/// Runs the edits across lines.
pub(super) fn check(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let lines: Vec<Line> = claim
        .lines()
        .into_iter()
        .filter(|l| !l.code.is_empty())
        .collect();
    duplicates(&lines, out);
    bundles(&lines, ctx, out);
    unit_limits(&lines, ctx, out);
    authorization(claim, &lines, ctx, out);
}

/// Two lines on the same day, by their from dates (as dates when both read as dates).
fn same_day(a: &Line, b: &Line) -> bool {
    match (Day::parse_mdy(&a.from), Day::parse_mdy(&b.from)) {
        (Some(x), Some(y)) => x == y,
        _ => !a.from.is_empty() && a.from == b.from,
    }
}

fn duplicates(lines: &[Line], out: &mut Vec<Finding>) {
    for (i, line) in lines.iter().enumerate() {
        let earlier = lines[..i]
            .iter()
            .find(|e| e.code == line.code && e.modifiers == line.modifiers && same_day(e, line));
        if let Some(earlier) = earlier {
            out.push(finding(
                "line-duplicate",
                line_id(line.number, "d"),
                format!(
                    "Line {} repeats line {} ({} on {}), so the payer will deny it as a duplicate: bill the service once with the units added up in 24G, or, if it was truly done again, add the modifier that says so (76 for a repeat by the same provider, 91 for a repeated lab test).",
                    line.number, earlier.number, line.code, line.from
                ),
            ));
        }
    }
}

fn bundles(lines: &[Line], ctx: &ScrubContext, out: &mut Vec<Finding>) {
    for component in lines {
        let pair = lines.iter().find_map(|column1| {
            let pair = ctx.teaching.bundle(&column1.code, &component.code)?;
            (column1.number != component.number && same_day(column1, component))
                .then_some((column1, pair))
        });
        let Some((column1, pair)) = pair else {
            continue;
        };
        let n = component.number;
        let distinct = component
            .modifiers
            .iter()
            .any(|m| DISTINCT_MODIFIERS.contains(&m.as_str()));
        if !pair.modifier_allowed {
            out.push(finding(
                "bundle-not-payable",
                line_id(n, "d"),
                format!(
                    "Line {n}'s {} is part of {} on line {} the same day and is not separately payable, even with a modifier ({}). Remove line {n}; its work is paid with line {}.",
                    component.code, column1.code, column1.number, pair.note, column1.number
                ),
            ));
        } else if !distinct {
            out.push(finding(
                "bundle-needs-modifier",
                line_id(n, "d"),
                format!(
                    "Line {n}'s {} is bundled into {} on line {} the same day ({}). If the note shows a separate site, session or encounter, add 59 or the X modifier that fits (XS, XE, XP, XU) to line {n}; otherwise remove line {n}.",
                    component.code, column1.code, column1.number, pair.note
                ),
            ));
        }
    }
}

/// Days a line spans, counting both ends; 1 when the dates do not read.
fn span_days(line: &Line) -> u32 {
    match (Day::parse_mdy(&line.from), Day::parse_mdy(&line.to)) {
        (Some(from), Some(to)) if to >= from => u32::try_from(to.0 - from.0 + 1).unwrap_or(1),
        _ => 1,
    }
}

fn unit_limits(lines: &[Line], ctx: &ScrubContext, out: &mut Vec<Finding>) {
    for line in lines {
        let Some(limit) = ctx.teaching.unit_limit(&line.code) else {
            continue;
        };
        // The units of a code on one day are added up across its lines, and reported
        // once, at the last line that carries it.
        let group: Vec<&Line> = lines
            .iter()
            .filter(|l| l.code == line.code && same_day(l, line))
            .collect();
        if group.last().map(|l| l.number) != Some(line.number) {
            continue;
        }
        let units: u32 = group.iter().filter_map(|l| l.unit_count()).sum();
        let days = group.iter().map(|l| span_days(l)).max().unwrap_or(1);
        let allowed = limit.max_per_day.saturating_mul(days);
        if units > allowed {
            let across = if group.len() > 1 {
                format!(" across lines {}", numbers(&group))
            } else {
                String::new()
            };
            out.push(finding(
                "units-over-limit",
                line_id(line.number, "g"),
                format!(
                    "Line {}: {} units of {}{across} on {} exceed its limit of {} per day ({}). Check the units against the note; bill only what was given, and appeal with records if more was truly needed.",
                    line.number, units, line.code, line.from, limit.max_per_day, limit.note
                ),
            ));
        }
    }
}

fn numbers(lines: &[&Line]) -> String {
    let numbers: Vec<String> = lines.iter().map(|l| l.number.to_string()).collect();
    numbers.join(", ")
}

/// A code the payer authorizes in advance needs the number in item 23. We treat a
/// missing number as a denial risk, not a rejection: the claim passes the
/// clearinghouse, and the payer denies the line when no authorization is on file.
fn authorization(claim: &Claim, lines: &[Line], ctx: &ScrubContext, out: &mut Vec<Finding>) {
    if claim.has("23") {
        return;
    }
    let mut reported: Vec<&str> = Vec::new();
    for line in lines {
        if ctx.payer.needs_auth(&line.code) && !reported.contains(&line.code.as_str()) {
            reported.push(&line.code);
            out.push(finding(
                "prior-auth-missing",
                "23",
                format!(
                    "Line {} bills {}, which {} authorizes in advance, but item 23 is empty: write the prior authorization number from the approval. If there is none, get authorization (or a retro-authorization) before sending.",
                    line.number, line.code, ctx.payer.name
                ),
            ));
        }
    }
}
