//! The CMS-1500 (02/12) form as data: every box a student fills, in item order, with
//! our own plain-language help. The claim, the scrubber, the grader, the 837P and the
//! on-screen form all name boxes by the ids here, so a box is described once.
//!
//! Ids are the item number with a suffix where an item has several boxes ("3" is the
//! birth date, "3.sex" the sex). Service-line boxes are `24.<line>.<box>`, line 1–6.

/// How a box is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A date written `MM/DD/YYYY`.
    Date,
    /// A tick box: `Y` when ticked, empty when not.
    Check,
    /// One of a fixed list of `(value, label)` pairs.
    Choice(&'static [(&'static str, &'static str)]),
    /// Dollars and cents, `125.00`.
    Money,
}

/// One box of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The box's id, e.g. `"1a"` or `"24.1.d"`.
    pub id: &'static str,
    /// The item number printed on the form.
    pub item: &'static str,
    /// A short label.
    pub label: &'static str,
    /// How it is filled.
    pub kind: Kind,
    /// What goes in it, in our words.
    pub help: &'static str,
}

/// Item 1's programs.
pub const COVERAGE: &[(&str, &str)] = &[
    ("medicare", "Medicare"),
    ("medicaid", "Medicaid"),
    ("tricare", "TRICARE"),
    ("champva", "CHAMPVA"),
    ("group", "Group health plan"),
    ("feca", "FECA black lung"),
    ("other", "Other"),
];

/// Sexes as the form offers them.
pub const SEXES: &[(&str, &str)] = &[("F", "Female"), ("M", "Male")];

/// Item 6's relationships of the patient to the insured.
pub const RELATIONSHIPS: &[(&str, &str)] = &[
    ("self", "Self"),
    ("spouse", "Spouse"),
    ("child", "Child"),
    ("other", "Other"),
];

/// Yes or no, for the boxes that must be answered either way.
pub const YES_NO: &[(&str, &str)] = &[("Y", "Yes"), ("N", "No")];

/// Item 25's kinds of tax id.
pub const TAX_ID_KINDS: &[(&str, &str)] = &[("ein", "EIN"), ("ssn", "SSN")];

/// Item 22's resubmission codes.
pub const RESUBMISSION_CODES: &[(&str, &str)] = &[
    ("7", "7: replacement of a prior claim"),
    ("8", "8: void of a prior claim"),
];

/// Item 17's qualifiers for the referring or ordering provider.
pub const PROVIDER_ROLES: &[(&str, &str)] = &[
    ("DN", "DN: referring provider"),
    ("DK", "DK: ordering provider"),
    ("DQ", "DQ: supervising provider"),
];

const fn field(
    id: &'static str,
    item: &'static str,
    label: &'static str,
    kind: Kind,
    help: &'static str,
) -> Field {
    Field {
        id,
        item,
        label,
        kind,
        help,
    }
}

use Kind::{Check, Choice, Date, Money, Text};

