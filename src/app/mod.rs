//! The Leptos UI: routes, pages and components. It stays thin: lesson parsing,
//! grading and the progress model live in `domain` and `content`.

mod active_clock;
mod assignments;
mod charts_host;
pub mod charts_ui;
mod claims;
mod dashboard_page;
mod download;
mod exams;
mod flashcards;
mod glossary_page;
mod knowledge_check;
mod learn_page;
mod lesson_page;
mod lesson_status;
mod lesson_text;
mod lookup_client;
mod lookup_page;
mod lookup_status;
mod my_data_page;
mod not_found_page;
mod own_cpt;
mod progress_store;
mod published;
mod site_header;
mod storage;
mod storage_banners;
mod track_progress;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider as _};
use wasm_bindgen::JsCast as _;

use crate::domain::lesson_index::LessonIndex;
use crate::routes::{Page, page_for};
use charts_host::charts_host;
use dashboard_page::DashboardPage;
use glossary_page::GlossaryPage;
use learn_page::LearnPage;
use lesson_page::LessonPage;
use lookup_page::LookupPage;
use my_data_page::MyDataPage;
use not_found_page::NotFoundPage;
use progress_store::ProgressStore;
use site_header::SiteHeader;
use storage_banners::StorageBanners;

/// Replaces the static loading shell in `#app` with the app.
pub fn mount() {
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// The whole app: the progress store, the lesson index and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ProgressStore::load());
    // A plain signal filled by one task: lighter in the wasm than a resource.
    let index = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        index.try_set(Some(published::load_index().await));
    });
    let routes = move || match index.get() {
        None => view! { <p class="loading" role="status">"Loading lessons…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <h1>"Billable could not start"</h1>
            <p role="alert">{format!("The lesson list could not be loaded: {e}.")}</p>
            <p>"Your saved progress is untouched."</p>
        }
        .into_any(),
        Some(Ok(index)) => {
            provide_context(index);
            view! { <Pages/> }.into_any()
        }
    };
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <StorageBanners/>
            <main id="main" tabindex="-1">{routes}</main>
            <footer class="site-footer">
                <p>
                    "Billable is free, open-source training. Patients and providers in it are fictional. "
                    "CPT® is a registered trademark of the American Medical Association."
                </p>
            </footer>
        </Router>
    }
}

/// The page for the current URL; rebuilt only when the page itself changes.
///
/// The router's route components cost about 17 KB gzip of wasm even for one route,
/// so pages are matched here and this component does their one other job: telling the
/// router each navigation has been rendered, which is when it updates the address bar.
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let page = Memo::new(move |_| page_for(&location.pathname.get()));
    let url = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        location.hash.track();
        if let Some(url) = &url {
            url.ready_to_complete();
        }
    });
    move || match page.get() {
        Page::Dashboard => view! { <DashboardPage/> }.into_any(),
        Page::Learn => view! { <LearnPage/> }.into_any(),
        Page::Lesson { track, lesson } => {
            view! { <LessonPage track=track lesson=lesson/> }.into_any()
        }
        Page::Glossary => view! { <GlossaryPage/> }.into_any(),
        Page::Workspace { section, id } => charts_host(section, id).into_any(),
        Page::Lookup => view! { <LookupPage/> }.into_any(),
        Page::MyData => view! { <MyDataPage/> }.into_any(),
        Page::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// The current time in ms since the Unix epoch; domain code takes it as an argument.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The lesson index, provided by `App` once it has loaded.
fn use_index() -> &'static LessonIndex {
    expect_context::<&'static LessonIndex>()
}

/// The progress store, provided by `App`.
fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}

/// Sets the document title for the current page.
fn set_title(page: &str) {
    document().set_title(&format!("{page} · Billable"));
}
