//! The first page's size and speed.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::webdriver::Browser;

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

pub fn first_page(dist: &std::path::Path, base: &str) {
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
