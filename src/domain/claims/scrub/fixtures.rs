//! Test fixtures: the shipped reference lists and teaching edits, the ICD-10-CM set,
//! four simulated payers, and complete claims that scrub clean. Every person, address,
//! phone number and provider here is fictional (phones 555-0100 to 555-0199, NPIs
//! generated with a valid check digit).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::{CodeLists, ScrubContext};
use crate::domain::claims::claim::Claim;
use crate::domain::claims::diagnosis_facts::DiagnosisFacts;
use crate::domain::claims::payer::{Payer, PayerKind};
use crate::domain::claims::teaching::TeachingEdits;
use crate::domain::codes::cpt::parse_cpt;
use crate::domain::codes::hcpcs::parse_hcpcs;
use crate::domain::codes::icd10cm::Icd10Cm;
use crate::domain::codes::icd10cm_data::parse;
use crate::domain::codes::modifiers::parse_modifiers;
use crate::domain::codes::place_of_service::parse_places;
use crate::domain::dates::Day;
use crate::domain::npi;

macro_rules! content {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/", $path))
    };
}

/// The shipped teaching edits file, as text.
pub const TEACHING_TOML: &str = content!("claims/teaching-edits.toml");

/// The shipped ICD-10-CM set, parsed once.
pub fn icd10cm() -> &'static Icd10Cm {
    static SET: OnceLock<Icd10Cm> = OnceLock::new();
    SET.get_or_init(|| parse(content!("codes/icd10cm.txt")).expect("icd10cm.txt parses"))
}

/// The shipped CPT, HCPCS, modifier and place-of-service lists.
pub fn lists() -> &'static CodeLists {
    static LISTS: OnceLock<CodeLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        CodeLists::new(
            &parse_cpt(content!("codes/cpt.tsv")).expect("cpt.tsv parses"),
            &parse_hcpcs(content!("codes/hcpcs.tsv")).expect("hcpcs.tsv parses"),
            &parse_modifiers(content!("codes/modifiers.tsv")).expect("modifiers.tsv parses"),
            &parse_places(content!("codes/place-of-service.tsv")).expect("places parse"),
        )
    })
}

/// The shipped teaching edits.
pub fn teaching() -> &'static TeachingEdits {
    static EDITS: OnceLock<TeachingEdits> = OnceLock::new();
    EDITS.get_or_init(|| toml::from_str(TEACHING_TOML).expect("teaching-edits.toml parses"))
}

/// The day the fixture claims are sent.
pub fn today() -> Day {
    Day::parse_mdy("03/16/2026").expect("a date")
}

/// A valid, fictional NPI made from nine digits.
pub fn npi(nine: &str) -> String {
    npi::complete(nine).expect("nine digits")
}

/// The fixtures: a claim and the payer it goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// A child on a parent's commercial PPO.
    Commercial,
    /// A Medicare patient who is the insured.
    Medicare,
    /// The Medicare patient's claim sent to a Medicaid payer.
    Medicaid,
    /// The commercial claim sent to an HMO that requires referrals.
    Hmo,
}

impl Fixture {
    /// Every fixture.
    pub const ALL: [Fixture; 4] = [
        Fixture::Commercial,
        Fixture::Medicare,
        Fixture::Medicaid,
        Fixture::Hmo,
    ];

    /// The clean claim.
    pub fn claim(self) -> Claim {
        match self {
            Fixture::Commercial => commercial_claim(),
            Fixture::Medicare => medicare_claim(),
            Fixture::Medicaid => {
                let mut claim = medicare_claim();
                claim.set("1", "medicaid");
                claim.set("1a", "PSM20418807");
                claim.set("11", "");
                claim
            }
            Fixture::Hmo => {
                let mut claim = commercial_claim();
                claim.set("17", "Wren Ostrander MD");
                claim.set("17.role", "DN");
                claim.set("17b", npi("199000117"));
                claim.set("23", "REF-0142");
                claim
            }
        }
    }

    /// The payer.
    pub fn payer(self) -> Payer {
        match self {
            Fixture::Commercial => {
                payer("Brightwater PPO Teaching Plan", PayerKind::Commercial, 90)
            }
            Fixture::Medicare => payer(
                "Midland Medicare Teaching Contractor",
                PayerKind::Medicare,
                365,
            ),
            Fixture::Medicaid => payer(
                "Prairie State Medicaid Teaching Plan",
                PayerKind::Medicaid,
                180,
            ),
            Fixture::Hmo => Payer {
                referral_required: true,
                ..payer("Cloverleaf HMO Teaching Plan", PayerKind::Commercial, 90)
            },
        }
    }
}

fn payer(name: &str, kind: PayerKind, timely_filing_days: u32) -> Payer {
    Payer {
        id: name.to_ascii_lowercase().replace(' ', "-"),
        name: name.to_string(),
        street: "PO Box 0100".into(),
        city: "Sampleburg".into(),
        state: "IA".into(),
        zip: "509990100".into(),
        payer_id: "TST01".into(),
        kind,
        plan: kind.label().into(),
        deductible: "250.00".into(),
        coinsurance_percent: 20,
        copay: "0.00".into(),
        copay_codes: Vec::new(),
        timely_filing_days,
        referral_required: false,
        auth_required: vec!["73721".into()],
        not_covered: Vec::new(),
        fees: BTreeMap::new(),
        default_allowed_percent: 60,
        necessity: Vec::new(),
    }
}

