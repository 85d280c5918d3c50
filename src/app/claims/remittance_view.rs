//! The payer's answer shown two ways: an EOB-style table a person reads, and the
//! ERA-style (835) segments a practice system reads, with every code explained.

use leptos::prelude::*;

use crate::domain::claims::adjudicate::Remittance;
use crate::domain::claims::carc::{Group, carc_text, rarc_text};
use crate::domain::claims::money::Cents;

/// One line's adjustments as `CO-45 60.00; PR-2 6.60`.
fn adjustment_text(remit: &Remittance, i: usize) -> String {
    remit.lines[i]
        .adjustments
        .iter()
        .map(|a| format!("{}-{} {}", a.group.code(), a.carc, a.amount))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The ERA-style segments for a remittance, one per line of text.
pub fn era_lines(remit: &Remittance) -> Vec<String> {
    let status = if remit.lines.iter().all(|l| l.denied()) {
        4
    } else {
        1
    };
    let mut out = vec![format!(
        "CLP*{}*{status}*{}*{}*{}*12*{}",
        remit.account,
        remit.billed(),
        remit.paid(),
        remit.patient(),
        remit.claim_number
    )];
    for line in &remit.lines {
        let modifiers: String = line.modifiers.iter().map(|m| format!(":{m}")).collect();
        out.push(format!(
            "SVC*HC:{}{modifiers}*{}*{}**{}",
            line.code, line.billed, line.paid, line.units
        ));
        if let Some(date) = crate::domain::dates::Day::parse_mdy(&line.date) {
            out.push(format!("DTM*472*{}", date.compact()));
        }
        for group in [Group::CO, Group::PR, Group::OA, Group::PI] {
            let parts: Vec<String> = line
                .adjustments
                .iter()
                .filter(|a| a.group == group)
                .map(|a| format!("{}*{}", a.carc, a.amount))
                .collect();
            if !parts.is_empty() {
                out.push(format!("CAS*{}*{}", group.code(), parts.join("**")));
            }
        }
        if line.allowed != Cents::ZERO {
            out.push(format!("AMT*B6*{}", line.allowed));
        }
        for remark in &line.remarks {
            out.push(format!("LQ*HE*{remark}"));
        }
    }
    out
}

/// The remittance for one claim.
#[component]
pub fn RemittanceView(
    /// What the payer decided.
    remit: Remittance,
) -> impl IntoView {
    let rows = (0..remit.lines.len())
        .map(|i| {
            let l = &remit.lines[i];
            let amount = |carc: u16| {
                l.adjustments
                    .iter()
                    .filter(|a| a.group == Group::PR && a.carc == carc)
                    .map(|a| a.amount)
                    .sum::<Cents>()
                    .to_string()
            };
            view! {
                <tr data-line=l.line>
                    <td>{l.line}</td>
                    <td>{l.date.clone()}</td>
                    <td>{format!("{} {}", l.code, l.modifiers.join(" "))}</td>
                    <td class="num">{l.billed.to_string()}</td>
                    <td class="num">{l.allowed.to_string()}</td>
                    <td class="num">{amount(1)}</td>
                    <td class="num">{amount(2)}</td>
                    <td class="num">{amount(3)}</td>
                    <td class="num remit-paid">{l.paid.to_string()}</td>
                    <td>{adjustment_text(&remit, i)}</td>
                    <td>{l.remarks.join(" ")}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = remit
        .lines
        .iter()
        .filter(|l| !l.note.is_empty())
        .map(|l| view! { <li>{format!("Line {}: {}", l.line, l.note)}</li> })
        .collect_view();
    let mut carcs: Vec<(Group, u16)> = remit
        .lines
        .iter()
        .flat_map(|l| l.adjustments.iter().map(|a| (a.group, a.carc)))
        .collect();
    carcs.dedup();
    let mut seen = Vec::new();
    carcs.retain(|c| {
        let new = !seen.contains(c);
        seen.push(*c);
        new
    });
    let legend = carcs
        .into_iter()
        .map(|(g, c)| view! { <li>{format!("{}-{c}: {} {}", g.code(), carc_text(c), g.meaning())}</li> })
        .collect_view();
    let mut remarks: Vec<String> = remit.lines.iter().flat_map(|l| l.remarks.clone()).collect();
    remarks.sort();
    remarks.dedup();
    let remarks = remarks
        .into_iter()
        .map(|r| view! { <li>{format!("{r}: {}", rarc_text(&r))}</li> })
        .collect_view();
    let era = era_lines(&remit).join("~\n") + "~";
    view! {
        <section class="remittance" aria-labelledby="remit-heading">
            <h2 id="remit-heading" tabindex="-1">{format!("Remittance for claim {}", remit.claim_number)}</h2>
            <p>{format!("{} · patient {} · account {} · processed {}", remit.payer, remit.patient, remit.account, remit.received)}</p>
            <div class="table-wrap">
                <table class="remit-table">
                    <caption>"Explanation of benefits"</caption>
                    <thead><tr>
                        <th scope="col">"Line"</th><th scope="col">"Date"</th><th scope="col">"Service"</th>
                        <th scope="col">"Billed"</th><th scope="col">"Allowed"</th><th scope="col">"Deductible"</th>
                        <th scope="col">"Coinsurance"</th><th scope="col">"Copay"</th><th scope="col">"Paid"</th>
                        <th scope="col">"Adjustments"</th><th scope="col">"Remarks"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="3">"Totals"</th>
                        <td class="num">{remit.billed().to_string()}</td><td></td><td></td><td></td><td></td>
                        <td class="num">{remit.paid().to_string()}</td>
                        <td colspan="2">{format!("Patient responsibility {}", remit.patient())}</td>
                    </tr></tfoot>
                </table>
            </div>
            <ul class="remit-notes">{notes}</ul>
            <h3>"Codes on this remittance"</h3>
            <ul class="remit-legend">{legend}{remarks}</ul>
            <details class="era">
                <summary>"The same remittance as ERA (835) segments, for learning"</summary>
                <pre class="x12-text">{era}</pre>
            </details>
        </section>
    }
}
