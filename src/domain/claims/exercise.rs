//! Claim exercises: a face sheet (and a superbill, or a coded chart) from which the
//! learner builds a CMS-1500. The answer key is derived from the same face sheet by
//! `key_claim`, so the two can never disagree. The file format is in
//! `content/claims/README.md`.

use serde::{Deserialize, Serialize};

pub use super::face_sheet::*;

use super::claim::Claim;
use super::form::{DX_LETTERS, line_id};
use super::money::Cents;
use crate::domain::charts::Chart;
use crate::domain::dates::Day;

/// One claim exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimExercise {
    /// The file name without `.toml`; set by the reader.
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub difficulty: u8,
    /// A payer id from `payers.toml`.
    pub payer: String,
    /// `YYYY-MM-DD`: the day the claim is prepared and sent.
    pub prepared: String,
    pub brief: String,
    /// The chart whose key supplies the codes, for chart exercises.
    #[serde(default)]
    pub chart: Option<String>,
    pub patient: Person,
    pub insured: Insured,
    #[serde(default)]
    pub secondary: Option<Secondary>,
    pub encounter: Encounter,
    #[serde(default)]
    pub referring: Option<Referring>,
    pub provider: ProviderInfo,
    #[serde(default)]
    pub facility: Option<Facility>,
    #[serde(default, rename = "diagnosis")]
    pub diagnoses: Vec<SuperbillDiagnosis>,
    #[serde(default, rename = "line")]
    pub lines: Vec<SuperbillLine>,
    #[serde(default)]
    pub payer_state: PayerState,
    pub after_remittance: AfterRemittance,
}

/// The codes a claim carries: from the superbill or from the chart's key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Codes {
    pub diagnoses: Vec<String>,
    pub lines: Vec<SuperbillLine>,
}

impl ClaimExercise {
    /// The codes: the chart key's when the exercise follows `chart`, else the
    /// superbill's.
    pub fn codes(&self, chart: Option<&Chart>) -> Codes {
        match chart {
            Some(chart) => Codes {
                diagnoses: chart.diagnoses.iter().map(|d| d.code.clone()).collect(),
                lines: chart
                    .lines
                    .iter()
                    .map(|l| SuperbillLine {
                        code: l.code.clone(),
                        modifiers: l.modifiers.clone(),
                        units: l.units,
                        pointers: l.pointers.clone(),
                        charge: l.charge.clone(),
                    })
                    .collect(),
            },
            None => Codes {
                diagnoses: self.diagnoses.iter().map(|d| d.code.clone()).collect(),
                lines: self.lines.clone(),
            },
        }
    }

    /// The day the claim is sent.
    pub fn prepared_day(&self) -> Option<Day> {
        Day::parse_iso(&self.prepared)
    }

    /// The collected copay, zero when none.
    pub fn copay_collected(&self) -> Cents {
        Cents::parse(&self.encounter.copay_collected).unwrap_or(Cents::ZERO)
    }

