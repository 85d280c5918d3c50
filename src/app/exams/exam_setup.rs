//! Setting up an exam: the mode, the seed (shared by an instructor, or drawn at
//! random), and for a custom exam its sections, length, timing and feedback.

use leptos::prelude::*;

use super::Book;
use crate::app::now_ms;
use crate::domain::exam_progress::ExamSession;
use crate::domain::exam_sections::CmrsSection;
use crate::domain::exams::blueprint::{ExamSpec, Feedback, Mode, blueprint};
use crate::domain::exams::question::Question;
use crate::domain::exams::sample::generate;
use crate::domain::exams::timer::Clock;

/// A query parameter of the page's URL.
fn query(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The setup form.
#[component]
pub fn ExamSetup(
    /// The question bank.
    bank: &'static [Question],
    /// The exam records.
    book: Book,
) -> impl IntoView {
    let mode = RwSignal::new(query("mode").unwrap_or_else(|| "cmrs".into()));
    let random_seed = (js_sys::Math::random() * 1_000_000.0) as u64 + 1;
    let seed = RwSignal::new(query("seed").unwrap_or_else(|| random_seed.to_string()));
    let sections = RwSignal::new(Vec::<CmrsSection>::new());
    let count = RwSignal::new(query("count").unwrap_or_else(|| "20".to_string()));
    let timed = RwSignal::new(query("minutes").is_some());
    let minutes = RwSignal::new(query("minutes").unwrap_or_else(|| "30".to_string()));
    let immediate = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let modes = [
        ("cmrs", "CMRS-style: 10 questions from each of the 16 sections, untimed, 85% to pass"),
        ("cpc", "CPC-style: 100 questions over 12 content areas, 4 hours, 70% to pass"),
        ("cbcs", "CBCS-style: 100 questions by domain weight (15/20/32/33), 3 hours, 70% as a likely pass"),
        ("custom", "Custom: your sections, length, timing and feedback"),
    ]
    .into_iter()
    .map(|(value, label)| {
        let id = format!("mode-{value}");
        view! {
            <div class="choice">
                <input type="radio" name="exam-mode" id=id.clone() value=value
                    prop:checked=move || mode.get() == value
                    on:change=move |_| mode.set(value.to_string())/>
                <label for=id>{label}</label>
            </div>
        }
    })
    .collect_view();
    let section_boxes = move || {
        CmrsSection::ALL
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let id = format!("section-{i}");
                view! {
                    <div class="choice">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || sections.with(|v| v.contains(&s))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                sections.update(|v| { v.retain(|x| *x != s); if on { v.push(s) } });
                            }/>
                        <label for=id>{s.name()}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mode) = Mode::from_slug(&mode.get_untracked()) else {
            return;
        };
        let Ok(seed) = seed.get_untracked().trim().parse::<u64>() else {
            error.set(Some("The seed is a whole number, such as 42.".into()));
            return;
        };
        let mut spec = ExamSpec::standard(mode, seed);
        if mode == Mode::Custom {
            spec.sections = sections.get_untracked();
            spec.count = count.get_untracked().trim().parse().unwrap_or(0);
            spec.minutes = if timed.get_untracked() {
                match minutes.get_untracked().trim().parse::<u32>() {
                    Ok(m) if (1..=600).contains(&m) => Some(m),
                    _ => {
                        error.set(Some(
                            "The time limit is a number of minutes from 1 to 600.".into(),
                        ));
                        return;
                    }
                }
            } else {
                None
            };
            spec.feedback = if immediate.get_untracked() {
                Feedback::Immediate
            } else {
                Feedback::AtEnd
            };
        }
        let built = blueprint(&spec).and_then(|bp| Ok((generate(bank, &spec, &bp)?, bp)));
        match built {
            Err(e) => error.set(Some(format!("This exam cannot be built: {e}."))),
            Ok((exam, bp)) => {
                let n = exam.questions.len();
                let session = ExamSession {
                    exam,
                    answers: vec![Vec::new(); n],
                    flags: vec![false; n],
                    position: 0,
                    clock: Clock::start(now_ms(), bp.minutes),
                    pass_percent: bp.pass_percent,
                    feedback: bp.feedback,
                };
                error.set(None);
                book.change(|b| b.current = Some(session.clone()));
            }
        }
    };
    view! {
        <section class="exam-setup" aria-labelledby="setup-heading">
            <h2 id="setup-heading">"Start an exam"</h2>
            <p class="hint">"These are practice exams in the style of each certification, not the real exams. The same mode and seed always give the same questions, so a class can share one seed."</p>
            <form on:submit=start>
                <fieldset><legend>"Mode"</legend>{modes}</fieldset>
                <div class="box">
                    <label for="exam-seed">"Seed"</label>
                    <input id="exam-seed" inputmode="numeric" autocomplete="off" prop:value=move || seed.get()
                        on:change=move |ev| seed.set(event_target_value(&ev))/>
                </div>
                {move || (mode.get() == "custom").then(|| view! {
                    <fieldset class="custom-options"><legend>"Custom exam"</legend>
                        <fieldset><legend>"Sections (none ticked: all)"</legend>{section_boxes()}</fieldset>
                        <div class="box">
                            <label for="exam-count">"Questions"</label>
                            <input id="exam-count" type="number" min="1" max="200" prop:value=move || count.get()
                                on:change=move |ev| count.set(event_target_value(&ev))/>
                        </div>
                        <div class="choice">
                            <input type="checkbox" id="exam-timed" prop:checked=move || timed.get()
                                on:change=move |ev| timed.set(event_target_checked(&ev))/>
                            <label for="exam-timed">"Timed"</label>
                        </div>
                        <div class="box">
                            <label for="exam-minutes">"Minutes"</label>
                            <input id="exam-minutes" type="number" min="1" max="600" prop:value=move || minutes.get()
                                on:change=move |ev| minutes.set(event_target_value(&ev))/>
                        </div>
                        <div class="choice">
                            <input type="checkbox" id="exam-immediate" prop:checked=move || immediate.get()
                                on:change=move |ev| immediate.set(event_target_checked(&ev))/>
                            <label for="exam-immediate">"Explain each answer as I go (otherwise at the end)"</label>
                        </div>
                    </fieldset>
                })}
                <p role="alert">{move || error.get()}</p>
                <button type="submit" id="start-exam" class="primary">"Start the exam"</button>
            </form>
        </section>
    }
}
