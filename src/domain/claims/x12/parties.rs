//! Who the claim is from and about: the billing provider (2000A, 2010AA), the
//! subscriber and payer (2000B, 2010BA, 2010BB) and, when the patient is not the
//! subscriber, the patient (2000C, 2010CA). HL numbering is fixed: 1 billing provider,
//! 2 subscriber under 1, 3 patient under 2.

use super::build::{
    Boxes, Name, address, clean, digits, empty, person, person_nm1, segment, unreadable,
};
use super::{Segment, X12Error};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::payer::{Payer, PayerKind};

/// HL*1, then the billing provider from items 33, 33a and 25.
pub(super) fn billing_provider(claim: &Claim) -> Result<Vec<Segment>, X12Error> {
    let b = Boxes(claim);
    let raw_name = b.required("33.name")?;
    let npi = b.npi("33a")?.ok_or_else(|| empty("33a"))?;
    let tax_id = digits(b.required("25")?);
    let is_ssn = match b.get("25.kind").to_ascii_lowercase().as_str() {
        "ein" => false,
        "ssn" => true,
        "" => tax_id_shape_is_ssn(b.get("25")).ok_or_else(|| empty("25.kind"))?,
        _ => return Err(unreadable("25.kind", "EIN or SSN")),
    };
    if tax_id.len() != 9 {
        return Err(unreadable("25", "nine digits, such as 00-1234567"));
    }
    let mut segments = vec![segment(
        "2000A",
        &["HL", "1", "", "20", "1"],
        "Hierarchical level 1: the billing provider (20). It has no parent, and child code \
         1 says a subscriber level follows under it.",
    )];
    let (entity, name) = if is_ssn {
        let name = person(raw_name).ok_or_else(|| unreadable("33.name", "a provider's name"))?;
        ("1", name)
    } else {
        let name = Name {
            last: clean(raw_name),
            ..Name::default()
        };
        ("2", name)
    };
    let kind = if is_ssn {
        "a person (1)"
    } else {
        "an organization (2)"
    };
    segments.push(segment(
        "2010AA",
        &[
            "NM1",
            "85",
            entity,
            &name.last,
            &name.first,
            &name.middle,
            "",
            "",
            "XX",
            npi,
        ],
        format!(
            "Billing provider (loop 2010AA, 85) from item 33: {}, {kind}, NPI {npi} (XX) from \
             item 33a. The payer pays this provider.",
            name.display()
        ),
    ));
    segments.extend(address(&b, "33", "2010AA", "billing provider's")?);
    let (qualifier, words) = if is_ssn {
        (
            "SY",
            "a Social Security number (SY): the provider bills as a sole practitioner",
        )
    } else {
        ("EI", "an employer identification number (EI)")
    };
    segments.push(segment(
        "2010AA",
        &["REF", qualifier, &tax_id],
        format!(
            "Billing provider's federal tax id from item 25: {words}, sent as nine digits \
             without the hyphen."
        ),
    ));
    Ok(segments)
}

/// `Some(true)` for `NNN-NN-NNNN`, `Some(false)` for `NN-NNNNNNN`, `None` otherwise.
fn tax_id_shape_is_ssn(text: &str) -> Option<bool> {
    match text.find('-') {
        Some(2) => Some(false),
        Some(3) => Some(true),
        _ => None,
    }
}

/// The patient's relationship to the insured, from item 6.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relationship {
    Self_,
    Spouse,
    Child,
    Other,
}

impl Relationship {
    fn read(b: &Boxes) -> Result<Relationship, X12Error> {
        match b.required("6")?.to_ascii_lowercase().as_str() {
            "self" => Ok(Relationship::Self_),
            "spouse" => Ok(Relationship::Spouse),
            "child" => Ok(Relationship::Child),
            "other" => Ok(Relationship::Other),
            _ => Err(unreadable("6", "self, spouse, child or other")),
        }
    }

    /// PAT01's code and its meaning.
    fn code(self) -> (&'static str, &'static str) {
        match self {
            Relationship::Self_ => ("18", "self"),
            Relationship::Spouse => ("01", "spouse"),
            Relationship::Child => ("19", "child"),
            Relationship::Other => ("G8", "other relationship"),
        }
    }
}

/// HL*2 with the subscriber and payer, then HL*3 with the patient when item 6 is not
/// self.
pub(super) fn subscriber_and_patient(
    claim: &Claim,
    payer: &Payer,
) -> Result<Vec<Segment>, X12Error> {
    let b = Boxes(claim);
    let relationship = Relationship::read(&b)?;
    let is_self = relationship == Relationship::Self_;
    let child_code = if is_self { "0" } else { "1" };
    let mut segments = vec![segment(
        "2000B",
        &["HL", "2", "1", "22", child_code],
        format!(
            "Hierarchical level 2: the subscriber (22), the person who holds the policy, \
             under level 1. Child code {child_code}: {}.",
            if is_self {
                "no patient level follows, because the patient is the subscriber (item 6 self)"
            } else {
                "a patient level follows, because the patient is not the subscriber (item 6)"
            }
        ),
    )];
    segments.push(sbr(&b, payer, is_self));
    segments.extend(subscriber(&b, is_self)?);
    segments.extend(payer_name(payer));
    if !is_self {
        segments.extend(patient(&b, relationship)?);
    }
    Ok(segments)
}

