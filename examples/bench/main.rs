//! Benchmark: prints the gzip size of everything the first page loads, the first
//! contentful paint and dashboard-interactive times (median of 10 cold loads), and
//! the lookup's figures: time from its data arriving to searchable, the longest
//! main-thread task meanwhile, per-keystroke latency over 200+ queries (unthrottled
//! and with 4x CPU throttling), and the top-5 hit rate on realistic queries. All in
//! headless Chromium on 127.0.0.1. Run it with `./dev bench`, which builds the release
//! app first. It reports figures; it asserts nothing.

// The benchmark shares the browser suite's server and WebDriver client and uses only
// part of them.
#[path = "../../tests/browser/server.rs"]
#[allow(dead_code)]
mod server;
#[path = "../../tests/browser/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

mod first_page;
mod lookup;
mod minisearch;
mod queries;

fn main() {
    let dist = server::dist_dir();
    let base = server::serve(dist.clone());
    first_page::first_page(&dist, &base);
    lookup::lookup(&base);
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tools/bench/node_modules/minisearch/dist/umd");
    if library.join("index.js").is_file() {
        minisearch::minisearch(&base, &server::serve(library));
    } else {
        println!(
            "\nMiniSearch comparison skipped: run `npm ci --prefix tools/bench` (./dev bench does)."
        );
    }
}