/// The claim-level boxes, in the order they appear on the form.
pub const FIELDS: &[Field] = &[
    field(
        "payer.name",
        "carrier",
        "Payer name",
        Text,
        "The insurer the claim goes to, as printed on the insurance card or the payer list.",
    ),
    field(
        "payer.street",
        "carrier",
        "Payer street address",
        Text,
        "The payer's claims mailing address.",
    ),
    field(
        "payer.city",
        "carrier",
        "Payer city",
        Text,
        "The city of the payer's claims address.",
    ),
    field(
        "payer.state",
        "carrier",
        "Payer state",
        Text,
        "Two-letter state of the payer's claims address.",
    ),
    field(
        "payer.zip",
        "carrier",
        "Payer ZIP",
        Text,
        "The payer's ZIP code: five digits, or nine without a hyphen.",
    ),
    field(
        "1",
        "1",
        "Type of coverage",
        Choice(COVERAGE),
        "Tick the program that covers this claim: Medicare, Medicaid, TRICARE, CHAMPVA, a group health plan, FECA, or other (individual plans, auto, liability).",
    ),
    field(
        "1a",
        "1a",
        "Insured's ID number",
        Text,
        "The member id from the primary insurance card, exactly as printed, without spaces or dashes the card does not show.",
    ),
    field(
        "2",
        "2",
        "Patient's name",
        Text,
        "LAST, FIRST MIDDLE-INITIAL as on the patient's card: comma after the last name, no titles.",
    ),
    field("3", "3", "Patient's birth date", Date, "MM/DD/YYYY."),
    field(
        "3.sex",
        "3",
        "Patient's sex",
        Choice(SEXES),
        "As recorded on the face sheet.",
    ),
    field(
        "4",
        "4",
        "Insured's name",
        Text,
        "The policyholder's name, LAST, FIRST MIDDLE-INITIAL. When the patient is the insured, repeat the patient's name (some payers want it left blank; our payers want it filled).",
    ),
    field(
        "5.street",
        "5",
        "Patient's street address",
        Text,
        "Number and street of the patient's permanent home.",
    ),
    field(
        "5.city",
        "5",
        "Patient's city",
        Text,
        "City of the patient's home.",
    ),
    field("5.state", "5", "Patient's state", Text, "Two-letter state."),
    field(
        "5.zip",
        "5",
        "Patient's ZIP",
        Text,
        "Five digits, or nine without a hyphen.",
    ),
    field(
        "5.phone",
        "5",
        "Patient's phone",
        Text,
        "Area code and number, e.g. 555-555-0123 or (555) 555-0123.",
    ),
    field(
        "6",
        "6",
        "Patient relationship to insured",
        Choice(RELATIONSHIPS),
        "Self when the patient holds the policy; otherwise how the patient is related to the policyholder in item 4.",
    ),
    field(
        "7.street",
        "7",
        "Insured's street address",
        Text,
        "The policyholder's address. Fill it when the insured is someone other than the patient; when the patient is the insured it repeats item 5.",
    ),
    field(
        "7.city",
        "7",
        "Insured's city",
        Text,
        "City of the policyholder's address.",
    ),
    field("7.state", "7", "Insured's state", Text, "Two-letter state."),
    field(
        "7.zip",
        "7",
        "Insured's ZIP",
        Text,
        "Five digits, or nine without a hyphen.",
    ),
    field(
        "9",
        "9",
        "Other insured's name",
        Text,
        "Only when the patient has a second plan that may pay after this one: that plan's policyholder, LAST, FIRST MI.",
    ),
    field(
        "9a",
        "9a",
        "Other insured's policy or group number",
        Text,
        "The second plan's policy or group number.",
    ),
    field(
        "9d",
        "9d",
        "Other insurance plan name",
        Text,
        "The second plan's name, or its payer's name.",
    ),
    field(
        "10a",
        "10a",
        "Condition related to employment?",
        Choice(YES_NO),
        "Yes when the condition is a work injury or illness (workers' compensation may be primary).",
    ),
    field(
        "10b",
        "10b",
        "Condition related to an auto accident?",
        Choice(YES_NO),
        "Yes when a vehicle accident caused the condition; give the state where it happened.",
    ),
    field(
        "10b.state",
        "10b",
        "Auto accident state",
        Text,
        "Two-letter state where the accident happened, only when 10b is Yes.",
    ),
    field(
        "10c",
        "10c",
        "Condition related to another accident?",
        Choice(YES_NO),
        "Yes for other accidents (a fall at a store, a sports injury).",
    ),
    field(
        "11",
        "11",
        "Insured's policy group number",
        Text,
        "The group number from the primary card. Write NONE for Medicare when there is no Medigap or primary group plan.",
    ),
    field(
        "11a",
        "11a",
        "Insured's birth date",
        Date,
        "The policyholder's birth date, MM/DD/YYYY, when the insured is not the patient.",
    ),
    field(
        "11a.sex",
        "11a",
        "Insured's sex",
        Choice(SEXES),
        "The policyholder's sex, when the insured is not the patient.",
    ),
    field(
        "11c",
        "11c",
        "Insurance plan or program name",
        Text,
        "The primary plan's name.",
    ),
    field(
        "11d",
        "11d",
        "Is there another health benefit plan?",
        Choice(YES_NO),
        "Yes when a second plan exists; then items 9, 9a and 9d must be filled.",
    ),
    field(
        "12",
        "12",
        "Patient's signature on file",
        Check,
        "Tick when the patient has signed the release of information (signature on file, SOF).",
    ),
    field(
        "13",
        "13",
        "Insured's signature on file",
        Check,
        "Tick when the insured has signed to have benefits paid to the provider.",
    ),
    field(
        "14",
        "14",
        "Date of current illness, injury or pregnancy",
        Date,
        "The onset or injury date, or the first day of the last menstrual period for pregnancy, when the face sheet gives one.",
    ),
    field(
        "17",
        "17",
        "Referring provider's name",
        Text,
        "The provider who referred the patient or ordered the service, FIRST LAST with credentials.",
    ),
    field(
        "17.role",
        "17",
        "Referring provider qualifier",
        Choice(PROVIDER_ROLES),
        "DN when the provider referred the patient, DK when they ordered the service, DQ when they supervised it.",
    ),
    field(
        "17b",
        "17b",
        "Referring provider's NPI",
        Text,
        "The referring provider's ten-digit NPI.",
    ),
    field(
        "19",
        "19",
        "Additional claim information",
        Text,
        "Only what the payer asks for here; leave empty otherwise.",
    ),
    field(
        "21.ind",
        "21",
        "ICD indicator",
        Choice(&[("0", "0: ICD-10-CM")]),
        "0 for ICD-10-CM.",
    ),
    field(
        "21.A",
        "21",
        "Diagnosis A",
        Text,
        "The first-listed diagnosis: the main reason for the encounter.",
    ),
    field(
        "21.B",
        "21",
        "Diagnosis B",
        Text,
        "Further diagnoses follow in letters B–L, no gaps.",
    ),
    field("21.C", "21", "Diagnosis C", Text, ""),
    field("21.D", "21", "Diagnosis D", Text, ""),
    field("21.E", "21", "Diagnosis E", Text, ""),
    field("21.F", "21", "Diagnosis F", Text, ""),
    field("21.G", "21", "Diagnosis G", Text, ""),
    field("21.H", "21", "Diagnosis H", Text, ""),
    field("21.I", "21", "Diagnosis I", Text, ""),
    field("21.J", "21", "Diagnosis J", Text, ""),
    field("21.K", "21", "Diagnosis K", Text, ""),
    field("21.L", "21", "Diagnosis L", Text, ""),
    field(
        "22",
        "22",
        "Resubmission code",
        Choice(RESUBMISSION_CODES),
        "Only on a corrected (7) or voided (8) claim; empty on an original claim.",
    ),
    field(
        "22.ref",
        "22",
        "Original reference number",
        Text,
        "With a resubmission code: the payer's claim number of the claim being corrected or voided, from the remittance.",
    ),
    field(
        "23",
        "23",
        "Prior authorization number",
        Text,
        "The authorization or referral number the payer issued, when the service needed one.",
    ),
    field(
        "25",
        "25",
        "Federal tax id",
        Text,
        "The billing provider's EIN (NN-NNNNNNN) or, for a sole practitioner, an SSN; say which.",
    ),
    field(
        "25.kind",
        "25",
        "Tax id kind",
        Choice(TAX_ID_KINDS),
        "EIN or SSN, matching item 25.",
    ),
    field(
        "26",
        "26",
        "Patient's account number",
        Text,
        "The practice's own account number for the patient; it comes back on the remittance.",
    ),
    field(
        "27",
        "27",
        "Accept assignment?",
        Choice(YES_NO),
        "Yes when the provider accepts the payer's allowed amount and is paid directly.",
    ),
    field(
        "28",
        "28",
        "Total charge",
        Money,
        "The sum of every line's charges in 24F.",
    ),
    field(
        "29",
        "29",
        "Amount paid",
        Money,
        "What the patient or another payer already paid toward these services; 0.00 or empty if none. Copays collected at the visit are not reported here by our payers.",
    ),
    field(
        "31",
        "31",
        "Signature of physician",
        Text,
        "The rendering provider's name, or SIGNATURE ON FILE.",
    ),
    field(
        "31.date",
        "31",
        "Date signed",
        Date,
        "The date the claim is prepared, MM/DD/YYYY.",
    ),
    field(
        "32.name",
        "32",
        "Service facility name",
        Text,
        "Where the service was given, when it differs from the billing provider's address.",
    ),
    field("32.street", "32", "Service facility street", Text, ""),
    field("32.city", "32", "Service facility city", Text, ""),
    field("32.state", "32", "Service facility state", Text, ""),
    field("32.zip", "32", "Service facility ZIP", Text, ""),
    field(
        "32a",
        "32a",
        "Service facility NPI",
        Text,
        "The facility's NPI, when item 32 is filled.",
    ),
    field(
        "33.name",
        "33",
        "Billing provider name",
        Text,
        "The practice or provider who is paid.",
    ),
    field(
        "33.street",
        "33",
        "Billing provider street",
        Text,
        "A street address; payers do not accept a post office box here.",
    ),
    field("33.city", "33", "Billing provider city", Text, ""),
    field("33.state", "33", "Billing provider state", Text, ""),
    field(
        "33.zip",
        "33",
        "Billing provider ZIP",
        Text,
        "Nine digits: payers require ZIP+4 for the billing provider.",
    ),
    field(
        "33.phone",
        "33",
        "Billing provider phone",
        Text,
        "Area code and number.",
    ),
    field(
        "33a",
        "33a",
        "Billing provider NPI",
        Text,
        "The billing provider's ten-digit NPI.",
    ),
];

