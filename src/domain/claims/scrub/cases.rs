//! The scrubber's test table: for every edit, changes to a clean fixture claim that
//! trip it, and changes a careful biller makes that must trip nothing.

use super::fixtures::Fixture;
use crate::domain::claims::claim::Claim;
use crate::domain::claims::form;

use Fixture::{Commercial as C, Hmo as H, Medicaid as D, Medicare as M};

/// One case: the edit it must trip, the fixture, and the change that trips it.
pub(super) type Case = (&'static str, Fixture, Change);

/// A change to a fixture claim.
pub(super) type Change = fn(&mut Claim);

/// Every edit in `EDITS` must have a case here (a test checks).
pub(super) const CASES: &[Case] = &[
    ("coverage-missing", C, |c| c.set("1", "")),
    ("coverage-mismatch", C, |c| c.set("1", "medicare")),
    ("coverage-mismatch", D, |c| c.set("1", "medicare")),
    ("insured-id-missing", C, |c| c.set("1a", "")),
    ("medicare-id-shape", M, |c| c.set("1a", "5QR8-TW2-XK61")),
    ("patient-name-missing", C, |c| c.set("2", "")),
    ("name-format", C, |c| c.set("2", "TOMAS QUILLFEATHER")),
    ("name-format", C, |c| c.set("4", "MARISOL QUILLFEATHER")),
    ("birth-date-missing", C, |c| c.set("3", "")),
    ("date-format", C, |c| c.set("3", "2015-06-14")),
    ("date-format", C, |c| c.set("24.1.a.from", "02/30/2026")),
    ("birth-date-future", C, |c| c.set("3", "04/01/2026")),
    ("patient-sex-missing", C, |c| c.set("3.sex", "")),
    ("insured-name-missing", C, |c| c.set("4", "")),
    ("self-name-differs", M, |c| c.set("4", "BRAMBLEWOOD, HELEN")),
    ("not-self-same-name", C, |c| {
        c.set("4", "Quillfeather, Tomas R")
    }),
    ("patient-address-missing", C, |c| c.set("5.city", "")),
    ("state-code", C, |c| c.set("5.state", "ZZ")),
    ("state-code", C, |c| c.set("33.state", "Ohio")),
    ("zip-format", C, |c| c.set("5.zip", "43999-0131")),
    ("phone-format", C, |c| c.set("5.phone", "555-0131")),
    ("relationship-missing", C, |c| c.set("6", "")),
    ("insured-address-missing", C, |c| c.set("7.street", "")),
    ("other-insurance-incomplete", C, |c| c.set("11d", "Y")),
    ("condition-related-missing", C, |c| c.set("10a", "")),
    ("accident-state-missing", C, |c| c.set("10b", "Y")),
    ("accident-state-unexpected", C, |c| c.set("10b.state", "OH")),
    ("group-number-missing", M, |c| c.set("11", "")),
    ("group-number-missing", C, |c| c.set("11", "")),
    ("insured-birth-date-missing", C, |c| c.set("11a", "")),
    ("child-older-insured", C, |c| c.set("11a", "01/01/2016")),
    ("insured-sex-missing", C, |c| c.set("11a.sex", "")),
    ("other-plan-unanswered", C, |c| c.set("11d", "")),
    ("other-insurance-unflagged", C, |c| {
        c.set("9", "QUILLFEATHER, DORIAN")
    }),
    ("patient-signature-missing", C, |c| c.set("12", "")),
    ("insured-signature-missing", C, |c| c.set("13", "")),
    ("onset-after-service", M, |c| c.set("14", "03/12/2026")),
    ("referring-name-missing", H, |c| c.set("17", "")),
    ("referring-role-missing", H, |c| c.set("17.role", "")),
    ("referring-npi-missing", H, |c| c.set("17b", "")),
    ("referral-missing", H, |c| {
        c.set("17", "");
        c.set("17.role", "");
        c.set("17b", "");
    }),
    ("npi-format", C, |c| c.set("33a", "12345")),
    ("npi-check-digit", C, |c| c.set("24.1.j", "1234567890")),
    ("npi-check-digit", H, |c| c.set("17b", "1234567890")),
    ("icd-indicator", C, |c| c.set("21.ind", "9")),
    ("dx-missing", C, |c| c.set("21.A", "")),
    ("dx-gap", M, |c| {
        c.set("21.B", "");
        c.set("21.C", "I10");
    }),
    ("dx-duplicate", M, |c| c.set("21.C", "e119")),
    ("dx-unknown", C, |c| c.set("21.B", "R50.99")),
    ("dx-not-billable", M, |c| c.set("21.A", "E11")),
    ("dx-excludes1", M, |c| c.set("21.B", "E10.9")),
    ("dx-manifestation-first", M, |c| {
        c.set("21.A", "G63");
        c.set("21.B", "E11.42");
    }),
    ("dx-unused", M, |c| c.set("21.C", "Z79.4")),
    ("resubmission-code-invalid", C, |c| c.set("22", "1")),
    ("resubmission-ref-missing", C, |c| c.set("22", "7")),
    ("resubmission-code-missing", C, |c| {
        c.set("22.ref", "ICN0142")
    }),
    ("prior-auth-missing", C, |c| c.set("24.2.d", "73721")),
    ("referral-number-missing", H, |c| c.set("23", "")),
    ("no-lines", C, clear_lines),
    ("line-from-missing", C, |c| c.set("24.1.a.from", "")),
    ("line-to-before-from", C, |c| {
        c.set("24.1.a.to", "03/09/2026")
    }),
    ("line-date-future", C, |c| {
        c.set("24.1.a.from", "03/20/2026");
        c.set("24.1.a.to", "03/20/2026");
    }),
    ("line-before-birth", C, |c| c.set("3", "03/12/2026")),
    ("timely-filing", C, |c| {
        c.set("24.1.a.from", "11/03/2025");
        c.set("24.1.a.to", "11/03/2025");
    }),
    ("pos-missing", C, |c| c.set("24.1.b", "")),
    ("pos-unknown", C, |c| c.set("24.1.b", "98")),
    ("line-code-missing", C, |c| c.set("24.2.d", "")),
    ("procedure-code-unknown", C, |c| c.set("24.2.d", "8788O")),
    ("modifier-unknown", C, |c| c.set("24.1.d.m1", "ZZ")),
    ("modifier-duplicate", C, |c| {
        c.set("24.1.d.m1", "25");
        c.set("24.1.d.m2", "25");
    }),
    ("modifier-lt-rt", C, |c| {
        c.set("24.1.d.m1", "RT");
        c.set("24.1.d.m2", "lt");
    }),
    ("modifier-59-with-x", C, |c| {
        c.set("24.2.d.m1", "59");
        c.set("24.2.d.m2", "XS");
    }),
    ("modifier-gap", C, |c| c.set("24.1.d.m2", "25")),
    ("line-duplicate", C, |c| copy_line(c, 2, 3)),
    ("bundle-needs-modifier", M, |c| {
        c.set("24.2.d", "96374");
        c.set("24.3.d", "96372");
    }),
    ("bundle-not-payable", M, |c| {
        c.set("24.2.d", "93000");
        c.set("24.3.d", "93010");
    }),
    ("bundle-not-payable", M, |c| {
        c.set("24.2.d", "93000");
        c.set("24.3.d", "93010");
        c.set("24.3.d.m1", "59");
    }),
    ("pointer-missing", C, |c| c.set("24.2.e", "")),
    ("pointer-empty-slot", C, |c| c.set("24.2.e", "C")),
    ("pointer-empty-slot", C, |c| c.set("24.2.e", "1")),
    ("pointer-too-many", M, |c| {
        c.set("21.C", "Z79.4");
        c.set("21.D", "E78.5");
        c.set("21.E", "Z68.30");
        c.set("24.1.e", "ABCDE");
    }),
    ("pointer-duplicate", C, |c| c.set("24.2.e", "A,A")),
    ("charge-missing", C, |c| c.set("24.2.f", "")),
    ("charge-format", C, |c| c.set("24.2.f", "0.00")),
    ("charge-format", C, |c| c.set("24.2.f", "twenty")),
    ("units-invalid", C, |c| c.set("24.2.g", "1.5")),
    ("units-invalid", C, |c| c.set("24.2.g", "0")),
    ("units-over-limit", M, |c| c.set("24.2.g", "2")),
    ("units-over-limit", M, |c| copy_line(c, 2, 4)),
    ("rendering-npi-missing", C, |c| c.set("24.1.j", "")),
    ("tax-id-missing", C, |c| c.set("25", "")),
    ("tax-id-kind-missing", C, |c| c.set("25.kind", "")),
    ("ein-format", C, |c| c.set("25", "990000-142")),
    ("ssn-format", C, |c| c.set("25.kind", "ssn")),
    ("ssn-privacy", C, |c| c.set("25.kind", "ssn")),
    ("account-number-missing", C, |c| c.set("26", "")),
    ("assignment-missing", C, |c| c.set("27", "")),
    ("medicaid-assignment", D, |c| c.set("27", "N")),
    ("total-missing", C, |c| c.set("28", "")),
    ("amount-format", C, |c| c.set("29", "ten dollars")),
    ("total-mismatch", C, |c| c.set("28", "100.00")),
    ("paid-over-total", C, |c| c.set("29", "500.00")),
    ("signature-missing", C, |c| c.set("31", "")),
    ("facility-incomplete", C, |c| {
        c.set("32.name", "Fernbrook Urgent Care")
    }),
    ("billing-provider-missing", C, |c| c.set("33.city", "")),
    ("billing-po-box", C, |c| c.set("33.street", "P.O. Box 142")),
    ("billing-zip-plus-four", C, |c| c.set("33.zip", "43999")),
    ("billing-npi-missing", C, |c| c.set("33a", "")),
];

/// Changes on a clean claim that a careful biller makes and no edit should flag.
pub(super) const CLEAN_CHANGES: &[(Fixture, Change)] = &[
    (C, |c| c.set("21.A", "j029")),
    (C, |c| c.set("24.1.d.m1", "25")),
    (C, |c| c.set("5.state", "oh")),
    (M, |c| {
        c.set("24.2.d", "96374");
        c.set("24.3.d", "96372");
        c.set("24.3.d.m1", "XE");
    }),
    (M, |c| {
        // The same component on another day is not bundled.
        c.set("24.2.d", "93000");
        c.set("24.3.d", "93010");
        c.set("24.3.a.from", "03/09/2026");
        c.set("24.3.a.to", "03/09/2026");
    }),
    (H, |c| c.set("24.2.d", "73721")),
    (C, |c| {
        c.set("11d", "Y");
        c.set("9", "QUILLFEATHER, DORIAN");
        c.set("9a", "CMS-221904");
        c.set("9d", "Cobalt Mutual Supplemental");
    }),
    (C, |c| {
        c.set("22", "7");
        c.set("22.ref", "ICN0142");
    }),
    (C, |c| {
        c.set("25.kind", "ssn");
        c.set("25", ["900", "00", "0000"].join("-"));
    }),
];

fn clear_lines(claim: &mut Claim) {
    let ids: Vec<String> = claim
        .values()
        .map(|(id, _)| id.to_string())
        .filter(|id| id.starts_with("24."))
        .collect();
    for id in ids {
        claim.set(&id, "");
    }
}

fn copy_line(claim: &mut Claim, from: usize, to: usize) {
    for field in form::LINE_FIELDS {
        let value = claim.get(&form::line_id(from, field.id)).to_string();
        claim.set(&form::line_id(to, field.id), value);
    }
    let total = claim.line_total().to_string();
    claim.set("28", total);
}
