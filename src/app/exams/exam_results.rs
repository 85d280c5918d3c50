//! The last exam's results (score, pass or fail, breakdown, study-next links and a
//! review of every question) and the history of scores as a chart.

use leptos::prelude::*;

use super::Book;
use crate::domain::dates::format_date;
use crate::domain::exams::question::Question;
use crate::domain::exams::score::{StudyGuide, score, weak_sections};

/// Below this percent a section is suggested for study.
const WEAK: u32 = 70;

/// The last finished exam.
#[component]
pub fn ExamResults(
    /// The question bank.
    bank: &'static [Question],
    /// Lessons by CMRS section.
    guide: &'static StudyGuide,
    /// The exam records.
    book: Book,
) -> impl IntoView {
    move || {
        let s = book.book.with(|b| b.last.clone())?;
        let result = score(&s.exam, bank, &s.answers, s.pass_percent);
        let verdict = if result.passed {
            "Pass"
        } else {
            "Not yet a pass"
        };
        let rows = result
            .breakdown
            .iter()
            .map(|slot| view! {
                <tr><th scope="row">{slot.pool.clone()}</th><td class="num">{format!("{} of {}", slot.correct, slot.total)}</td><td class="num">{format!("{}%", slot.percent())}</td></tr>
            })
            .collect_view();
        let study = weak_sections(&s.exam, bank, &s.answers, WEAK)
            .into_iter()
            .map(|(section, c, t)| {
                let lessons = guide
                    .get(section.name())
                    .map(|links| {
                        links
                            .iter()
                            .take(4)
                            .map(|l| view! { <li><a href=l.href.clone()>{l.title.clone()}</a></li> })
                            .collect_view()
                    });
                view! {
                    <li class="study-section"><strong>{format!("{} ({c} of {t})", section.name())}</strong>
                        <ul>{lessons}</ul></li>
                }
            })
            .collect_view();
        let review = s
            .exam
            .questions
            .iter()
            .enumerate()
            .filter_map(|(i, eq)| {
                let q = bank.iter().find(|q| q.id == eq.id)?;
                let chosen = s.answers.get(i).cloned().unwrap_or_default();
                let right = q.is_correct(&chosen);
                let yours: Vec<String> = chosen.iter().filter_map(|o| q.options.get(*o)).map(|t| t.replace('`', "")).collect();
                let answer: Vec<String> = q.answer.iter().filter_map(|o| q.options.get(*o)).map(|t| t.replace('`', "")).collect();
                Some(view! {
                    <li class=if right { "review-right" } else { "review-wrong" }>
                        <details>
                            <summary>{format!("{}. {} {}", i + 1, if right { "Right:" } else { "Wrong:" }, q.stem.replace('`', ""))}</summary>
                            {(!q.case.is_empty()).then(|| view! { <p class="note-text">{q.case.replace('`', "")}</p> })}
                            <p>{format!("Your answer: {}", if yours.is_empty() { "none".to_string() } else { yours.join("; ") })}</p>
                            <p>{format!("Answer: {}", answer.join("; "))}</p>
                            <p>{q.rationale.replace('`', "")}</p>
                        </details>
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <section class="exam-results" aria-labelledby="results-heading">
                <h2 id="results-heading" tabindex="-1">{format!("{} exam (seed {}): {}%", s.exam.spec.mode.label(), s.exam.spec.seed, result.percent())}</h2>
                <p class="lead" id="exam-verdict">{format!("{verdict}: {} of {} right; {}% is needed to pass.", result.correct, result.total, result.pass_percent)}</p>
                <table class="statement breakdown">
                    <caption>"By section"</caption>
                    <thead><tr><th scope="col">"Part"</th><th scope="col">"Right"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <h3>"Study next"</h3>
                <ul class="study-next">{study}</ul>
                <h3>"Review every question"</h3>
                <ol class="exam-review">{review}</ol>
            </section>
        })
    }
}

/// Every finished exam, with a chart of scores over time.
#[component]
pub fn ExamHistory(
    /// The exam records.
    book: Book,
) -> impl IntoView {
    move || {
        let history = book.book.with(|b| b.history.clone());
        if history.is_empty() {
            return None;
        }
        let (w, h, pad) = (320.0_f64, 120.0_f64, 10.0_f64);
        let step = if history.len() > 1 {
            (w - 2.0 * pad) / (history.len() - 1) as f64
        } else {
            0.0
        };
        let point = |i: usize, pct: u32| {
            (
                pad + step * i as f64,
                h - pad - (h - 2.0 * pad) * f64::from(pct) / 100.0,
            )
        };
        let points: Vec<String> = history
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (x, y) = point(i, r.result.percent());
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let dots = history
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (x, y) = point(i, r.result.percent());
                view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" class=if r.result.passed { "dot-pass" } else { "dot-fail" }/> }
            })
            .collect_view();
        let rows = history
            .iter()
            .rev()
            .map(|r| view! {
                <tr><td>{format_date(r.at)}</td><td>{r.mode.label()}</td><td class="num">{r.seed}</td>
                    <td class="num">{format!("{}%", r.result.percent())}</td><td>{if r.result.passed { "Pass" } else { "Not yet" }}</td></tr>
            })
            .collect_view();
        Some(view! {
            <section class="exam-history" aria-labelledby="history-heading">
                <h2 id="history-heading">"Your exams"</h2>
                <svg class="score-chart" viewBox=format!("0 0 {w} {h}") role="img" aria-label="Scores over time, oldest on the left">
                    <line x1=pad y1=h - pad x2=w - pad y2=h - pad class="axis"/>
                    <polyline points=points.join(" ") class="score-line" fill="none"/>
                    {dots}
                </svg>
                <table class="statement">
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Mode"</th><th scope="col">"Seed"</th><th scope="col">"Score"</th><th scope="col">"Result"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        })
    }
}