fn fill(claim: &mut Claim, values: &[(&str, &str)]) {
    for (id, value) in values {
        claim.set(id, *value);
    }
}

fn billing(claim: &mut Claim) {
    fill(
        claim,
        &[
            ("21.ind", "0"),
            ("25", "99-0000142"),
            ("25.kind", "ein"),
            ("27", "Y"),
            ("29", "0.00"),
            ("31", "SIGNATURE ON FILE"),
            ("31.date", "03/16/2026"),
            ("33.name", "Fernbrook Family Practice"),
            ("33.street", "400 Orchard Lane"),
            ("33.city", "Fernbrook"),
            ("33.state", "OH"),
            ("33.zip", "439990142"),
            ("33.phone", "555-555-0150"),
        ],
    );
    claim.set("33a", npi("199000133"));
}

fn line(claim: &mut Claim, n: usize, code: &str, pointer: &str, charge: &str) {
    let set = |claim: &mut Claim, b: &str, v: &str| claim.set(&format!("24.{n}.{b}"), v);
    set(claim, "a.from", "03/10/2026");
    set(claim, "a.to", "03/10/2026");
    set(claim, "b", "11");
    set(claim, "d", code);
    set(claim, "e", pointer);
    set(claim, "f", charge);
    set(claim, "g", "1");
    set(claim, "j", &npi("199000124"));
}

/// A child seen for a sore throat, on a parent's commercial plan.
pub fn commercial_claim() -> Claim {
    let mut claim = Claim::new();
    fill(
        &mut claim,
        &[
            ("1", "group"),
            ("1a", "BWH884512071"),
            ("2", "QUILLFEATHER, TOMAS R"),
            ("3", "06/14/2015"),
            ("3.sex", "M"),
            ("4", "QUILLFEATHER, MARISOL J"),
            ("5.street", "18 Lantern Hollow Road"),
            ("5.city", "Fernbrook"),
            ("5.state", "OH"),
            ("5.zip", "43999"),
            ("5.phone", "555-555-0131"),
            ("6", "child"),
            ("7.street", "18 Lantern Hollow Road"),
            ("7.city", "Fernbrook"),
            ("7.state", "OH"),
            ("7.zip", "43999"),
            ("10a", "N"),
            ("10b", "N"),
            ("10c", "N"),
            ("11", "GRP-55120"),
            ("11a", "03/17/1984"),
            ("11a.sex", "F"),
            ("11c", "Brightwater PPO Select"),
            ("11d", "N"),
            ("12", "Y"),
            ("13", "Y"),
            ("21.A", "J02.9"),
            ("21.B", "R50.9"),
            ("26", "QUI-20418"),
            ("28", "138.00"),
        ],
    );
    line(&mut claim, 1, "99213", "AB", "110.00");
    line(&mut claim, 2, "87880", "A", "28.00");
    billing(&mut claim);
    claim
}

/// A Medicare patient's diabetes follow-up with a blood draw and an HbA1c.
pub fn medicare_claim() -> Claim {
    let mut claim = Claim::new();
    fill(
        &mut claim,
        &[
            ("1", "medicare"),
            ("1a", "5QR8TW2XK61"),
            ("2", "BRAMBLEWOOD, HAROLD T"),
            ("3", "08/22/1950"),
            ("3.sex", "M"),
            ("4", "BRAMBLEWOOD, HAROLD T"),
            ("5.street", "72 Quarry Bend"),
            ("5.city", "Fernbrook"),
            ("5.state", "OH"),
            ("5.zip", "439990172"),
            ("5.phone", "(555) 555-0172"),
            ("6", "self"),
            ("10a", "N"),
            ("10b", "N"),
            ("10c", "N"),
            ("11", "NONE"),
            ("11d", "N"),
            ("12", "Y"),
            ("13", "Y"),
            ("14", "03/01/2026"),
            ("21.A", "E11.9"),
            ("21.B", "I10"),
            ("26", "BRA-30775"),
            ("28", "200.00"),
        ],
    );
    line(&mut claim, 1, "99214", "AB", "165.00");
    line(&mut claim, 2, "36415", "A", "15.00");
    line(&mut claim, 3, "83036", "A", "20.00");
    billing(&mut claim);
    claim
}

/// The facts for a claim's diagnosis codes, from the real code set.
pub fn facts_for(claim: &Claim) -> DiagnosisFacts {
    let codes: Vec<String> = claim.diagnoses().into_iter().map(|(_, c)| c).collect();
    DiagnosisFacts::check(icd10cm(), &codes)
}

/// Scrubs a claim as it would go to the fixture's payer on the fixture day.
pub fn scrub_for(fixture: Fixture, claim: &Claim) -> Vec<super::Finding> {
    let payer = fixture.payer();
    let facts = facts_for(claim);
    let ctx = ScrubContext {
        today: today(),
        payer: &payer,
        lists: lists(),
        teaching: teaching(),
        diagnoses: &facts,
    };
    super::scrub(claim, &ctx)
}