fn sbr(b: &Boxes, payer: &Payer, is_self: bool) -> Segment {
    let group = clean(b.get("11"));
    let group = if group == "NONE" {
        String::new()
    } else {
        group
    };
    let (filing, program) = match payer.kind {
        PayerKind::Medicare => ("MB", "Medicare Part B"),
        PayerKind::Medicaid => ("MC", "Medicaid"),
        PayerKind::Tricare => ("CH", "TRICARE"),
        PayerKind::Commercial => ("CI", "commercial insurance"),
    };
    let relation = if is_self {
        "18: the patient is the subscriber (item 6 self)"
    } else {
        "left empty: the patient is someone else, described in loop 2000C"
    };
    let group_words = if group.is_empty() {
        "no group number (item 11 is empty or NONE)".to_string()
    } else {
        format!("group number {group} from item 11")
    };
    let mut explanation = format!(
        "Subscriber information: this payer pays first (P, primary); relationship \
         {relation}; {group_words}; claim filing indicator {filing}, {program}, from the \
         payer's program."
    );
    if b.get("11d") == "Y" {
        explanation.push_str(
            " Item 11d says another plan exists: a real 837P would describe it in loop 2320, \
             which this learning copy leaves out.",
        );
    }
    segment(
        "2000B",
        &[
            "SBR",
            "P",
            if is_self { "18" } else { "" },
            &group,
            "",
            "",
            "",
            "",
            "",
            filing,
        ],
        explanation,
    )
}

fn subscriber(b: &Boxes, is_self: bool) -> Result<Vec<Segment>, X12Error> {
    let name_box = if is_self && !b.0.has("4") { "2" } else { "4" };
    let name = b.person(name_box)?;
    let member_id = clean(b.required("1a")?);
    let mut segments = vec![person_nm1(
        "2010BA",
        "IL",
        &name,
        "MI",
        &member_id,
        format!(
            "Subscriber (loop 2010BA, IL for insured) from item {name_box}: {}, a person (1), \
             member id {member_id} (MI) from item 1a.",
            name.display()
        ),
    )];
    if is_self {
        segments.extend(address(b, "5", "2010BA", "subscriber's")?);
        segments.push(demographics(b, "3", "2010BA", "Subscriber's")?);
    } else {
        if b.0.has("7.street") {
            segments.extend(address(b, "7", "2010BA", "subscriber's")?);
        }
        if b.0.has("11a") {
            segments.push(demographics(b, "11a", "2010BA", "Subscriber's")?);
        }
    }
    Ok(segments)
}

fn payer_name(payer: &Payer) -> Vec<Segment> {
    let name = clean(&payer.name);
    let id = clean(&payer.payer_id);
    let street = clean(&payer.street);
    let city = clean(&payer.city);
    let state = clean(&payer.state);
    let zip = digits(&payer.zip);
    vec![
        segment(
            "2010BB",
            &["NM1", "PR", "2", &name, "", "", "", "", "PI", &id],
            format!(
                "Payer (loop 2010BB, PR): {name}, an organization (2), electronic payer id {id} \
                 (PI) from the payer list. The form shows the payer's name at the top; the \
                 837P routes by this id."
            ),
        ),
        segment(
            "2010BB",
            &["N3", &street],
            format!("Payer's claims address: {street}."),
        ),
        segment(
            "2010BB",
            &["N4", &city, &state, &zip],
            format!("Payer's city, state and ZIP: {city}, {state} {zip}."),
        ),
    ]
}

fn patient(b: &Boxes, relationship: Relationship) -> Result<Vec<Segment>, X12Error> {
    let (code, words) = relationship.code();
    let name = b.person("2")?;
    let mut segments = vec![
        segment(
            "2000C",
            &["HL", "3", "2", "23", "0"],
            "Hierarchical level 3: the patient (23), under subscriber level 2. Child code 0: \
             nothing below it.",
        ),
        segment(
            "2000C",
            &["PAT", code],
            format!("Patient's relationship to the subscriber from item 6: {words} ({code})."),
        ),
        segment(
            "2010CA",
            &["NM1", "QC", "1", &name.last, &name.first, &name.middle],
            format!(
                "Patient (loop 2010CA, QC) from item 2: {}, a person (1). The member id stays \
                 with the subscriber.",
                name.display()
            ),
        ),
    ];
    segments.extend(address(b, "5", "2010CA", "patient's")?);
    segments.push(demographics(b, "3", "2010CA", "Patient's")?);
    Ok(segments)
}

/// DMG: a birth date (D8) and sex from a date item and its `.sex` box.
fn demographics(
    b: &Boxes,
    item: &str,
    loop_id: &'static str,
    whose: &str,
) -> Result<Segment, X12Error> {
    let born = b.required_date(item)?;
    let sex_box = format!("{item}.sex");
    let (sex, sex_words) = match b.get(&sex_box).to_ascii_uppercase().as_str() {
        "F" => ("F", "female"),
        "M" => ("M", "male"),
        "" => ("U", "unknown, because the box is empty"),
        _ => return Err(unreadable(&sex_box, "F or M")),
    };
    Ok(segment(
        loop_id,
        &["DMG", "D8", &born.compact(), sex],
        format!(
            "{whose} birth date {} and sex {sex} ({sex_words}) from item {item}. D8 means one \
             date written CCYYMMDD.",
            born.mdy()
        ),
    ))
}
