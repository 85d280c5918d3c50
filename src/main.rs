//! Entry point of the web app: in debug builds a panic hook, then the Leptos app
//! mounted over the static loading shell in index.html.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Readable panic messages in the console while developing (`./dev serve`). Release
    // builds leave the hook out: it costs the first page several KB of gzip, and a
    // release panic aborts either way.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    billable::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "`billable` is the web app and runs in a browser: serve it with `./dev serve`.\n\
         The native tool is `cargo run --bin billable-tool -- stats`."
    );
    std::process::exit(2);
}
