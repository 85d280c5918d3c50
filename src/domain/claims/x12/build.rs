//! The pieces segments are made of: cleaned text, X12 amounts, people's names split
//! into parts, and boxes read with an error that names the box.

use super::{Segment, X12Error};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::form;
use crate::domain::claims::money::Cents;
use crate::domain::dates::Day;
use crate::domain::npi;

/// A segment from its id and elements; trailing empty elements are dropped, as X12
/// requires.
pub(super) fn segment(
    loop_id: &'static str,
    elements: &[&str],
    explanation: impl Into<String>,
) -> Segment {
    Segment {
        text: join(elements, '*'),
        loop_id,
        explanation: explanation.into(),
    }
}

/// An NM1 segment naming a person (entity type 1): the entity code, the name, and an
/// identifier with its qualifier (both empty when there is none).
pub(super) fn person_nm1(
    loop_id: &'static str,
    entity: &str,
    name: &Name,
    qualifier: &str,
    id: &str,
    explanation: impl Into<String>,
) -> Segment {
    segment(
        loop_id,
        &[
            "NM1",
            entity,
            "1",
            &name.last,
            &name.first,
            &name.middle,
            "",
            "",
            qualifier,
            id,
        ],
        explanation,
    )
}

/// Components joined with `:`, trailing empty ones dropped.
pub(super) fn composite(components: &[&str]) -> String {
    join(components, ':')
}

fn join(parts: &[&str], separator: char) -> String {
    let used = parts
        .iter()
        .rposition(|p| !p.is_empty())
        .map_or(0, |i| i + 1);
    parts[..used].join(&separator.to_string())
}

/// Upper-cased text in the X12 basic character set: separators and any other
/// character outside it become spaces, and runs of spaces collapse to one.
pub(super) fn clean(text: &str) -> String {
    let kept: String = text
        .to_ascii_uppercase()
        .chars()
        .map(|c| {
            let basic =
                c.is_ascii_uppercase() || c.is_ascii_digit() || "!\"&'()+,-./;?= ".contains(c);
            if basic { c } else { ' ' }
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Only the digits of `text` (phone numbers, ZIP codes, tax ids).
pub(super) fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// An amount as X12 writes a decimal: no trailing zeros, no point for whole dollars
/// (`125`, `125.5`, `0.07`).
pub(super) fn amount(cents: Cents) -> String {
    let text = cents.to_string();
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A person's name in the parts NM1 carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Name {
    pub last: String,
    pub first: String,
    pub middle: String,
}

impl Name {
    /// The name as a learner reads it: `DOE, JANE A`.
    pub fn display(&self) -> String {
        let mut text = self.last.clone();
        if !self.first.is_empty() {
            text = format!("{text}, {}", self.first);
        }
        if !self.middle.is_empty() {
            text = format!("{text} {}", self.middle);
        }
        text
    }
}

/// Credentials that may follow a provider's name and are not part of it.
const CREDENTIALS: &[&str] = &[
    "MD", "DO", "NP", "PA", "PA-C", "DPM", "DC", "DDS", "DMD", "OD", "PHD", "PSYD", "RN", "APRN",
    "CNM", "CRNA", "FNP", "FNP-C", "FNP-BC", "DNP", "PT", "DPT", "OT", "LCSW", "MSW", "AUD", "JR",
    "SR", "II", "III",
];

fn is_credential(word: &str) -> bool {
    CREDENTIALS.contains(&word.trim_end_matches('.'))
}

/// Reads `LAST, FIRST MIDDLE` (the form's style for patients and insureds) or
/// `FIRST MIDDLE LAST MD` (the style of items 17 and 31); `None` when nothing is left.
pub(super) fn person(text: &str) -> Option<Name> {
    let text = clean(text);
    let text = text
        .strip_prefix("DR. ")
        .or(text.strip_prefix("DR "))
        .unwrap_or(&text);
    let words = |part: &str| -> Vec<String> {
        part.split_whitespace()
            .filter(|w| !is_credential(w))
            .map(|w| w.trim_end_matches('.').to_string())
            .collect()
    };
    let (before, after) = text.split_once(',').unwrap_or((text, ""));
    let (before, after) = (words(before), words(after));
    let name = if after.is_empty() {
        // FIRST MIDDLE LAST, perhaps with credentials after a comma.
        let mut name = Name {
            last: before.last()?.clone(),
            ..Name::default()
        };
        if before.len() > 1 {
            name.first = before[0].clone();
            name.middle = before[1..before.len() - 1].join(" ");
        }
        name
    } else {
        Name {
            last: before.join(" "),
            first: after[0].clone(),
            middle: after[1..].join(" "),
        }
    };
    (!name.last.is_empty()).then_some(name)
}

/// Reads a claim's boxes, naming the box in every error.
pub(super) struct Boxes<'a>(pub &'a Claim);

impl<'a> Boxes<'a> {
    /// The box's value, trimmed; empty when not filled.
    pub fn get(&self, id: &str) -> &'a str {
        self.0.get(id)
    }

    /// The value of a box the 837P needs.
    pub fn required(&self, id: &str) -> Result<&'a str, X12Error> {
        match self.get(id) {
            "" => Err(empty(id)),
            value => Ok(value),
        }
    }

    /// A filled date box; `None` when empty.
    pub fn date(&self, id: &str) -> Result<Option<Day>, X12Error> {
        match self.get(id) {
            "" => Ok(None),
            text => Day::parse_mdy(text)
                .map(Some)
                .ok_or_else(|| unreadable(id, "MM/DD/YYYY")),
        }
    }

    /// A date box the 837P needs.
    pub fn required_date(&self, id: &str) -> Result<Day, X12Error> {
        self.date(id)?.ok_or_else(|| empty(id))
    }

    /// An amount box the 837P needs.
    pub fn money(&self, id: &str) -> Result<Cents, X12Error> {
        Cents::parse(self.required(id)?).ok_or_else(|| unreadable(id, "an amount such as 125.00"))
    }

    /// An NPI box: `None` when empty, an error when not a valid NPI.
    pub fn npi(&self, id: &str) -> Result<Option<&'a str>, X12Error> {
        match self.get(id) {
            "" => Ok(None),
            n if npi::is_valid(n) => Ok(Some(n)),
            _ => Err(unreadable(id, "a ten-digit NPI with a valid check digit")),
        }
    }

    /// A person's name box the 837P needs.
    pub fn person(&self, id: &str) -> Result<Name, X12Error> {
        person(self.required(id)?).ok_or_else(|| unreadable(id, "a name such as DOE, JANE"))
    }
}

