//! The claim (loop 2300: CLM, dates, amounts, references, diagnoses) and the providers
//! and place named for the whole claim (loops 2310A to 2310D).

use super::build::{
    Boxes, address, amount, clean, composite, empty, person, person_nm1, segment, unreadable,
};
use super::{Segment, X12Error};
use crate::domain::claims::claim::Claim;

/// Loop 2300 and the 2310 loops that apply.
pub(super) fn claim(claim: &Claim) -> Result<Vec<Segment>, X12Error> {
    let b = Boxes(claim);
    let mut segments = vec![clm(&b)?];
    segments.extend(dates(&b)?);
    let paid = match b.get("29") {
        "" => None,
        _ => Some(b.money("29")?).filter(|c| c.0 > 0),
    };
    if let Some(paid) = paid {
        let paid = amount(paid);
        segments.push(segment(
            "2300",
            &["AMT", "F5", &paid],
            format!("Amount the patient has already paid (F5) toward these services: {paid}, from item 29."),
        ));
    }
    segments.extend(references(&b)?);
    segments.push(diagnoses(claim)?);
    segments.extend(providers(&b, claim)?);
    Ok(segments)
}

/// The claim frequency (CLM05-3) from item 22, with its meaning.
fn frequency(b: &Boxes) -> Result<(&'static str, &'static str), X12Error> {
    match b.get("22") {
        "" => Ok(("1", "an original claim (item 22 empty)")),
        "7" => Ok(("7", "a replacement of a prior claim (item 22 code 7)")),
        "8" => Ok(("8", "a void of a prior claim (item 22 code 8)")),
        _ => Err(unreadable("22", "7 or 8, or empty for an original claim")),
    }
}

/// The claim's place of service: line 1's 24B, which CLM05 carries for every line.
pub(super) fn place_of_service(claim: &Claim) -> Result<String, X12Error> {
    let first = claim.lines().into_iter().next().ok_or(X12Error::NoLines)?;
    let id = format!("24.{}.b", first.number);
    pos_code(&first.place, &id)
}

/// A place of service code as X12 carries it: two digits.
pub(super) fn pos_code(text: &str, id: &str) -> Result<String, X12Error> {
    match text.trim() {
        "" => Err(empty(id)),
        t if t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit()) => Ok(t.to_string()),
        _ => Err(unreadable(
            id,
            "a two-digit place of service code such as 11",
        )),
    }
}

fn clm(b: &Boxes) -> Result<Segment, X12Error> {
    let account = clean(b.required("26")?);
    if account.len() > 38 {
        return Err(unreadable("26", "at most 38 characters"));
    }
    // A line charge that cannot be read would make the totals disagree; name it first.
    for line in b.0.lines() {
        let id = format!("24.{}.f", line.number);
        match line.charge_cents() {
            Some(_) => {}
            None if line.charge.is_empty() => return Err(empty(&id)),
            None => return Err(unreadable(&id, "an amount such as 125.00")),
        }
    }
    let total = b.money("28")?;
    let lines = b.0.line_total();
    if total != lines {
        return Err(X12Error::TotalMismatch {
            total: total.to_string(),
            lines: lines.to_string(),
        });
    }
    let total = amount(total);
    let pos = place_of_service(b.0)?;
    let (freq, freq_words) = frequency(b)?;
    let (assignment, assignment_words) = match b.required("27")? {
        "Y" => ("A", "accepted (A)"),
        "N" => ("C", "not accepted (C)"),
        _ => return Err(unreadable("27", "Y or N")),
    };
    let (benefits, benefits_words) = match b.0.has("13") {
        true => (
            "Y",
            "the insured's signature is on file (Y, item 13 ticked)",
        ),
        false => (
            "N",
            "no insured's signature on file (N, item 13 not ticked)",
        ),
    };
    let (release, release_words) = match b.0.has("12") {
        true => (
            "Y",
            "the patient's signature is on file (Y, item 12 ticked)",
        ),
        false => (
            "I",
            "informed consent only, no signature on file (I, item 12 not ticked)",
        ),
    };
    let (causes, cause_words) = related_causes(b)?;
    let location = composite(&[&pos, "B", freq]);
    let mut explanation = format!(
        "Claim (loop 2300): patient account {account} from item 26; total charge {total} from \
         item 28 (X12 drops trailing zeros: 125.00 is written 125); place of service {pos} from 24B, B meaning a professional place of service \
         code, and frequency {freq}, {freq_words}; provider's signature on file (Y, item 31); \
         assignment {assignment_words} from item 27; benefits paid to the provider: \
         {benefits_words}; release of information: {release_words}."
    );
    if !cause_words.is_empty() {
        explanation.push_str(&format!(" Related causes: {cause_words}."));
    }
    Ok(segment(
        "2300",
        &[
            "CLM", &account, &total, "", "", &location, "Y", assignment, benefits, release, "",
            &causes,
        ],
        explanation,
    ))
}

