//! Edits on the provider and claim items: 17 (referring provider), 22 (resubmission),
//! 23 (the referral number), and 25 to 33 (tax id, assignment, totals, signature,
//! facility, billing provider).

use super::formats::{date_box, is_ein, is_po_box, is_ssn, npi_box, phone_box, state_box, zip_box};
use super::{Finding, ScrubContext, finding};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::money::Cents;
use crate::domain::claims::payer::PayerKind;

/// Runs the item 17, 22, 23 and 25–33 edits.
pub(super) fn check(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    referring(claim, ctx, out);
    resubmission(claim, out);
    tax_id(claim, out);
    if !claim.has("26") {
        out.push(finding(
            "account-number-missing",
            "26",
            "Item 26 is empty: write the practice's account number for the patient, so the payment on the remittance can be matched to the account.",
        ));
    }
    assignment(claim, ctx, out);
    totals(claim, out);
    signature(claim, out);
    facility(claim, out);
    billing(claim, out);
}

fn referring(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let (name, role, npi) = (claim.get("17"), claim.get("17.role"), claim.get("17b"));
    if name.is_empty() && (!role.is_empty() || !npi.is_empty()) {
        out.push(finding(
            "referring-name-missing",
            "17",
            "Item 17 is empty, but 17b or the qualifier is filled: write the referring or ordering provider's name, FIRST LAST with credentials, or clear 17b.",
        ));
    }
    if !name.is_empty() && !matches!(role, "DN" | "DK" | "DQ") {
        out.push(finding(
            "referring-role-missing",
            "17.role",
            "Item 17 names a provider without a valid qualifier: put DN before a referring provider, DK before an ordering provider, DQ before a supervising one.",
        ));
    }
    if !name.is_empty() && npi.is_empty() {
        out.push(finding(
            "referring-npi-missing",
            "17b",
            format!("Item 17 names {name} but 17b is empty: write that provider's ten-digit NPI."),
        ));
    }
    npi_box(npi, "17b", "Item 17b (referring provider NPI)", out);
    if ctx.payer.referral_required {
        if name.is_empty() && npi.is_empty() {
            out.push(finding(
                "referral-missing",
                "17",
                format!(
                    "Item 17 is empty. {} pays a specialist only on a referral from the patient's primary care provider: if this provider is a specialist, write the referring provider (qualifier DN) in item 17 and their NPI in 17b. Primary care and emergency visits need none.",
                    ctx.payer.name
                ),
            ));
        }
        if !claim.has("23") {
            out.push(finding(
                "referral-number-missing",
                "23",
                format!(
                    "Item 23 is empty. {} pays a specialist only on a referral: if this provider is a specialist, copy the number from the referral on file. Primary care and emergency visits need none.",
                    ctx.payer.name
                ),
            ));
        }
    }
}

fn resubmission(claim: &Claim, out: &mut Vec<Finding>) {
    let (code, reference) = (claim.get("22"), claim.get("22.ref"));
    match code {
        "" if !reference.is_empty() => out.push(finding(
            "resubmission-code-missing",
            "22",
            "Item 22 has an original reference number but no resubmission code: write 7 to replace that claim or 8 to void it, or clear the reference on an original claim.",
        )),
        "" => {}
        "7" | "8" if reference.is_empty() => out.push(finding(
            "resubmission-ref-missing",
            "22.ref",
            format!(
                "Item 22 has code {code} but no original reference number: copy the payer's claim number for the claim being {} from its remittance.",
                if code == "7" { "corrected" } else { "voided" }
            ),
        )),
        "7" | "8" => {}
        other => out.push(finding(
            "resubmission-code-invalid",
            "22",
            format!(
                "Item 22's code \"{other}\" is not a resubmission code: use 7 to replace a prior claim or 8 to void it; leave it empty on an original claim."
            ),
        )),
    }
}

fn tax_id(claim: &Claim, out: &mut Vec<Finding>) {
    let (id, kind) = (claim.get("25"), claim.get("25.kind"));
    if id.is_empty() {
        out.push(finding(
            "tax-id-missing",
            "25",
            "Item 25 is empty: write the billing provider's federal tax id, normally the practice's EIN, NN-NNNNNNN.",
        ));
    }
    match kind {
        "ein" if !id.is_empty() && !is_ein(id) => out.push(finding(
            "ein-format",
            "25",
            format!(
                "Item 25 is marked EIN, but \"{id}\" is not an EIN: write two digits, a hyphen and seven digits (NN-NNNNNNN), or nine digits."
            ),
        )),
        "ssn" => {
            if !id.is_empty() && !is_ssn(id) {
                out.push(finding(
                    "ssn-format",
                    "25",
                    "Item 25 is marked SSN, but the number is not shaped like one (three, two and four digits): check the tax id, or mark it EIN if it is an employer id.",
                ));
            }
            out.push(finding(
                "ssn-privacy",
                "25.kind",
                "Item 25 carries a social security number: every payer and clearinghouse that handles the claim sees it. Use the practice's EIN instead when it has one.",
            ));
        }
        "ein" => {}
        _ => out.push(finding(
            "tax-id-kind-missing",
            "25.kind",
            "Item 25's EIN or SSN box is not ticked: tick EIN for an employer identification number (the usual case) or SSN for a sole practitioner's social security number.",
        )),
    }
}

