//! The Leptos UI: routes, pages and components. It stays thin: lesson parsing,
//! grading and the progress model live in `domain` and `content`.

mod content_error_page;
mod dashboard_page;
mod download;
mod knowledge_check;
mod learn_page;
mod lesson_page;
mod lesson_status;
mod my_data_page;
mod not_found_page;
mod progress_store;
mod site_header;
mod storage;
mod storage_banners;
mod track_progress;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast as _;

use crate::content::{Catalog, catalog};
use content_error_page::ContentErrorPage;
use dashboard_page::DashboardPage;
use learn_page::LearnPage;
use lesson_page::LessonPage;
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

/// The whole app: the shipped catalogue, the progress store and the routes.
#[component]
pub fn App() -> impl IntoView {
    let catalog: &'static Catalog = match catalog() {
        Ok(catalog) => catalog,
        Err(errors) => return view! { <ContentErrorPage errors=errors/> }.into_any(),
    };
    provide_context(catalog);
    provide_context(ProgressStore::load());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <SiteHeader/>
            <StorageBanners/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=DashboardPage/>
                    <Route path=path!("/learn") view=LearnPage/>
                    <Route path=path!("/learn/:track/:lesson") view=LessonPage/>
                    <Route path=path!("/my-data") view=MyDataPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Billable is free, open-source training. Patients and providers in it are fictional. "
                    "CPT® is a registered trademark of the American Medical Association."
                </p>
            </footer>
        </Router>
    }
    .into_any()
}

/// The current time in ms since the Unix epoch; domain code takes it as an argument.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The shipped catalogue, provided by `App`.
fn use_catalog() -> &'static Catalog {
    expect_context::<&'static Catalog>()
}

/// The progress store, provided by `App`.
fn use_progress() -> ProgressStore {
    expect_context::<ProgressStore>()
}

/// Sets the document title for the current page.
fn set_title(page: &str) {
    document().set_title(&format!("{page} · Billable"));
}