/// CLM11 from items 10a to 10c: EM (employment), AA (auto accident, with its state),
/// OA (another accident).
fn related_causes(b: &Boxes) -> Result<(String, String), X12Error> {
    let mut codes = Vec::new();
    let mut words = Vec::new();
    for (id, code, word) in [
        ("10a", "EM", "employment (EM, item 10a)"),
        ("10b", "AA", "auto accident (AA, item 10b)"),
        ("10c", "OA", "another accident (OA, item 10c)"),
    ] {
        match b.get(id) {
            "Y" => {
                codes.push(code);
                words.push(word);
            }
            "" | "N" => {}
            _ => return Err(unreadable(id, "Y or N")),
        }
    }
    if codes.len() > 2 {
        return Err(X12Error::TooManyCauses);
    }
    let state = if codes.contains(&"AA") {
        let state = clean(b.required("10b.state")?);
        words.push("accident state from item 10b");
        state
    } else {
        String::new()
    };
    let first = codes.first().copied().unwrap_or("");
    let second = codes.get(1).copied().unwrap_or("");
    Ok((composite(&[first, second, "", &state]), words.join(", ")))
}

/// DTP*431 onset from item 14, and DTP*439 with the same date when an accident caused
/// the condition.
fn dates(b: &Boxes) -> Result<Vec<Segment>, X12Error> {
    let Some(onset) = b.date("14")? else {
        return Ok(Vec::new());
    };
    let mut segments = vec![segment(
        "2300",
        &["DTP", "431", "D8", &onset.compact()],
        format!(
            "Onset of the current illness or injury (431): {}, from item 14, as one date (D8).",
            onset.mdy()
        ),
    )];
    if b.get("10b") == "Y" || b.get("10c") == "Y" {
        segments.push(segment(
            "2300",
            &["DTP", "439", "D8", &onset.compact()],
            format!(
                "Accident date (439): {}, item 14's date, sent because item 10b or 10c says an \
                 accident caused the condition.",
                onset.mdy()
            ),
        ));
    }
    Ok(segments)
}

/// REF*G1 prior authorization (item 23) and REF*F8 the payer's claim number being
/// replaced or voided (item 22), in the guide's order.
fn references(b: &Boxes) -> Result<Vec<Segment>, X12Error> {
    let mut segments = Vec::new();
    let auth = clean(b.get("23"));
    if !auth.is_empty() {
        segments.push(segment(
            "2300",
            &["REF", "G1", &auth],
            format!("Prior authorization number (G1) {auth}, from item 23."),
        ));
    }
    let (freq, _) = frequency(b)?;
    if freq != "1" {
        let original = clean(b.required("22.ref")?);
        segments.push(segment(
            "2300",
            &["REF", "F8", &original],
            format!(
                "The payer's claim control number (F8) of the claim this one {}: {original}, \
                 from item 22's original reference number.",
                if freq == "7" { "replaces" } else { "voids" }
            ),
        ));
    }
    Ok(segments)
}

/// HI: every filled diagnosis of item 21, ABK for the first, ABF for the rest, codes
/// without the dot.
fn diagnoses(claim: &Claim) -> Result<Segment, X12Error> {
    let dx = claim.diagnoses();
    if dx.is_empty() {
        return Err(X12Error::NoDiagnoses);
    }
    let mut elements = vec!["HI".to_string()];
    let mut words = Vec::new();
    for (i, (letter, code)) in dx.iter().enumerate() {
        let bare = clean(&code.replace('.', ""));
        let qualifier = if i == 0 { "ABK" } else { "ABF" };
        words.push(format!("21{letter} {code} as {qualifier}:{bare}"));
        elements.push(composite(&[qualifier, &bare]));
    }
    let elements: Vec<&str> = elements.iter().map(String::as_str).collect();
    Ok(segment(
        "2300",
        &elements,
        format!(
            "Diagnoses from item 21, in order: {}. ABK marks the first-listed (principal) \
             ICD-10-CM diagnosis and ABF each other one; codes go without the dot. The lines' \
             pointers in SV107 count these positions, 1 for the first.",
            words.join("; ")
        ),
    ))
}

