//! Posting a remittance to the patient's account: what the learner enters per line
//! (paid, written off, patient's share), checked against the remittance, and the
//! patient's balance and statement that follow from it.

use serde::{Deserialize, Serialize};

use super::adjudicate::Remittance;
use super::money::Cents;

/// What the learner posts for one line, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedLine {
    pub paid: String,
    pub write_off: String,
    pub patient: String,
}

/// A problem with one posted amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingError {
    /// The remittance line, 1-based as on the claim.
    pub line: usize,
    /// `paid`, `write_off` or `patient`.
    pub column: &'static str,
    pub message: String,
}

/// Checks each posted amount against the remittance; empty when all are right.
pub fn check_posting(remit: &Remittance, posted: &[PostedLine]) -> Vec<PostingError> {
    let mut errors = Vec::new();
    for (i, line) in remit.lines.iter().enumerate() {
        let entry = posted.get(i).cloned().unwrap_or_default();
        let expected = [
            (
                "paid",
                &entry.paid,
                line.paid,
                "the payer's payment (the paid column)",
            ),
            (
                "write_off",
                &entry.write_off,
                line.write_off(),
                "the adjustments in groups CO, OA and PI, which the practice writes off",
            ),
            (
                "patient",
                &entry.patient,
                line.patient(),
                "the PR adjustments (deductible, coinsurance, copay, non-covered)",
            ),
        ];
        for (column, typed, want, what) in expected {
            let message = match Cents::parse(typed) {
                None => format!(
                    "Line {}: \"{}\" is not an amount; enter dollars and cents, e.g. {}.",
                    line.line,
                    typed.trim(),
                    want
                ),
                Some(got) if got != want => format!(
                    "Line {}: you posted {got}, but {what} comes to {want}.",
                    line.line
                ),
                Some(_) => continue,
            };
            errors.push(PostingError {
                line: line.line,
                column,
                message,
            });
        }
    }
    errors
}

/// The patient's balance after the payer: their share less what they paid at the
/// desk. Negative means the practice owes the patient a refund.
pub fn patient_balance(remit: &Remittance, collected: Cents) -> Cents {
    remit.patient() - collected
}

/// One line of a patient statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    pub date: String,
    pub description: String,
    pub amount: Cents,
}

/// A patient statement: charges, the payer's payment and write-offs, the patient's
/// payments, and the balance due.
pub fn statement(remit: &Remittance, collected: Cents) -> Vec<StatementLine> {
    let mut out = Vec::new();
    for line in &remit.lines {
        out.push(StatementLine {
            date: line.date.clone(),
            description: format!("Service {} (charge)", line.code),
            amount: line.billed,
        });
        if line.paid != Cents::ZERO {
            out.push(StatementLine {
                date: remit.received.clone(),
                description: format!("{} payment", remit.payer),
                amount: Cents::ZERO - line.paid,
            });
        }
        if line.write_off() != Cents::ZERO {
            out.push(StatementLine {
                date: remit.received.clone(),
                description: "Insurance adjustment (not billed to you)".into(),
                amount: Cents::ZERO - line.write_off(),
            });
        }
    }
    if collected != Cents::ZERO {
        out.push(StatementLine {
            date: String::new(),
            description: "Your payment at the visit".into(),
            amount: Cents::ZERO - collected,
        });
    }
    out
}
