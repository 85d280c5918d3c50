//! The simulated payer: prices a claim that passed the scrubber and decides each line,
//! applying the rules a scrubber cannot see (authorizations on file, referrals,
//! coverage policies, bundling, duplicates, filing limits). The result is a
//! remittance. For every line, paid plus all adjustments equals the billed amount.

use serde::{Deserialize, Serialize};

use super::carc::Group;
use super::claim::{Claim, Line};
use super::exercise::PayerState;
use super::money::Cents;
use super::payer::Payer;
use super::teaching::{DISTINCT_MODIFIERS, TeachingEdits};
use crate::domain::dates::Day;

/// One adjustment on a line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    pub group: Group,
    /// The claim adjustment reason code.
    pub carc: u16,
    pub amount: Cents,
}

/// One service line as the payer decided it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemitLine {
    /// The claim's line number, 1–6.
    pub line: usize,
    pub date: String,
    pub code: String,
    pub modifiers: Vec<String>,
    pub units: u32,
    pub billed: Cents,
    pub allowed: Cents,
    pub paid: Cents,
    pub adjustments: Vec<Adjustment>,
    /// Remark codes.
    pub remarks: Vec<String>,
    /// Why, in our words, when a payer rule decided the line.
    pub note: String,
}

impl RemitLine {
    /// The sum of the adjustments in a group.
    pub fn total(&self, group: Group) -> Cents {
        self.adjustments
            .iter()
            .filter(|a| a.group == group)
            .map(|a| a.amount)
            .sum()
    }

    /// The patient's share: the PR adjustments.
    pub fn patient(&self) -> Cents {
        self.total(Group::PR)
    }

    /// What the provider writes off: every adjustment that is not the patient's.
    pub fn write_off(&self) -> Cents {
        self.adjustments
            .iter()
            .filter(|a| a.group != Group::PR)
            .map(|a| a.amount)
            .sum()
    }

    /// True when the payer paid nothing and the patient owes nothing for a reason
    /// other than price, i.e. the line was denied.
    pub fn denied(&self) -> bool {
        self.allowed == Cents::ZERO
    }
}

/// The payer's answer to one claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remittance {
    /// The payer's claim number (the original reference for a corrected claim).
    pub claim_number: String,
    pub payer: String,
    pub patient: String,
    pub account: String,
    pub received: String,
    pub lines: Vec<RemitLine>,
    /// Deductible still to meet after this claim.
    pub deductible_left: Cents,
}

impl Remittance {
    /// Total billed.
    pub fn billed(&self) -> Cents {
        self.lines.iter().map(|l| l.billed).sum()
    }

    /// Total paid.
    pub fn paid(&self) -> Cents {
        self.lines.iter().map(|l| l.paid).sum()
    }

    /// Total patient responsibility.
    pub fn patient(&self) -> Cents {
        self.lines.iter().map(RemitLine::patient).sum()
    }

    /// True when any line was denied.
    pub fn any_denied(&self) -> bool {
        self.lines.iter().any(RemitLine::denied)
    }
}

/// A claim the payer processed before, for the duplicate rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Processed {
    pub claim_number: String,
    pub member_id: String,
    /// (date, code) of each line.
    pub services: Vec<(String, String)>,
}

impl Processed {
    /// What the duplicate rule remembers of a claim.
    pub fn of(claim: &Claim, claim_number: &str) -> Processed {
        Processed {
            claim_number: claim_number.to_string(),
            member_id: claim.get("1a").to_string(),
            services: claim
                .lines()
                .into_iter()
                .map(|l| (l.from, l.code))
                .collect(),
        }
    }
}

/// Everything the payer knows when a claim arrives.
pub struct Context<'a> {
    pub payer: &'a Payer,
    pub state: &'a PayerState,
    pub teaching: &'a TeachingEdits,
    /// Claims processed before, for duplicates.
    pub history: &'a [Processed],
    /// The day the claim arrives.
    pub received: Day,
    /// The number the payer gives this claim.
    pub claim_number: String,
}

