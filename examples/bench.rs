//! Benchmark: prints the gzip size of everything the first page loads, the first
//! contentful paint and dashboard-interactive times (median of 10 cold loads), and
//! the lookup's figures: time from its data arriving to searchable, the longest
//! main-thread task meanwhile, per-keystroke latency over 200+ queries (unthrottled
//! and with 4x CPU throttling), and the top-5 hit rate on realistic queries. All in
//! headless Chromium on 127.0.0.1. Run it with `./dev bench`, which builds the release
//! app first. It reports figures; it asserts nothing.

// The benchmark shares the browser suite's server and WebDriver client and uses only
// part of them.
#[path = "../tests/browser/server.rs"]
#[allow(dead_code)]
mod server;
#[path = "../tests/browser/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

use std::io::Write;
use std::process::{Command, Stdio};

use billable::domain::codes::code_text::completes;
use serde_json::json;
use webdriver::Browser;

const LOADS: usize = 10;

fn gzip_size(bytes: &[u8]) -> usize {
    let mut child = match Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("cannot run gzip: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(bytes);
    }
    match child.wait_with_output() {
        Ok(out) => out.stdout.len(),
        Err(e) => panic!("gzip failed: {e}"),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn main() {
    let dist = server::dist_dir();
    let base = server::serve(dist.clone());
    first_page(&dist, &base);
    lookup(&base);
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/bench/node_modules/minisearch/dist/umd");
    if library.join("index.js").is_file() {
        minisearch(&base, &server::serve(library));
    } else {
        println!("\nMiniSearch comparison skipped: run `npm ci --prefix tools/bench` (./dev bench does).");
    }
}

/// Loads MiniSearch into the lookup page, indexes the same ICD-10-CM documents (code,
/// title, inclusion terms and Includes notes) for fuzzy prefix search with every word
/// required, and times it on the same keystrokes and quality queries.
const MINISEARCH: &str = "
    const [library, keystrokeQueries, qualityQueries] = arguments;
    const done = arguments[arguments.length - 1];
    const script = document.createElement('script');
    script.src = library + '/index.js';
    script.onload = async () => {
        const text = await (await fetch('/codes/icd10cm.txt')).text();
        const started = performance.now();
        const docs = [];
        for (const line of text.split('\\n')) {
            const [kind, a, b] = line.split('\\t');
            if (kind === 'D') docs.push({ id: docs.length, code: a, title: b, terms: '' });
            else if ((kind === 't' || kind === 'i') && docs.length) docs[docs.length - 1].terms += ' ' + a;
        }
        const search = new MiniSearch({
            fields: ['code', 'title', 'terms'],
            storeFields: ['code'],
            searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
        });
        search.addAll(docs);
        const indexed = performance.now() - started;
        const times = [];
        for (const query of keystrokeQueries) {
            for (let i = 1; i <= query.length; i++) {
                const prefix = query.slice(0, i);
                if (!prefix.trim()) continue;
                const start = performance.now();
                search.search(prefix).slice(0, 50);
                times.push(performance.now() - start);
            }
        }
        const tops = qualityQueries.map(q => search.search(q).slice(0, 5).map(r => r.code));
        done([indexed, times, tops]);
    };
    document.head.append(script);";

fn minisearch(base: &str, library: &str) {
    let browser = Browser::start(1280, 900);
    browser.goto(&format!("{base}/lookup"));
    let cases = quality_queries();
    let asked: Vec<&str> = cases.iter().map(|(q, _)| q.as_str()).collect();
    let answer = browser.run_async(MINISEARCH, json!([library, latency_queries(), asked]));
    let indexed = answer[0].as_f64().unwrap_or(0.0);
    let mut times: Vec<f64> = answer[1].as_array().into_iter().flatten().filter_map(|v| v.as_f64()).collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let hits = cases
        .iter()
        .zip(answer[2].as_array().into_iter().flatten())
        .filter(|((_, expected), top)| {
            top.as_array().into_iter().flatten().filter_map(|c| c.as_str()).any(|f| completes(f, expected))
        })
        .count();
    println!();
    println!("MiniSearch 7.2.0 on the same data (fuzzy 0.2, prefix, every word required), main thread:");
    println!("  indexing: {indexed:.0} ms");
    println!(
        "  search call alone per keystroke: p50 {:.1} ms, p95 {:.1} ms over {} keystrokes",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.len()
    );
    println!("  (Billable's figures above are end to end: input event, worker, answer on the page.)");
    println!(
        "  top-5 hit rate on {} realistic queries: {:.1}%",
        cases.len(),
        100.0 * hits as f64 / cases.len() as f64
    );
}

/// Percentile of already-sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

/// The quality queries (query, expected code) from the native test's data file.
fn quality_queries() -> Vec<(String, String)> {
    include_str!("../tests/data/icd10cm_queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(q, c)| (q.to_string(), c.to_string()))
        .collect()
}

/// A fixed list of 200+ queries: the realistic ones, each again with a typo (two
/// letters of its longest word swapped), and codes taken at a fixed stride from the
/// data, typed to varying lengths.
fn latency_queries() -> Vec<String> {
    let mut queries: Vec<String> = quality_queries().into_iter().map(|(q, _)| q).collect();
    let typos: Vec<String> = queries
        .iter()
        .map(|q| {
            let longest = q.split(' ').max_by_key(|w| w.len()).unwrap_or("");
            let swapped = if longest.len() >= 5 {
                let b = longest.as_bytes();
                let mut w = b.to_vec();
                w.swap(1, 2);
                String::from_utf8(w).unwrap_or_else(|_| longest.to_string())
            } else {
                longest.to_string()
            };
            q.replacen(longest, &swapped, 1)
        })
        .collect();
    queries.extend(typos);
    let codes = include_str!("../content/codes/icd10cm.txt")
        .lines()
        .filter_map(|l| l.strip_prefix("D\t"))
        .filter_map(|l| l.split('\t').next())
        .step_by(450)
        .take(110)
        .enumerate()
        .map(|(i, code)| code.chars().take(3 + i % 5).collect::<String>());
    queries.extend(codes);
    queries
}

/// Types every query a keystroke at a time in the lookup, timing each keystroke from
/// the input event to the worker's answer being on the page.
const TYPE_QUERIES: &str = "
    const queries = arguments[0], done = arguments[arguments.length - 1];
    const input = document.getElementById('lookup-query');
    const list = document.getElementById('lookup-results');
    const answered = () => new Promise(resolve => {
        const seen = list.dataset.answers;
        const observer = new MutationObserver(() => {
            if (list.dataset.answers !== seen) { observer.disconnect(); resolve(); }
        });
        observer.observe(list, { attributes: true });
    });
    (async () => {
        const times = [];
        for (const query of queries) {
            for (let i = 1; i <= query.length; i++) {
                const prefix = query.slice(0, i);
                if (!prefix.trim()) continue;
                const wait = answered();
                const start = performance.now();
                input.value = prefix;
                input.dispatchEvent(new Event('input', { bubbles: true }));
                await wait;
                times.push(performance.now() - start);
            }
        }
        done(times);
    })();";

/// Runs each query whole and returns the top five codes of each.
const TOP_FIVE: &str = "
    const queries = arguments[0], done = arguments[arguments.length - 1];
    const input = document.getElementById('lookup-query');
    const list = document.getElementById('lookup-results');
    (async () => {
        const tops = [];
        for (const query of queries) {
            const seen = list.dataset.answers;
            const wait = new Promise(resolve => {
                const observer = new MutationObserver(() => {
                    if (list.dataset.answers !== seen) { observer.disconnect(); resolve(); }
                });
                observer.observe(list, { attributes: true });
            });
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await wait;
            tops.push([...list.querySelectorAll('[data-code]')].slice(0, 5).map(e => e.dataset.code));
        }
        done(tops);
    })();";

/// Waits for the lookup to be ready and returns its status text and every long
/// main-thread task (over 50 ms) seen since the page started.
const READY: &str = "
    const done = arguments[arguments.length - 1];
    const long = [];
    new PerformanceObserver(list => long.push(...list.getEntries().map(e => e.duration)))
        .observe({ type: 'longtask', buffered: true });
    const check = () => {
        const ready = document.querySelector('[data-testid=lookup-ready]');
        if (ready) setTimeout(() => done([ready.textContent, long]), 200);
        else setTimeout(check, 20);
    };
    check();";

fn lookup(base: &str) {
    let browser = Browser::start(1280, 900);
    browser.goto(&format!("{base}/lookup"));
    let ready = browser.run_async(READY, json!([]));
    let status = ready[0].as_str().unwrap_or_default().to_string();
    let long: Vec<f64> = ready[1]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_f64())
        .collect();
    let longest = long.iter().copied().fold(0.0, f64::max);
    println!();
    println!("Lookup (ICD-10-CM, CPT and modifiers; search in a web worker):");
    println!("  data to searchable: {status}");
    if long.is_empty() {
        println!(
            "  longest main-thread task while loading: none over 50 ms (budget: none over 50 ms)"
        );
    } else {
        println!(
            "  longest main-thread task while loading: {longest:.0} ms ({} over 50 ms)",
            long.len()
        );
    }

    let queries = latency_queries();
    for (label, rate) in [("unthrottled", 1), ("4x CPU throttling", 4)] {
        browser.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }));
        let times = browser.run_async(TYPE_QUERIES, json!([queries]));
        let mut times: Vec<f64> = times
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_f64())
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        println!(
            "  per-keystroke latency, {label}: p50 {:.1} ms, p95 {:.1} ms over {} keystrokes of {} queries (budget p95 {} ms)",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times.len(),
            queries.len(),
            if rate == 1 { 2 } else { 5 }
        );
    }
    browser.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }));

    let cases = quality_queries();
    let asked: Vec<&str> = cases.iter().map(|(q, _)| q.as_str()).collect();
    let tops = browser.run_async(TOP_FIVE, json!([asked]));
    let hits = cases
        .iter()
        .zip(tops.as_array().into_iter().flatten())
        .filter(|((_, expected), top)| {
            top.as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c.as_str())
                .any(|found| completes(found, expected))
        })
        .count();
    println!(
        "  top-5 hit rate on {} realistic queries: {:.1}% (target 90%)",
        cases.len(),
        100.0 * hits as f64 / cases.len() as f64
    );
}

