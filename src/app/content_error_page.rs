//! Shown instead of the app when shipped content fails to parse (tests prevent it).

use leptos::prelude::*;

use crate::content::lesson_error::LessonError;

/// Lists the content errors so a maintainer can fix them.
#[component]
pub fn ContentErrorPage(
    /// The errors found while parsing the lesson files.
    errors: &'static [LessonError],
) -> impl IntoView {
    view! {
        <main id="main" class="content-error">
            <h1>"Billable's lessons could not be loaded"</h1>
            <p>"This build contains lesson files with errors. Your saved progress is untouched."</p>
            <ul>{errors.iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
        </main>
    }
}