/// The provider named in item 17 as an NM1 with `qualifier` (DN, DK or DQ).
pub(super) fn item17(b: &Boxes, loop_id: &'static str, role: &str) -> Result<Segment, X12Error> {
    let name = b.person("17")?;
    let npi = b.npi("17b")?.unwrap_or("");
    let (qualifier, npi_words) = match npi {
        "" => ("", "no NPI (17b is empty)".to_string()),
        n => ("XX", format!("NPI {n} (XX) from item 17b")),
    };
    Ok(person_nm1(
        loop_id,
        role,
        &name,
        qualifier,
        npi,
        format!(
            "{} (loop {loop_id}, {role}) from item 17: {}, a person (1), {npi_words}.",
            match role {
                "DN" => "Referring provider",
                "DK" => "Ordering provider",
                _ => "Supervising provider",
            },
            name.display()
        ),
    ))
}

/// Item 17's role: DN referring, DK ordering or DQ supervising; `None` when item 17 is
/// empty.
pub(super) fn item17_role(b: &Boxes) -> Result<Option<&'static str>, X12Error> {
    if !b.0.has("17") {
        return match b.0.has("17b") {
            true => Err(empty("17")),
            false => Ok(None),
        };
    }
    match b.get("17.role").to_ascii_uppercase().as_str() {
        "DN" | "" => Ok(Some("DN")),
        "DK" => Ok(Some("DK")),
        "DQ" => Ok(Some("DQ")),
        _ => Err(unreadable("17.role", "DN, DK or DQ")),
    }
}

/// 2310A referring, 2310B rendering, 2310C service facility, 2310D supervising.
fn providers(b: &Boxes, claim: &Claim) -> Result<Vec<Segment>, X12Error> {
    let mut segments = Vec::new();
    let role = item17_role(b)?;
    if role == Some("DN") {
        segments.push(item17(b, "2310A", "DN")?);
    }
    if let Some(rendering) = rendering(b, claim)? {
        segments.push(rendering);
    }
    if b.0.has("32.name") {
        let name = clean(b.get("32.name"));
        let npi = b.npi("32a")?.unwrap_or("");
        let qualifier = if npi.is_empty() { "" } else { "XX" };
        segments.push(segment(
            "2310C",
            &["NM1", "77", "2", &name, "", "", "", "", qualifier, npi],
            format!(
                "Service facility (loop 2310C, 77) from item 32: {name}, where the service was \
                 given when that is not the billing provider's address{}.",
                if npi.is_empty() {
                    String::new()
                } else {
                    format!(", NPI {npi} (XX) from item 32a")
                }
            ),
        ));
        segments.extend(address(b, "32", "2310C", "service facility's")?);
    }
    if role == Some("DQ") {
        segments.push(item17(b, "2310D", "DQ")?);
    }
    Ok(segments)
}

/// 2310B, when the lines' rendering NPI (24J) differs from the billing NPI (33a).
fn rendering(b: &Boxes, claim: &Claim) -> Result<Option<Segment>, X12Error> {
    let mut npi: Option<String> = None;
    for line in claim.lines() {
        if line.rendering_npi.is_empty() {
            continue;
        }
        let id = format!("24.{}.j", line.number);
        let this = b.npi(&id)?.unwrap_or("").to_string();
        match &npi {
            Some(seen) if *seen != this => return Err(X12Error::MixedRendering),
            Some(_) => {}
            None => npi = Some(this),
        }
    }
    let Some(npi) = npi.filter(|n| n != b.get("33a")) else {
        return Ok(None);
    };
    let signed = clean(b.get("31"));
    let name = match signed.as_str() {
        "" | "SOF" | "SIGNATURE ON FILE" => None,
        text => person(text),
    }
    .ok_or_else(|| {
        unreadable(
            "31",
            "the rendering provider's name, because 24J's NPI differs from 33a,",
        )
    })?;
    Ok(Some(person_nm1(
        "2310B",
        "82",
        &name,
        "XX",
        &npi,
        format!(
            "Rendering provider (loop 2310B, 82): {} from item 31, a person (1), NPI {npi} (XX) \
             from 24J. Sent because it differs from the billing provider's NPI in 33a: the \
             payer pays the billing provider for this provider's work.",
            name.display()
        ),
    )))
}
