//! The same queries through MiniSearch, an established JavaScript search library.

use serde_json::json;

use crate::queries::{latency_queries, percentile, quality_queries, sorted_numbers, top_five_hits};
use crate::webdriver::Browser;

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

pub fn minisearch(base: &str, library: &str) {
    let browser = Browser::start(1280, 900);
    browser.goto(&format!("{base}/lookup"));
    let cases = quality_queries();
    let asked: Vec<&str> = cases.iter().map(|(q, _)| q.as_str()).collect();
    let answer = browser.run_async(MINISEARCH, json!([library, latency_queries(), asked]));
    let indexed = answer[0].as_f64().unwrap_or(0.0);
    let times = sorted_numbers(&answer[1]);
    let hits = top_five_hits(&cases, &answer[2]);
    println!();
    println!(
        "MiniSearch 7.2.0 on the same data (fuzzy 0.2, prefix, every word required), main thread:"
    );
    println!("  indexing: {indexed:.0} ms");
    println!(
        "  search call alone per keystroke: p50 {:.1} ms, p95 {:.1} ms over {} keystrokes",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.len()
    );
    println!(
        "  (compare with the lookup's search in the worker, above: both are the search alone)"
    );
    println!(
        "  top-5 hit rate on {} realistic queries: {:.1}%",
        cases.len(),
        100.0 * hits as f64 / cases.len() as f64
    );
}