fn assignment(claim: &Claim, ctx: &ScrubContext, out: &mut Vec<Finding>) {
    let answer = claim.get("27");
    if !matches!(answer, "Y" | "N") {
        out.push(finding(
            "assignment-missing",
            "27",
            "Item 27 is not answered: tick Yes when the provider accepts the payer's allowed amount and is paid directly, No when not.",
        ));
    } else if answer == "N" && ctx.payer.kind == PayerKind::Medicaid {
        out.push(finding(
            "medicaid-assignment",
            "27",
            format!(
                "Item 27 is No, but {} is a Medicaid payer: our Medicaid payer pays only providers who accept assignment. Tick Yes.",
                ctx.payer.name
            ),
        ));
    }
}

fn totals(claim: &Claim, out: &mut Vec<Finding>) {
    let money = |id: &str, what: &str, out: &mut Vec<Finding>| {
        let text = claim.get(id);
        if text.is_empty() {
            return None;
        }
        let amount = Cents::parse(text);
        if amount.is_none_or(|a| a < Cents::ZERO) {
            out.push(finding(
                "amount-format",
                id,
                format!(
                    "Item {id} ({what}) \"{text}\" is not an amount: write dollars and cents with a dot, e.g. 125.00."
                ),
            ));
            return None;
        }
        amount
    };
    let total = money("28", "the total charge", out);
    let paid = money("29", "the amount paid", out);
    let lines = claim.line_total();
    if !claim.has("28") {
        out.push(finding(
            "total-missing",
            "28",
            format!("Item 28 is empty: write the sum of the line charges in 24F, {lines}."),
        ));
    }
    if let Some(total) = total {
        if total != lines {
            out.push(finding(
                "total-mismatch",
                "28",
                format!(
                    "Item 28 says {total}, but the line charges in 24F add up to {lines}: recheck each 24F and write their sum in item 28."
                ),
            ));
        }
        if let Some(paid) = paid
            && paid > total
        {
            out.push(finding(
                "paid-over-total",
                "29",
                format!(
                    "Item 29 says {paid} was paid, more than the total charge of {total}: item 29 holds only what was paid toward these services. Check it against the receipts."
                ),
            ));
        }
    }
}

fn signature(claim: &Claim, out: &mut Vec<Finding>) {
    if !claim.has("31") {
        out.push(finding(
            "signature-missing",
            "31",
            "Item 31 is empty: write the rendering provider's name, or SIGNATURE ON FILE when the practice keeps one.",
        ));
    }
    date_box(claim.get("31.date"), "31.date", "Item 31's date", out);
}

fn facility(claim: &Claim, out: &mut Vec<Finding>) {
    let parts = [
        ("32.name", "name"),
        ("32.street", "street"),
        ("32.city", "city"),
        ("32.state", "state"),
        ("32.zip", "ZIP code"),
    ];
    let used = parts.iter().any(|(id, _)| claim.has(id)) || claim.has("32a");
    if used {
        for (id, what) in parts {
            if !claim.has(id) {
                out.push(finding(
                    "facility-incomplete",
                    id,
                    format!(
                        "Item 32 is partly filled, but its {what} is empty: give the facility's full name and address, or clear item 32 and 32a when the service was at the billing provider's address."
                    ),
                ));
            }
        }
    }
    state_box(claim.get("32.state"), "32.state", "Item 32's state", out);
    zip_box(claim.get("32.zip"), "32.zip", "Item 32's ZIP", out);
    npi_box(
        claim.get("32a"),
        "32a",
        "Item 32a (service facility NPI)",
        out,
    );
}

fn billing(claim: &Claim, out: &mut Vec<Finding>) {
    for (id, what) in [
        ("33.name", "name"),
        ("33.street", "street"),
        ("33.city", "city"),
        ("33.state", "state"),
        ("33.zip", "ZIP code"),
    ] {
        if !claim.has(id) {
            out.push(finding(
                "billing-provider-missing",
                id,
                format!("Item 33's {what} is empty: give the billing provider's name and street address, as the payer has them on file."),
            ));
        }
    }
    let street = claim.get("33.street");
    if is_po_box(street) {
        out.push(finding(
            "billing-po-box",
            "33.street",
            format!(
                "Item 33's street \"{street}\" is a post office box: payers need the street address where the practice is. Put a PO box, if any, on the payer's pay-to address instead."
            ),
        ));
    }
    state_box(claim.get("33.state"), "33.state", "Item 33's state", out);
    let zip = claim.get("33.zip");
    zip_box(zip, "33.zip", "Item 33's ZIP", out);
    if zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()) {
        out.push(finding(
            "billing-zip-plus-four",
            "33.zip",
            format!(
                "Item 33's ZIP {zip} has five digits, but the billing provider's ZIP must be the full nine-digit ZIP+4: add the four digits, without a hyphen."
            ),
        ));
    }
    phone_box(claim.get("33.phone"), "33.phone", "Item 33's phone", out);
    let npi = claim.get("33a");
    if npi.is_empty() {
        out.push(finding(
            "billing-npi-missing",
            "33a",
            "Item 33a is empty: write the billing provider's ten-digit NPI (the group's NPI for a group practice).",
        ));
    }
    npi_box(npi, "33a", "Item 33a (billing provider NPI)", out);
}
