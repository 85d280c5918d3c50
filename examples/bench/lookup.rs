//! The lookup's figures: ready time, long tasks, keystroke latency, hit rate.

use serde_json::json;

use crate::queries::{latency_queries, percentile, quality_queries, sorted_numbers, top_five_hits};
use crate::webdriver::Browser;

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
        const times = [], searches = [];
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
                const timing = list.firstChild && list.firstChild.nodeType === Node.COMMENT_NODE
                    ? list.firstChild.data.match(/took-us:(\\d+)/) : null;
                searches.push(timing ? Number(timing[1]) / 1000 : NaN);
            }
        }
        done([times, searches]);
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

pub fn lookup(base: &str) {
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
        let measured = browser.run_async(TYPE_QUERIES, json!([queries]));
        let (times, searches) = (sorted_numbers(&measured[0]), sorted_numbers(&measured[1]));
        let budget = if rate == 1 { 2 } else { 5 };
        println!(
            "  per-keystroke search in the worker, {label}: p50 {:.2} ms, p95 {:.2} ms over {} keystrokes of {} queries (budget p95 {budget} ms)",
            percentile(&searches, 0.5),
            percentile(&searches, 0.95),
            searches.len(),
            queries.len(),
        );
        println!(
            "  per-keystroke end to end (input event to answer on the page), {label}: p50 {:.1} ms, p95 {:.1} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
        );
    }
    browser.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }));

    let cases = quality_queries();
    let asked: Vec<&str> = cases.iter().map(|(q, _)| q.as_str()).collect();
    let tops = browser.run_async(TOP_FIVE, json!([asked]));
    let hits = top_five_hits(&cases, &tops);
    println!(
        "  top-5 hit rate on {} realistic queries: {:.1}% (target 90%)",
        cases.len(),
        100.0 * hits as f64 / cases.len() as f64
    );
}
