//! Appeal letters: what a learner writes to ask a payer to reconsider a denial, and
//! the checklist it is graded against. A payer can act on an appeal only when it can
//! find the claim, sees which decision is disputed and why it is wrong, and has the
//! proof; each checklist item says which of those it serves.

use serde::{Deserialize, Serialize};

use super::adjudicate::Remittance;
use super::carc::Group;

/// The letter as the learner fills it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppealLetter {
    pub patient_name: String,
    pub member_id: String,
    /// The payer's claim number from the remittance.
    pub claim_number: String,
    /// `MM/DD/YYYY`.
    pub date_of_service: String,
    /// The denial's reason code as written, e.g. `CO-29` or `29`.
    pub denial_code: String,
    /// The learner's argument: why the decision is wrong.
    pub argument: String,
    /// What is enclosed, one per line.
    pub enclosures: String,
    /// Who signs and how to reach them.
    pub contact: String,
}

/// One item of the checklist and whether the letter meets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// What the item requires.
    pub requirement: String,
    pub met: bool,
    /// How to meet it, when it is not met.
    pub advice: String,
}

/// The fewest words an argument needs to explain itself.
pub const MIN_ARGUMENT_WORDS: usize = 25;

/// Grades `letter` against the claim's remittance: the identifiers must match the
/// remittance, the reason code must be one of its denials, and the argument and
/// enclosures must be there.
pub fn check_appeal(
    letter: &AppealLetter,
    remit: &Remittance,
    member_id: &str,
) -> Vec<ChecklistItem> {
    let clean = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase()
    };
    let denial_codes: Vec<(Group, u16)> = remit
        .lines
        .iter()
        .filter(|l| l.denied())
        .flat_map(|l| l.adjustments.iter().map(|a| (a.group, a.carc)))
        .collect();
    let code = clean(&letter.denial_code);
    let cites_denial = denial_codes
        .iter()
        .any(|(g, c)| code == c.to_string() || code == format!("{}{c}", g.code()));
    let denied_dates: Vec<String> = remit
        .lines
        .iter()
        .filter(|l| l.denied())
        .map(|l| l.date.clone())
        .collect();
    let words = letter.argument.split_whitespace().count();
    let item = |requirement: &str, met: bool, advice: String| ChecklistItem {
        requirement: requirement.to_string(),
        met,
        advice: if met { String::new() } else { advice },
    };
    vec![
        item(
            "The patient's name, so the payer can find the claim",
            clean(&letter.patient_name) == clean(&remit.patient) && !letter.patient_name.trim().is_empty(),
            format!("Write the patient's name as on the claim: {}.", remit.patient),
        ),
        item(
            "The member id from the insurance card",
            clean(&letter.member_id) == clean(member_id) && !member_id.is_empty(),
            "Copy the member id from item 1a of the claim.".into(),
        ),
        item(
            "The payer's claim number from the remittance",
            clean(&letter.claim_number) == clean(&remit.claim_number),
            format!("The remittance numbers this claim {}.", remit.claim_number),
        ),
        item(
            "The date of service of the denied line",
            denied_dates.iter().any(|d| clean(d) == clean(&letter.date_of_service)),
            "Give the date of service of the denied line, MM/DD/YYYY, from the remittance.".into(),
        ),
        item(
            "The denial being appealed, by its reason code",
            cites_denial,
            "Name the denial by its group and reason code from the remittance, e.g. CO-29.".into(),
        ),
        item(
            "Why the decision is wrong, in the letter's own words",
            words >= MIN_ARGUMENT_WORDS,
            format!("Explain in at least {MIN_ARGUMENT_WORDS} words why the payer should pay: what happened and which rule or fact supports you ({words} so far)."),
        ),
        item(
            "The proof, listed as enclosures",
            letter.enclosures.lines().any(|l| !l.trim().is_empty()),
            "List what you enclose: the proof your argument relies on (for example the clearinghouse acceptance report, the authorization letter or the visit note).".into(),
        ),
        item(
            "Who to contact about the appeal",
            letter.contact.split_whitespace().count() >= 2,
            "Sign with a name and a phone number or address for the payer's reply.".into(),
        ),
    ]
}

/// The score for a checklist: the share of items met, 0 to 100.
pub fn appeal_score(items: &[ChecklistItem]) -> u32 {
    (items.iter().filter(|i| i.met).count() * 100 / items.len().max(1)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::claims::adjudicate::{Adjustment, RemitLine};
    use crate::domain::claims::money::Cents;

    fn remit() -> Remittance {
        Remittance {
            claim_number: "TC1234567801".into(),
            payer: "Brightwater Health PPO".into(),
            patient: "QUILLFEATHER, MARISOL J".into(),
            account: "QUI-1".into(),
            received: "11/02/2026".into(),
            lines: vec![RemitLine {
                line: 1,
                date: "06/15/2026".into(),
                code: "99213".into(),
                modifiers: vec![],
                units: 1,
                billed: Cents(15_000),
                allowed: Cents::ZERO,
                paid: Cents::ZERO,
                adjustments: vec![Adjustment {
                    group: Group::CO,
                    carc: 29,
                    amount: Cents(15_000),
                }],
                remarks: vec![],
                note: String::new(),
            }],
            deductible_left: Cents::ZERO,
        }
    }

    fn letter() -> AppealLetter {
        AppealLetter {
            patient_name: "Quillfeather, Marisol J".into(),
            member_id: "ZQP-884512".into(),
            claim_number: "TC1234567801".into(),
            date_of_service: "06/15/2026".into(),
            denial_code: "CO-29".into(),
            argument: "The claim was first sent on 07/01/2026, sixteen days after the visit, and the clearinghouse accepted it that day; the payer's own filing limit of ninety days was therefore met, and the enclosed report proves it.".into(),
            enclosures: "Clearinghouse acceptance report dated 07/01/2026".into(),
            contact: "Dana Reyes, billing office, 555-555-0142".into(),
        }
    }

    #[test]
    fn a_complete_letter_meets_every_item() {
        let items = check_appeal(&letter(), &remit(), "ZQP884512");
        assert!(items.iter().all(|i| i.met), "{items:?}");
        assert_eq!(appeal_score(&items), 100);
    }

    #[test]
    fn each_gap_is_named() {
        let check = |change: &dyn Fn(&mut AppealLetter), requirement: &str| {
            let mut l = letter();
            change(&mut l);
            let unmet: Vec<String> = check_appeal(&l, &remit(), "ZQP884512")
                .into_iter()
                .filter(|i| !i.met)
                .map(|i| i.requirement)
                .collect();
            assert_eq!(unmet.len(), 1, "{unmet:?}");
            assert!(unmet[0].contains(requirement), "{unmet:?}");
        };
        check(
            &|l| l.patient_name = "Someone Else".into(),
            "patient's name",
        );
        check(&|l| l.member_id = "X".into(), "member id");
        check(&|l| l.claim_number = "TC0".into(), "claim number");
        check(
            &|l| l.date_of_service = "06/16/2026".into(),
            "date of service",
        );
        check(&|l| l.denial_code = "CO-45".into(), "reason code");
        check(&|l| l.argument = "Please pay.".into(), "wrong");
        check(&|l| l.enclosures = " ".into(), "enclosures");
        check(&|l| l.contact = "Dana".into(), "contact");
        let mut bare = letter();
        bare.denial_code = "29".into();
        assert!(
            check_appeal(&bare, &remit(), "ZQP884512")
                .iter()
                .all(|i| i.met),
            "the bare number counts"
        );
    }
}
