//! Entry point of the lesson-search worker (see `billable::lesson_worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    billable::lesson_worker::start();
}

/// The worker exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
