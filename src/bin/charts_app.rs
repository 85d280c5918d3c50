//! Entry point of the charts workspace's wasm (see `billable::app::charts_ui`). The
//! main app loads it when /charts is opened and calls `render_charts` on navigation.

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    /// Shows the charts page for `path` in `#charts-app`.
    #[wasm_bindgen]
    pub fn render_charts(path: String) {
        billable::app::charts_ui::render(&path);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// The workspace exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
