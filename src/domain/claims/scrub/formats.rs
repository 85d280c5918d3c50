//! The shapes the scrubber expects values to have: names, ZIP codes, phone numbers,
//! states, tax ids and Medicare ids, plus the box checks several items share (dates,
//! NPIs, states, ZIP codes), so each rule is written once.

use super::{Finding, finding};
use crate::domain::dates::Day;
use crate::domain::npi;

/// The two-letter codes of the states, the District of Columbia, the territories and
/// the military post offices.
const STATES: [&str; 59] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP",
];

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Digits in groups of the given lengths, joined by hyphens (`NN-NNNNNNN`).
fn hyphenated(text: &str, groups: &[usize]) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.len() == groups.len()
        && parts
            .iter()
            .zip(groups)
            .all(|(part, &len)| part.len() == len && all_digits(part))
}

/// Five digits, or nine without a hyphen.
pub(super) fn is_zip(text: &str) -> bool {
    (text.len() == 5 || text.len() == 9) && all_digits(text)
}

/// Ten digits, written with any of spaces, hyphens, dots and parentheses.
pub(super) fn is_phone(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')');
    text.chars().all(allowed) && text.chars().filter(char::is_ascii_digit).count() == 10
}

/// A US state, territory or military post office code, in either case.
pub(super) fn is_state(text: &str) -> bool {
    STATES.contains(&text.to_ascii_uppercase().as_str())
}

/// An employer identification number: `NN-NNNNNNN` or nine digits.
pub(super) fn is_ein(text: &str) -> bool {
    hyphenated(text, &[2, 7]) || (text.len() == 9 && all_digits(text))
}

/// A social security number's shape: `NNN-NN-NNNN` or nine digits.
pub(super) fn is_ssn(text: &str) -> bool {
    hyphenated(text, &[3, 2, 4]) || (text.len() == 9 && all_digits(text))
}

/// Our simulated Medicare payer's member id rule, modelled on the MBI: eleven letters
/// and digits, no spaces or dashes, starting with a digit 1 to 9 and holding at least
/// one letter.
pub(super) fn is_medicare_id(text: &str) -> bool {
    text.len() == 11
        && text.bytes().all(|b| b.is_ascii_alphanumeric())
        && text.as_bytes()[0].is_ascii_digit()
        && text.as_bytes()[0] != b'0'
        && text.bytes().any(|b| b.is_ascii_alphabetic())
}

/// `LAST, FIRST` with an optional middle initial: a comma with letters on each side.
pub(super) fn is_person_name(text: &str) -> bool {
    let Some((last, first)) = text.split_once(',') else {
        return false;
    };
    let has_letter = |part: &str| part.chars().any(char::is_alphabetic);
    has_letter(last) && has_letter(first) && !first.contains(',')
}

/// Two names compared the way a payer's system would: case, repeated spaces and the
/// space after the comma ignored.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    let key = |name: &str| {
        name.to_uppercase()
            .replace(',', " , ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    key(a) == key(b)
}

/// True for a post office box address ("PO Box 12", "P.O. BOX 12").
pub(super) fn is_po_box(street: &str) -> bool {
    let letters: String = street
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase();
    letters.starts_with("POBOX") || letters.starts_with("POSTOFFICEBOX")
}

/// Reads a date box; a filled box that is not a real `MM/DD/YYYY` date gets a
/// `date-format` finding. `None` when empty or unreadable.
pub(super) fn date_box(
    value: &str,
    field: &str,
    what: &str,
    out: &mut Vec<Finding>,
) -> Option<Day> {
    if value.is_empty() {
        return None;
    }
    let day = Day::parse_mdy(value);
    if day.is_none() {
        out.push(finding(
            "date-format",
            field,
            format!(
                "{what} \"{value}\" is not a real date written MM/DD/YYYY: write it with two-digit month and day and a four-digit year, e.g. 03/09/2026."
            ),
        ));
    }
    day
}

