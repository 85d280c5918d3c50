//! The service lines (loop 2400): LX numbers them, SV1 carries 24B to 24G, DTP*472
//! the dates of 24A, and loop 2420E the ordering provider when item 17 is one (DK).

use super::build::{Boxes, amount, clean, composite, empty, segment, unreadable};
use super::claim_info::{item17, item17_role, place_of_service, pos_code};
use super::{Segment, X12Error};
use crate::domain::claims::claim::{Claim, Line};

/// One 2400 loop per filled line of item 24, numbered from 1.
pub(super) fn lines(claim: &Claim) -> Result<Vec<Segment>, X12Error> {
    let b = Boxes(claim);
    let lines = claim.lines();
    if lines.is_empty() {
        return Err(X12Error::NoLines);
    }
    let claim_pos = place_of_service(claim)?;
    let letters: Vec<char> = claim.diagnoses().iter().map(|(l, _)| *l).collect();
    let ordering = item17_role(&b)? == Some("DK");
    let mut segments = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let lx = (i + 1).to_string();
        segments.push(segment(
            "2400",
            &["LX", &lx],
            format!(
                "Service line {lx} (loop 2400): line {} of item 24. LX numbers the lines from 1.",
                line.number
            ),
        ));
        segments.push(sv1(line, &claim_pos, &letters)?);
        segments.push(service_date(&b, line)?);
        if ordering {
            segments.push(item17(&b, "2420E", "DK")?);
        }
    }
    Ok(segments)
}

fn id(line: &Line, line_box: &str) -> String {
    format!("24.{}.{line_box}", line.number)
}

fn sv1(line: &Line, claim_pos: &str, letters: &[char]) -> Result<Segment, X12Error> {
    let n = line.number;
    let code = clean(&line.code);
    if code.is_empty() {
        return Err(empty(&id(line, "d")));
    }
    for (m, modifier) in ["d.m1", "d.m2", "d.m3", "d.m4"].iter().zip(&line.modifiers) {
        if modifier.len() != 2 || !modifier.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return Err(unreadable(
                &id(line, m),
                "two letters or digits, such as 25",
            ));
        }
    }
    let charge = if line.charge.is_empty() {
        return Err(empty(&id(line, "f")));
    } else {
        line.charge_cents()
            .ok_or_else(|| unreadable(&id(line, "f"), "an amount such as 125.00"))?
    };
    let units = match line.unit_count() {
        _ if line.units.is_empty() => return Err(empty(&id(line, "g"))),
        Some(u) if u > 0 => u.to_string(),
        _ => return Err(unreadable(&id(line, "g"), "a whole number such as 1")),
    };
    let pos = pos_code(&line.place, &id(line, "b"))?;
    let pointers = pointers(line, letters)?;
    let mut procedure = vec!["HC", code.as_str()];
    procedure.extend(line.modifiers.iter().map(String::as_str));
    let procedure = composite(&procedure);
    let charge = amount(charge);
    let line_pos = if pos == claim_pos { "" } else { pos.as_str() };
    let pointer_text = composite(&pointers.iter().map(String::as_str).collect::<Vec<_>>());
    let emergency = if line.emergency { "Y" } else { "" };
    let mut explanation = format!(
        "Line {n}'s service: procedure {code} (HC, a CPT or HCPCS code) from 24D{}; charge \
         {charge} from 24F, without trailing zeros; {units} unit{} (UN) from 24G; diagnosis \
         pointer{} {} from 24E, sent as {pointer_text}: the position{} of those codes in HI.",
        match line.modifiers.as_slice() {
            [] => String::new(),
            [one] => format!(" with modifier {one}"),
            many => format!(" with modifiers {}", many.join(", ")),
        },
        if units == "1" { "" } else { "s" },
        if line.pointers.len() == 1 { "" } else { "s" },
        line.pointers
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        if line.pointers.len() == 1 { "" } else { "s" },
    );
    if line_pos.is_empty() {
        explanation
            .push_str(" Its place of service (24B) is the claim's, in CLM05, so SV105 is empty.");
    } else {
        explanation.push_str(&format!(
            " Place of service {pos} from 24B, sent because it differs from the claim's {claim_pos}."
        ));
    }
    if line.emergency {
        explanation.push_str(" Emergency (Y) from 24C.");
    }
    Ok(segment(
        "2400",
        &[
            "SV1",
            &procedure,
            &charge,
            "UN",
            &units,
            line_pos,
            "",
            &pointer_text,
            "",
            emergency,
        ],
        explanation,
    ))
}

/// 24E's letters as positions among the filled diagnoses (1 for the first).
fn pointers(line: &Line, letters: &[char]) -> Result<Vec<String>, X12Error> {
    if line.pointers.is_empty() {
        return Err(empty(&id(line, "e")));
    }
    if line.pointers.len() > 4 {
        return Err(X12Error::TooManyPointers { line: line.number });
    }
    line.pointers
        .iter()
        .map(|p| {
            letters
                .iter()
                .position(|l| l == p)
                .map(|i| (i + 1).to_string())
                .ok_or(X12Error::BadPointer {
                    line: line.number,
                    letter: *p,
                })
        })
        .collect()
}

/// DTP*472: one date (D8) or a from-to span (RD8) from 24A.
fn service_date(b: &Boxes, line: &Line) -> Result<Segment, X12Error> {
    let from = b.required_date(&id(line, "a.from"))?;
    let to = b.date(&id(line, "a.to"))?.unwrap_or(from);
    if to < from {
        return Err(unreadable(&id(line, "a.to"), "on or after the from date"));
    }
    let n = line.number;
    Ok(if to == from {
        segment(
            "2400",
            &["DTP", "472", "D8", &from.compact()],
            format!(
                "Line {n}'s date of service (472): {}, from 24A, as one date (D8).",
                from.mdy()
            ),
        )
    } else {
        let span = format!("{}-{}", from.compact(), to.compact());
        segment(
            "2400",
            &["DTP", "472", "RD8", &span],
            format!(
                "Line {n}'s dates of service (472): {} to {}, from 24A, as a range (RD8).",
                from.mdy(),
                to.mdy()
            ),
        )
    })
}