/// N3 and N4 from the `street`, `city`, `state` and `zip` boxes of an item.
pub(super) fn address(
    b: &Boxes,
    item: &str,
    loop_id: &'static str,
    whose: &str,
) -> Result<Vec<Segment>, X12Error> {
    let street = clean(b.required(&format!("{item}.street"))?);
    let city = clean(b.required(&format!("{item}.city"))?);
    let state = clean(b.required(&format!("{item}.state"))?);
    let zip_box = format!("{item}.zip");
    let zip = digits(b.required(&zip_box)?);
    if zip.len() != 5 && zip.len() != 9 {
        return Err(unreadable(&zip_box, "five or nine digits"));
    }
    let zip_note = if item == "33" {
        " The 837P wants the billing provider's full nine-digit ZIP+4."
    } else {
        ""
    };
    Ok(vec![
        segment(
            loop_id,
            &["N3", &street],
            format!("The {whose} street address from item {item}: {street}."),
        ),
        segment(
            loop_id,
            &["N4", &city, &state, &zip],
            format!(
                "The {whose} city, state and ZIP from item {item}: {city}, {state} {zip}, digits \
                 only.{zip_note}"
            ),
        ),
    ])
}

/// The error for an empty box.
pub(super) fn empty(id: &str) -> X12Error {
    let (item, label) = describe(id);
    X12Error::Empty { item, label }
}

/// The error for a box that cannot be read.
pub(super) fn unreadable(id: &str, expected: &'static str) -> X12Error {
    let (item, label) = describe(id);
    X12Error::Unreadable {
        item,
        label,
        expected,
    }
}

/// A box's item number (with its line, for service lines) and its label as a phrase:
/// `("3", "the patient's birth date")`, `("24F on line 2", "the charges")`.
fn describe(id: &str) -> (String, String) {
    let Some(field) = form::find(id) else {
        return (id.to_string(), "a box".to_string());
    };
    let item = match id.strip_prefix("24.").and_then(|rest| rest.split_once('.')) {
        Some((line, _)) => format!("{} on line {line}", field.item),
        None => field.item.to_string(),
    };
    (item, format!("the {}", phrase(field.label)))
}

/// A label as it reads inside a sentence: `Patient's birth date` -> `patient's birth
/// date`, leaving acronyms such as `CPT or HCPCS code` alone.
fn phrase(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            format!("{}{}", first.to_lowercase(), &label[first.len_utf8()..])
        }
        _ => label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_name(text: &str, last: &str, first: &str, middle: &str) {
        let name = person(text).unwrap_or_default();
        assert_eq!(
            (
                name.last.as_str(),
                name.first.as_str(),
                name.middle.as_str()
            ),
            (last, first, middle),
            "{text}"
        );
    }

    #[test]
    fn reads_names() {
        check_name("Doe, Jane A.", "DOE", "JANE", "A");
        check_name("DOE, JANE", "DOE", "JANE", "");
        check_name("PRIYA OKONKWO-LIND MD", "OKONKWO-LIND", "PRIYA", "");
        check_name("Anna B. Grant, MD", "GRANT", "ANNA", "B");
        check_name("Dr. Lee Park", "PARK", "LEE", "");
        check_name("CHER", "CHER", "", "");
        assert_eq!(person(" , "), None);
    }

    #[test]
    fn writes_amounts_and_text() {
        assert_eq!(amount(Cents(12_500)), "125");
        assert_eq!(amount(Cents(12_550)), "125.5");
        assert_eq!(amount(Cents(7)), "0.07");
        assert_eq!(amount(Cents(0)), "0");
        assert_eq!(clean("12 Oak St. #4*b~"), "12 OAK ST. 4 B");
        assert_eq!(composite(&["HC", "99213", "", ""]), "HC:99213");
        assert_eq!(segment("", &["REF", "G1", ""], "").text, "REF*G1");
    }

    #[test]
    fn describes_boxes() {
        assert_eq!(
            unreadable("3", "MM/DD/YYYY").to_string(),
            "Item 3, the patient's birth date, must be MM/DD/YYYY to build the 837P"
        );
        assert_eq!(
            empty("24.2.d").to_string(),
            "Item 24D on line 2, the CPT or HCPCS code, is empty: the 837P needs it"
        );
    }
}