/// A line-level decision that takes the whole charge.
struct Denial {
    group: Group,
    carc: u16,
    remark: Option<&'static str>,
    note: String,
}

/// Decides every line of `claim`.
pub fn adjudicate(claim: &Claim, ctx: &Context<'_>) -> Remittance {
    let payer = ctx.payer;
    let lines = claim.lines();
    let met = Cents::parse(&ctx.state.deductible_met).unwrap_or(Cents::ZERO);
    let mut deductible_left = (payer.deductible_cents() - met).max(Cents::ZERO);
    let mut copay_left = payer.copay_cents();
    let replaced = claim.get("22.ref");
    let remit_lines = lines
        .iter()
        .map(|line| {
            let billed = line.charge_cents().unwrap_or(Cents::ZERO).max(Cents::ZERO);
            let units = line.unit_count().unwrap_or(1).max(1);
            let mut out = RemitLine {
                line: line.number,
                date: line.from.clone(),
                code: line.code.clone(),
                modifiers: line.modifiers.clone(),
                units,
                billed,
                allowed: Cents::ZERO,
                paid: Cents::ZERO,
                adjustments: Vec::new(),
                remarks: Vec::new(),
                note: String::new(),
            };
            if let Some(d) = denial(claim, line, &lines, ctx, replaced) {
                out.adjustments.push(Adjustment {
                    group: d.group,
                    carc: d.carc,
                    amount: billed,
                });
                out.remarks.extend(d.remark.map(str::to_string));
                out.note = d.note;
                return out;
            }
            // Units over the per-day limit: the excess share of the charge is denied.
            let mut considered = billed;
            let mut paid_units = units;
            if let Some(limit) = ctx.teaching.unit_limit(&line.code)
                && units > limit.max_per_day
            {
                paid_units = limit.max_per_day;
                considered = Cents(billed.0 * i64::from(paid_units) / i64::from(units));
                out.adjustments.push(Adjustment {
                    group: Group::CO,
                    carc: 151,
                    amount: billed - considered,
                });
                out.remarks.push("N362".into());
                out.note = format!("Paid for {paid_units} of {units} units: {}", limit.note);
            }
            let allowed = allowed_amount(payer, line, paid_units, considered);
            out.allowed = allowed;
            push(&mut out, Group::CO, 45, considered - allowed);
            // Visits with a copay carry only the copay; other services go to the
            // deductible first, then coinsurance on the rest.
            if payer.copay_codes.contains(&line.code) {
                let copay = copay_left.min(allowed);
                copay_left = copay_left - copay;
                push(&mut out, Group::PR, 3, copay);
            } else {
                let deductible = deductible_left.min(allowed);
                deductible_left = deductible_left - deductible;
                push(&mut out, Group::PR, 1, deductible);
                let rest = allowed - deductible;
                push(
                    &mut out,
                    Group::PR,
                    2,
                    rest.percent(payer.coinsurance_percent),
                );
            }
            out.paid = allowed - out.patient();
            out
        })
        .collect();
    Remittance {
        claim_number: ctx.claim_number.clone(),
        payer: payer.name.clone(),
        patient: claim.get("2").to_string(),
        account: claim.get("26").to_string(),
        received: ctx.received.mdy(),
        lines: remit_lines,
        deductible_left,
    }
}

fn push(line: &mut RemitLine, group: Group, carc: u16, amount: Cents) {
    if amount != Cents::ZERO {
        line.adjustments.push(Adjustment {
            group,
            carc,
            amount,
        });
    }
}

/// The payer's allowed amount: the scheduled fee per unit (adjusted for payment
/// modifiers), or a percent of the charge, never more than the charge.
fn allowed_amount(payer: &Payer, line: &Line, units: u32, billed: Cents) -> Cents {
    let scheduled = payer.fee(&line.code).map(|fee| {
        let mut amount = Cents(fee.0 * i64::from(units));
        for m in &line.modifiers {
            amount = match m.as_str() {
                "50" => amount.percent(150),
                "26" => amount.percent(40),
                "TC" => amount.percent(60),
                _ => amount,
            };
        }
        amount
    });
    scheduled
        .unwrap_or_else(|| billed.percent(payer.default_allowed_percent))
        .min(billed)
}

