//! The face sheet a learner copies from: demographics, insurance cards, the visit,
//! the providers, and the superbill (or, after a chart, the practice's fees).

use leptos::prelude::*;

use crate::domain::claims::exercise::{Codes, PublishedExercise};
use crate::domain::claims::payer::Payer;

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The exercise's face sheet.
#[component]
pub fn FaceSheet(
    /// The exercise.
    published: &'static PublishedExercise,
    /// Its payer.
    payer: &'static Payer,
) -> impl IntoView {
    let e = &published.exercise;
    let p = &e.patient;
    let i = &e.insured;
    let v = &e.provider;
    let n = &e.encounter;
    let holder = if i.is_self() {
        "the patient".to_string()
    } else {
        format!(
            "{} {} {} ({}), born {}, {}; {}, {}, {} {}",
            i.first,
            i.middle,
            i.last,
            i.relationship,
            i.date_of_birth,
            i.sex,
            i.street,
            i.city,
            i.state,
            i.zip
        )
    };
    let secondary = e.secondary.as_ref().map(|s| {
        view! {
            <dt>"Secondary insurance"</dt>
            <dd>{format!("{} · policyholder {} {} {} · policy {} · plan {}", s.payer, s.first, s.middle, s.last, s.policy, s.plan_name)}</dd>
        }
    });
    let referring = e.referring.as_ref().map(|r| {
        view! { <dt>"Referred by"</dt><dd>{format!("{} · NPI {} · role {}", r.name, r.npi, r.role)}</dd> }
    });
    let facility = e.facility.as_ref().map(|f| {
        view! { <dt>"Service facility"</dt><dd>{format!("{} · {}, {}, {} {} · NPI {}", f.name, f.street, f.city, f.state, f.zip, f.npi)}</dd> }
    });
    let accident = if n.auto_accident {
        format!("auto accident in {}", n.auto_state)
    } else if n.employment {
        "work related".into()
    } else if n.other_accident {
        "other accident".into()
    } else {
        "not related to work or an accident".into()
    };
    view! {
        <section class="chart-document face-sheet-doc" aria-labelledby="face-heading">
            <h2 id="face-heading">"Face sheet"</h2>
            <dl class="face-sheet">
                <dt>"Patient"</dt>
                <dd>{format!("{} {} {} · born {} · sex {} · account {}", p.first, p.middle, p.last, p.date_of_birth, p.sex, p.account)}</dd>
                <dt>"Address"</dt>
                <dd>{format!("{}, {}, {} {} · {}", p.street, p.city, p.state, p.zip, p.phone)}</dd>
                <dt>"Primary insurance"</dt>
                <dd>{format!("{} ({}) · member id {} · group {} · plan {}", payer.name, payer.plan, i.member_id, i.group, i.plan_name)}</dd>
                <dt>"Claims address"</dt>
                <dd>{format!("{}, {}, {} {}", payer.street, payer.city, payer.state, payer.zip)}</dd>
                <dt>"Policyholder"</dt><dd>{holder}</dd>
                {secondary}
                <dt>"Visit"</dt>
                <dd>{format!(
                    "{} · place of service {} · {}{}",
                    n.date_of_service,
                    n.place_of_service,
                    accident,
                    if n.onset.is_empty() { String::new() } else { format!(" · onset {}", n.onset) }
                )}</dd>
                <dt>"Authorization on file"</dt>
                <dd>{if n.prior_auth.is_empty() { "none".to_string() } else { n.prior_auth.clone() }}</dd>
                <dt>"Signatures"</dt>
                <dd>{format!("release and assignment signed: {}", yes_no(n.signature_on_file))}</dd>
                <dt>"Paid at the desk"</dt>
                <dd>{if n.copay_collected.is_empty() { "nothing".to_string() } else { n.copay_collected.clone() }}</dd>
                {referring}
                <dt>"Rendering provider"</dt><dd>{format!("{} · NPI {}", v.rendering, v.rendering_npi)}</dd>
                <dt>"Billing provider"</dt>
                <dd>{format!("{} · {}, {}, {} {} · {} · NPI {} · EIN {}", v.billing_name, v.billing_street, v.billing_city, v.billing_state, v.billing_zip, v.billing_phone, v.billing_npi, v.ein)}</dd>
                {facility}
                <dt>"Claim prepared"</dt><dd>{e.prepared.clone()}</dd>
            </dl>
            <Superbill published=published/>
        </section>
    }
}

/// The superbill, or for a chart exercise the practice's fee for each service.
#[component]
fn Superbill(published: &'static PublishedExercise) -> impl IntoView {
    let Codes { diagnoses, lines } = &published.codes;
    match &published.exercise.chart {
        Some(chart) => {
            let fees = lines
                .iter()
                .map(|l| {
                    let each = crate::domain::claims::money::Cents::parse(&l.charge).map_or(
                        l.charge.clone(),
                        |c| {
                            crate::domain::claims::money::Cents(c.0 / i64::from(l.units.max(1)))
                                .to_string()
                        },
                    );
                    view! { <li>{format!("{}: {each} per unit", l.code)}</li> }
                })
                .collect_view();
            view! {
                <h3>"Codes"</h3>
                <p>"Your codes carry over from "<a href=format!("/charts/{chart}")>"the chart"</a>" (your latest attempt). The practice's fees:"</p>
                <ul class="fees">{fees}</ul>
            }
            .into_any()
        }
        None => {
            let dx = diagnoses
                .iter()
                .enumerate()
                .map(|(n, d)| view! { <li>{format!("{}. {d}", char::from(b'A' + n as u8))}</li> })
                .collect_view();
            let rows = lines
                .iter()
                .map(|l| {
                    view! {
                        <tr>
                            <td>{l.code.clone()}</td>
                            <td>{l.modifiers.join(" ")}</td>
                            <td>{l.units}</td>
                            <td>{l.pointers.join("")}</td>
                            <td>{l.charge.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3>"Superbill"</h3>
                <ol class="superbill-dx">{dx}</ol>
                <table class="superbill">
                    <thead><tr><th scope="col">"Code"</th><th scope="col">"Modifiers"</th><th scope="col">"Units"</th><th scope="col">"Diagnoses"</th><th scope="col">"Charge"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
    }
}
