//! A worked example: a fictional child's visit billed on the parent's plan, so every
//! loop a dependent's claim has (2000C and 2010CA) appears. The 837P lesson can show it,
//! and the tests pin its rendering to `tests/fixtures/reference-837p.txt`.
//! Everything here is synthetic: 555-01xx phones, an EIN with the never-issued `00`
//! prefix, NPIs made with valid check digits.

use std::collections::BTreeMap;

use super::Envelope;
use crate::domain::claims::claim::Claim;
use crate::domain::claims::payer::{Payer, PayerKind};
use crate::domain::dates::Day;
use crate::domain::npi;

/// The billing provider's NPI (item 33a).
pub fn billing_npi() -> String {
    npi::complete("123456789").unwrap_or_default()
}

/// The rendering provider's NPI (24J).
pub fn rendering_npi() -> String {
    npi::complete("987654321").unwrap_or_default()
}

/// The referring provider's NPI (item 17b).
pub fn referring_npi() -> String {
    npi::complete("246813579").unwrap_or_default()
}

/// The example claim: a child's sore-throat visit with a rapid strep test, billed on
/// her father's commercial plan.
pub fn claim() -> Claim {
    let mut c = Claim::new();
    let boxes = [
        ("payer.name", "BRIGHTWATER HEALTH PPO"),
        ("payer.street", "PO BOX 0160"),
        ("payer.city", "FERNBROOK"),
        ("payer.state", "OH"),
        ("payer.zip", "439990160"),
        ("1", "group"),
        ("1a", "BWX448812"),
        ("2", "BRAMBLE, JUNO T"),
        ("3", "06/14/2017"),
        ("3.sex", "F"),
        ("4", "BRAMBLE, ORSON K"),
        ("5.street", "18 LANTERN HOLLOW ROAD"),
        ("5.city", "FERNBROOK"),
        ("5.state", "OH"),
        ("5.zip", "43999"),
        ("5.phone", "555-555-0131"),
        ("6", "child"),
        ("7.street", "18 LANTERN HOLLOW ROAD"),
        ("7.city", "FERNBROOK"),
        ("7.state", "OH"),
        ("7.zip", "43999"),
        ("10a", "N"),
        ("10b", "N"),
        ("10c", "N"),
        ("11", "GRP-55120"),
        ("11a", "02/03/1985"),
        ("11a.sex", "M"),
        ("11c", "BRIGHTWATER PPO SELECT"),
        ("11d", "N"),
        ("12", "Y"),
        ("13", "Y"),
        ("14", "03/02/2025"),
        ("17", "PRIYA OKONKWO-LIND MD"),
        ("17.role", "DN"),
        ("21.ind", "0"),
        ("21.A", "J02.9"),
        ("21.B", "R50.9"),
        ("24.1.a.from", "03/05/2025"),
        ("24.1.a.to", "03/05/2025"),
        ("24.1.b", "11"),
        ("24.1.d", "99213"),
        ("24.1.d.m1", "25"),
        ("24.1.e", "AB"),
        ("24.1.f", "125.00"),
        ("24.1.g", "1"),
        ("24.2.a.from", "03/05/2025"),
        ("24.2.a.to", "03/05/2025"),
        ("24.2.b", "11"),
        ("24.2.d", "87880"),
        ("24.2.e", "A"),
        ("24.2.f", "30.00"),
        ("24.2.g", "1"),
        ("25", "00-4455667"),
        ("25.kind", "ein"),
        ("26", "BRA-20417"),
        ("27", "Y"),
        ("28", "155.00"),
        ("31", "ROSALIND QUILL MD"),
        ("31.date", "03/06/2025"),
        ("33.name", "MAPLE HOLLOW PEDIATRICS"),
        ("33.street", "220 SAMPLE AVENUE SUITE 5"),
        ("33.city", "FERNBROOK"),
        ("33.state", "OH"),
        ("33.zip", "439990012"),
        ("33.phone", "555-555-0100"),
    ];
    for (id, value) in boxes {
        c.set(id, value);
    }
    c.set("17b", referring_npi());
    c.set("24.1.j", rendering_npi());
    c.set("24.2.j", rendering_npi());
    c.set("33a", billing_npi());
    c
}

/// The example's payer: a commercial PPO.
pub fn payer() -> Payer {
    Payer {
        id: "commercial-ppo".into(),
        name: "Brightwater Health PPO".into(),
        street: "PO Box 0160".into(),
        city: "Fernbrook".into(),
        state: "OH".into(),
        zip: "439990160".into(),
        payer_id: "BWH03".into(),
        kind: PayerKind::Commercial,
        plan: "Commercial PPO".into(),
        deductible: "500.00".into(),
        coinsurance_percent: 20,
        copay: "30.00".into(),
        copay_codes: vec!["99213".into()],
        timely_filing_days: 180,
        referral_required: false,
        auth_required: Vec::new(),
        not_covered: Vec::new(),
        fees: BTreeMap::new(),
        default_allowed_percent: 70,
        necessity: Vec::new(),
    }
}

/// The example's envelope: sent by the practice to a teaching clearinghouse.
pub fn envelope() -> Envelope {
    Envelope {
        sender_id: "BILLABLE".into(),
        receiver_id: "TEACHCLEAR".into(),
        control_number: 142,
        date: Day::from_ymd(2025, 3, 6).unwrap_or(Day(0)),
        time: "0930".into(),
        submitter_name: "Maple Hollow Pediatrics".into(),
        submitter_contact: "Dana Reyes".into(),
        submitter_phone: "555-555-0142".into(),
        receiver_name: "Teaching Clearinghouse".into(),
    }
}