/// Checks a filled NPI box: ten digits, then the check digit.
pub(super) fn npi_box(value: &str, field: &str, what: &str, out: &mut Vec<Finding>) {
    if value.is_empty() {
        return;
    }
    if value.len() != 10 || !all_digits(value) {
        out.push(finding(
            "npi-format",
            field,
            format!(
                "{what} \"{value}\" is not an NPI: an NPI is exactly ten digits with no spaces or dashes. Copy it again from the provider list."
            ),
        ));
    } else if !npi::is_valid(value) {
        out.push(finding(
            "npi-check-digit",
            field,
            format!(
                "{what} {value} fails the NPI check digit, so at least one digit is mistyped: copy the NPI again from the provider list."
            ),
        ));
    }
}

/// Checks a filled state box.
pub(super) fn state_box(value: &str, field: &str, what: &str, out: &mut Vec<Finding>) {
    if !value.is_empty() && !is_state(value) {
        out.push(finding(
            "state-code",
            field,
            format!(
                "{what} \"{value}\" is not a US state code: write the two-letter postal code, e.g. OH or NY."
            ),
        ));
    }
}

/// Checks a filled ZIP box.
pub(super) fn zip_box(value: &str, field: &str, what: &str, out: &mut Vec<Finding>) {
    if !value.is_empty() && !is_zip(value) {
        out.push(finding(
            "zip-format",
            field,
            format!(
                "{what} \"{value}\" is not a ZIP code: write five digits, or all nine digits of the ZIP+4 without a hyphen."
            ),
        ));
    }
}

/// Checks a filled phone box.
pub(super) fn phone_box(value: &str, field: &str, what: &str, out: &mut Vec<Finding>) {
    if !value.is_empty() && !is_phone(value) {
        out.push(finding(
            "phone-format",
            field,
            format!(
                "{what} \"{value}\" is not a phone number: write the area code and number, ten digits, e.g. 555-555-0123."
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_zip("43215") && is_zip("432150001"));
        assert!(!is_zip("43215-0001") && !is_zip("4321") && !is_zip("4321A"));
        assert!(is_phone("555-555-0142") && is_phone("(555) 555-0142"));
        assert!(!is_phone("555-0142") && !is_phone("555-555-01x2"));
        assert!(is_state("OH") && is_state("oh") && is_state("PR"));
        assert!(!is_state("XX") && !is_state("Ohio"));
        assert!(is_ein("99-0000142") && is_ein("990000142"));
        assert!(!is_ein("990-00-0142") && !is_ein("99-000014"));
        assert!(!is_ssn("99-0000142"));
        assert!(is_medicare_id("5QR8TW2XK61"));
        assert!(!is_medicare_id("0QR8TW2XK61") && !is_medicare_id("5QR8-TW2-XK61"));
        assert!(!is_medicare_id("51234567890"));
        assert!(is_person_name("PARKER, JUNE A") && !is_person_name("JUNE PARKER"));
        assert!(!is_person_name(", JUNE") && !is_person_name("PARKER,"));
        assert!(same_name("Parker, June A", "PARKER,JUNE  A"));
        assert!(!same_name("PARKER, JUNE", "PARKER, JOHN"));
        assert!(is_po_box("P.O. Box 42") && is_po_box("PO BOX 42"));
        assert!(!is_po_box("42 Post Road"));
    }

    #[test]
    fn ssn_shape_is_read() {
        // Built at run time so no SSN-shaped literal sits in the source.
        let hyphened = ["900", "00", "0000"].join("-");
        assert!(is_ssn(&hyphened));
        assert!(is_ssn(&hyphened.replace('-', "")));
    }

    #[test]
    fn npi_check_digit_vectors() {
        let mut out = Vec::new();
        npi_box("1234567893", "33a", "Item 33a", &mut out);
        assert!(out.is_empty(), "{out:?}");
        npi_box("1234567890", "33a", "Item 33a", &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].edit, "npi-check-digit");
        npi_box("123456789", "33a", "Item 33a", &mut out);
        assert_eq!(out[1].edit, "npi-format");
    }
}
