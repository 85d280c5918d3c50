//! The header: product name and the navigation to pages that exist.

use leptos::prelude::*;
use leptos_router::components::A;

/// The site header with its main navigation.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Billable"</a>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/" exact=true>"Dashboard"</A></li>
                    <li><A href="/learn">"Learn"</A></li>
                    <li><A href="/my-data">"My data"</A></li>
                </ul>
            </nav>
        </header>
    }
}