/// The boxes of one service line, in form order; the id of a box on line `n` is
/// `24.<n>.<box id>`.
pub const LINE_FIELDS: &[Field] = &[
    field("a.from", "24A", "Date of service from", Date, "MM/DD/YYYY."),
    field(
        "a.to",
        "24A",
        "Date of service to",
        Date,
        "The same date for a single day; the last day for a span.",
    ),
    field(
        "b",
        "24B",
        "Place of service",
        Text,
        "The two-digit place of service code.",
    ),
    field(
        "c",
        "24C",
        "EMG",
        Check,
        "Tick for an emergency, when the payer asks for it.",
    ),
    field(
        "d",
        "24D",
        "CPT or HCPCS code",
        Text,
        "The procedure or supply code.",
    ),
    field(
        "d.m1",
        "24D",
        "Modifier 1",
        Text,
        "Up to four two-character modifiers; payment modifiers first.",
    ),
    field("d.m2", "24D", "Modifier 2", Text, ""),
    field("d.m3", "24D", "Modifier 3", Text, ""),
    field("d.m4", "24D", "Modifier 4", Text, ""),
    field(
        "e",
        "24E",
        "Diagnosis pointer",
        Text,
        "Letters from item 21, most important first, up to four, e.g. AB.",
    ),
    field(
        "f",
        "24F",
        "Charges",
        Money,
        "The line's total charge: the unit price times the units.",
    ),
    field(
        "g",
        "24G",
        "Days or units",
        Text,
        "A whole number of days or units.",
    ),
    field(
        "j",
        "24J",
        "Rendering provider NPI",
        Text,
        "The NPI of the provider who gave the service.",
    ),
];

