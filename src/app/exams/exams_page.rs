//! The exams page: setup, the exam in progress, or the last results with the history.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::exam_results::{ExamHistory, ExamResults};
use super::exam_runner::ExamRunner;
use super::exam_setup::ExamSetup;
use super::{BASE, Book};
use crate::app::published::{FetchError, fetch_json};
use crate::app::set_title;
use crate::domain::exams::question::Question;
use crate::domain::exams::score::StudyGuide;

/// The bank and study guide, fetched once per page.
pub type Loaded = (&'static [Question], &'static StudyGuide);

/// `/exams`.
#[component]
pub fn ExamsPage() -> impl IntoView {
    set_title("Mock exams");
    let data = RwSignal::new(None::<Result<Loaded, FetchError>>);
    spawn_local(async move {
        let result = async {
            let bank: Vec<Question> = fetch_json(&format!("{BASE}bank.json")).await?;
            let guide: StudyGuide = fetch_json(&format!("{BASE}study.json")).await?;
            let bank: &'static [Question] = Box::leak(bank.into_boxed_slice());
            Ok((bank, &*Box::leak(Box::new(guide))))
        }
        .await;
        data.try_set(Some(result));
    });
    let book = Book::load();
    view! {
        <h1>"Mock exams"</h1>
        {move || book.error.get().map(|e| view! { <p class="banner banner-error" role="alert">{format!("Not saved: {e}.")}</p> })}
        {move || match data.get() {
            None => view! { <p class="loading" role="status">"Loading the question bank…"</p> }.into_any(),
            Some(Err(e)) => view! { <p role="alert">{format!("The question bank could not be loaded: {e}.")}</p> }.into_any(),
            Some(Ok((bank, guide))) => {
                let running = move || book.book.with(|b| b.current.is_some());
                view! {
                    {move || if running() {
                        view! { <ExamRunner bank=bank book=book/> }.into_any()
                    } else {
                        view! {
                            <ExamResults bank=bank guide=guide book=book/>
                            <ExamSetup bank=bank book=book/>
                            <ExamHistory book=book/>
                        }
                        .into_any()
                    }}
                }
                .into_any()
            }
        }}
    }
}