fn first_page(dist: &std::path::Path, base: &str) {
    let mut fcp = Vec::new();
    let mut interactive = Vec::new();
    let mut loaded: Vec<String> = Vec::new();
    for run in 0..LOADS {
        // A fresh profile each time: every load is a first visit with a cold cache.
        let browser = Browser::start(1280, 900);
        browser.goto(&format!("{base}/"));
        let times = browser.wait_until("the dashboard's interactive mark", || {
            let value = browser.run(
                "const mark = performance.getEntriesByName('billable-interactive')[0];
                 const paint = performance.getEntriesByName('first-contentful-paint')[0];
                 return mark && paint ? [paint.startTime, mark.startTime] : null;",
                json!([]),
            );
            let pair = value.as_array()?;
            Some((pair[0].as_f64()?, pair[1].as_f64()?))
        });
        fcp.push(times.0);
        interactive.push(times.1);
        if run == 0 {
            let names = browser.run(
                "return [location.pathname, ...performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)]",
                json!([]),
            );
            loaded = names
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n.as_str().map(String::from))
                .collect();
        }
    }

    println!("Everything the first page (/) loads, gzip -9 (KB = 1024 bytes):");
    let mut total = 0;
    loaded.sort();
    loaded.dedup();
    for path in &loaded {
        let file = if path == "/" {
            dist.join("index.html")
        } else {
            dist.join(path.trim_start_matches('/'))
        };
        let bytes =
            std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let gz = gzip_size(&bytes);
        total += gz;
        println!(
            "  {:>8.1} KB  {:>8.1} KB raw  {path}",
            gz as f64 / 1024.0,
            bytes.len() as f64 / 1024.0
        );
    }
    println!(
        "  {:>8.1} KB  total, {total} bytes (budget 200 KB)",
        total as f64 / 1024.0
    );
    println!();
    println!("Headless Chromium on 127.0.0.1, {LOADS} cold loads of /:");
    let range = |v: &[f64]| {
        let min = v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = v.iter().copied().fold(0.0, f64::max);
        format!("min {min:.0} ms, max {max:.0} ms")
    };
    println!(
        "  first contentful paint   median {:>5.0} ms  ({}; budget 300 ms)",
        median(fcp.clone()),
        range(&fcp)
    );
    println!(
        "  dashboard interactive    median {:>5.0} ms  ({}; budget 1000 ms)",
        median(interactive.clone()),
        range(&interactive)
    );
}