    /// The claim that scores 100: every box as the face sheet and codes support it.
    /// `payer` gives the carrier block and item 1.
    pub fn key_claim(&self, codes: &Codes, payer: &super::payer::Payer) -> Claim {
        let mut c = Claim::new();
        let p = &self.patient;
        let mdy = |iso: &str| Day::parse_iso(iso).map_or(iso.to_string(), Day::mdy);
        c.set("payer.name", payer.name.to_uppercase());
        c.set("payer.street", payer.street.to_uppercase());
        c.set("payer.city", payer.city.to_uppercase());
        c.set("payer.state", payer.state.clone());
        c.set("payer.zip", payer.zip.clone());
        c.set("1", payer.kind.coverage()[0]);
        c.set("1a", self.insured.member_id.clone());
        c.set("2", p.form_name());
        c.set("3", mdy(&p.date_of_birth));
        c.set("3.sex", p.sex.clone());
        c.set("5.street", p.street.to_uppercase());
        c.set("5.city", p.city.to_uppercase());
        c.set("5.state", p.state.clone());
        c.set("5.zip", p.zip.clone());
        c.set("5.phone", p.phone.clone());
        c.set("6", self.insured.relationship.clone());
        let i = &self.insured;
        match i.is_self() {
            false => {
                c.set("4", form_name(&i.last, &i.first, &i.middle));
                c.set("7.street", i.street.to_uppercase());
                c.set("7.city", i.city.to_uppercase());
                c.set("7.state", i.state.clone());
                c.set("7.zip", i.zip.clone());
                c.set("11a", mdy(&i.date_of_birth));
                c.set("11a.sex", i.sex.clone());
            }
            true => {
                c.set("4", p.form_name());
                c.set("7.street", p.street.to_uppercase());
                c.set("7.city", p.city.to_uppercase());
                c.set("7.state", p.state.clone());
                c.set("7.zip", p.zip.clone());
            }
        }
        if let Some(s) = &self.secondary {
            c.set("9", form_name(&s.last, &s.first, &s.middle));
            c.set("9a", s.policy.clone());
            c.set("9d", s.plan_name.to_uppercase());
        }
        let e = &self.encounter;
        let yes_no = |b: bool| if b { "Y" } else { "N" };
        c.set("10a", yes_no(e.employment));
        c.set("10b", yes_no(e.auto_accident));
        if e.auto_accident {
            c.set("10b.state", e.auto_state.clone());
        }
        c.set("10c", yes_no(e.other_accident));
        c.set("11", self.insured.group.clone());
        c.set("11c", self.insured.plan_name.to_uppercase());
        c.set("11d", yes_no(self.secondary.is_some()));
        if e.signature_on_file {
            c.set("12", "Y");
            c.set("13", "Y");
        }
        if !e.onset.is_empty() {
            c.set("14", mdy(&e.onset));
        }
        if let Some(r) = &self.referring {
            c.set("17", r.name.to_uppercase());
            c.set("17.role", r.role.clone());
            c.set("17b", r.npi.clone());
        }
        c.set("21.ind", "0");
        for (letter, code) in DX_LETTERS.iter().zip(&codes.diagnoses) {
            c.set(&format!("21.{letter}"), code.clone());
        }
        c.set("23", e.prior_auth.clone());
        let dos = mdy(&e.date_of_service);
        for (i, line) in codes.lines.iter().enumerate() {
            let n = i + 1;
            c.set(&line_id(n, "a.from"), dos.clone());
            c.set(&line_id(n, "a.to"), dos.clone());
            c.set(&line_id(n, "b"), e.place_of_service.clone());
            c.set(&line_id(n, "d"), line.code.clone());
            for (m, modifier) in ["d.m1", "d.m2", "d.m3", "d.m4"].iter().zip(&line.modifiers) {
                c.set(&line_id(n, m), modifier.clone());
            }
            c.set(&line_id(n, "e"), line.pointers.concat());
            c.set(&line_id(n, "f"), line.charge.clone());
            c.set(&line_id(n, "g"), line.units.to_string());
            c.set(&line_id(n, "j"), self.provider.rendering_npi.clone());
        }
        let v = &self.provider;
        c.set("25", v.ein.clone());
        c.set("25.kind", "ein");
        c.set("26", p.account.clone());
        c.set("27", "Y");
        c.set("28", c.line_total().to_string());
        c.set("31", v.rendering.to_uppercase());
        c.set("31.date", mdy(&self.prepared));
        if let Some(f) = &self.facility {
            c.set("32.name", f.name.to_uppercase());
            c.set("32.street", f.street.to_uppercase());
            c.set("32.city", f.city.to_uppercase());
            c.set("32.state", f.state.clone());
            c.set("32.zip", f.zip.clone());
            c.set("32a", f.npi.clone());
        }
        c.set("33.name", v.billing_name.to_uppercase());
        c.set("33.street", v.billing_street.to_uppercase());
        c.set("33.city", v.billing_city.to_uppercase());
        c.set("33.state", v.billing_state.clone());
        c.set("33.zip", v.billing_zip.clone());
        c.set("33.phone", v.billing_phone.clone());
        c.set("33a", v.billing_npi.clone());
        c
    }

    /// The corrected claim's key: `original` with the fix applied, marked as a
    /// replacement of the payer's claim `payer_claim_number`.
    pub fn corrected_key(
        &self,
        original: &Claim,
        payer_claim_number: &str,
        prepared: Day,
    ) -> Claim {
        let mut c = original.clone();
        for (id, value) in &self.after_remittance.fix {
            c.set(id, value.clone());
        }
        c.set("22", "7");
        c.set("22.ref", payer_claim_number);
        c.set("28", c.line_total().to_string());
        c.set("31.date", prepared.mdy());
        c
    }
}

/// An exercise as the browser receives it: the file plus the codes it carries (from
/// its chart's key when it follows a chart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedExercise {
    pub exercise: ClaimExercise,
    pub codes: Codes,
}

/// One exercise in the published list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSummary {
    pub id: String,
    pub title: String,
    pub difficulty: u8,
    /// The payer's plan label, e.g. "Commercial PPO".
    pub plan: String,
    /// The chart it follows, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<String>,
}

impl ClaimExercise {
    /// The 837P envelope for this exercise's claim number `control`: the practice
    /// submits to the payer on the day the claim is prepared.
    pub fn envelope(&self, payer: &super::payer::Payer, control: u32) -> super::x12::Envelope {
        super::x12::Envelope {
            sender_id: format!(
                "BILLABLE{}",
                &self.provider.billing_npi.get(..6).unwrap_or("000000")
            ),
            receiver_id: payer.payer_id.clone(),
            control_number: control,
            date: self.prepared_day().unwrap_or(Day(0)),
            time: "1200".into(),
            submitter_name: self.provider.billing_name.clone(),
            submitter_contact: "BILLING OFFICE".into(),
            submitter_phone: self
                .provider
                .billing_phone
                .chars()
                .filter(char::is_ascii_digit)
                .collect(),
            receiver_name: payer.name.clone(),
        }
    }
}

/// The payer's number for the `attempt`-th claim of an exercise (1 for the first):
/// the same in the browser, the tool and the tests.
pub fn claim_number(exercise_id: &str, attempt: usize) -> String {
    let hash = exercise_id.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    format!("TC{:08}{attempt:02}", hash % 100_000_000)
}

impl ClaimExercise {
    /// The payer's remittance for a claim of this exercise, received on `received`
    /// after the claims in `history`.
    pub fn remit(
        &self,
        payer: &super::payer::Payer,
        teaching: &super::teaching::TeachingEdits,
        claim: &Claim,
        history: &[super::adjudicate::Processed],
        received: Day,
    ) -> super::adjudicate::Remittance {
        super::adjudicate::adjudicate(
            claim,
            &super::adjudicate::Context {
                payer,
                state: &self.payer_state,
                teaching,
                history,
                received,
                claim_number: claim_number(&self.id, history.len() + 1),
            },
        )
    }
}