/// The most service lines on one form.
pub const MAX_LINES: usize = 6;

/// The twelve diagnosis letters of item 21.
pub const DX_LETTERS: [char; 12] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];

/// The id of box `line_box` (an id from `LINE_FIELDS`) on service line `line` (1–6).
pub fn line_id(line: usize, line_box: &str) -> String {
    format!("24.{line}.{line_box}")
}

/// The box with this id, claim-level or on a service line.
pub fn find(id: &str) -> Option<Field> {
    if let Some(rest) = id.strip_prefix("24.") {
        let (line, line_box) = rest.split_once('.')?;
        let line: usize = line.parse().ok()?;
        if !(1..=MAX_LINES).contains(&line) {
            return None;
        }
        return LINE_FIELDS.iter().copied().find(|f| f.id == line_box);
    }
    FIELDS.iter().copied().find(|f| f.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_found() {
        let mut seen = std::collections::HashSet::new();
        for f in FIELDS {
            assert!(seen.insert(f.id), "{} twice", f.id);
            assert_eq!(find(f.id), Some(*f));
        }
        for f in LINE_FIELDS {
            assert_eq!(find(&line_id(6, f.id)), Some(*f));
            assert_eq!(find(&line_id(7, f.id)), None);
        }
        assert_eq!(find("99"), None);
    }
}