/// The first payer rule that denies the whole line, in the order payers apply them.
fn denial(
    claim: &Claim,
    line: &Line,
    lines: &[Line],
    ctx: &Context<'_>,
    replaced: &str,
) -> Option<Denial> {
    let payer = ctx.payer;
    let member = claim.get("1a");
    let duplicate = ctx.history.iter().any(|p| {
        p.claim_number != replaced
            && p.member_id == member
            && p.services
                .iter()
                .any(|(d, c)| *d == line.from && *c == line.code)
    });
    if duplicate {
        return Some(Denial {
            group: Group::OA,
            carc: 18,
            remark: Some("M86"),
            note: "This service was already processed on an earlier claim. To change a processed claim, send a corrected claim (item 22, code 7) instead of a new one.".into(),
        });
    }
    if let Some(from) = Day::parse_mdy(&line.from)
        && ctx.received.0 - from.0 > i64::from(payer.timely_filing_days)
    {
        return Some(Denial {
            group: Group::CO,
            carc: 29,
            remark: None,
            note: format!(
                "{} accepts claims up to {} days after the date of service; this one arrived {} days after.",
                payer.name,
                payer.timely_filing_days,
                ctx.received.0 - from.0
            ),
        });
    }
    if payer.excludes(&line.code) {
        return Some(Denial {
            group: Group::PR,
            carc: 96,
            remark: Some("N130"),
            note: format!(
                "{} does not cover {}; the patient owes it.",
                payer.plan, line.code
            ),
        });
    }
    let auth = claim.get("23");
    let on_file = ctx.state.authorizations.iter().any(|a| a == auth);
    if payer.needs_auth(&line.code) && !on_file {
        return Some(Denial {
            group: Group::CO,
            carc: 197,
            remark: Some("M62"),
            note: format!(
                "{} needs prior authorization for {}, and no authorization numbered \"{auth}\" is on file.",
                payer.name, line.code
            ),
        });
    }
    if payer.referral_required && ctx.state.specialist && (!on_file || !claim.has("17b")) {
        return Some(Denial {
            group: Group::CO,
            carc: 288,
            remark: None,
            note: "The plan pays a specialist only with the primary care provider's referral: the referral number (item 23) must be on file and the referring provider named in item 17.".into(),
        });
    }
    if let Some(rule) = payer.necessity.iter().find(|r| r.code == line.code) {
        let diagnoses = claim.diagnoses();
        let supported = line.pointers.iter().any(|p| {
            diagnoses.iter().any(|(letter, code)| {
                letter == p
                    && rule
                        .diagnoses
                        .iter()
                        .any(|prefix| code.starts_with(prefix.as_str()))
            })
        });
        if !supported {
            let abn = ctx.state.abn_on_file && line.modifiers.iter().any(|m| m == "GA");
            return Some(Denial {
                group: if abn { Group::PR } else { Group::CO },
                carc: 50,
                remark: Some("N115"),
                note: rule.note.clone(),
            });
        }
    }
    let bundled = lines.iter().find_map(|other| {
        let pair = ctx.teaching.bundle(&other.code, &line.code)?;
        let distinct = line
            .modifiers
            .iter()
            .any(|m| DISTINCT_MODIFIERS.contains(&m.as_str()));
        (other.number != line.number
            && other.from == line.from
            && !(pair.modifier_allowed && distinct))
            .then_some(pair)
    });
    if let Some(pair) = bundled {
        return Some(Denial {
            group: Group::CO,
            carc: 97,
            remark: Some("N20"),
            note: format!(
                "{} is included in {} on the same day: {}",
                pair.column2, pair.column1, pair.note
            ),
        });
    }
    None
}
