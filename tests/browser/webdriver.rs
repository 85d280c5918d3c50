//! A minimal W3C WebDriver client for driving Debian's Chromium through chromedriver.
//! Shared by the browser tests and the benchmark (`examples/bench.rs`).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The Chromium flags this project runs with: headless, and quiet on a closed network.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

/// The W3C element reference key.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A Chromium session with its own chromedriver and a fresh profile, torn down on drop.
pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    profile: PathBuf,
    /// Where downloads land.
    pub downloads: PathBuf,
}

/// Finds a free port on 127.0.0.1.
pub fn free_port() -> u16 {
    match TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(addr) => addr.port(),
        Err(e) => panic!("no free port on 127.0.0.1: {e}"),
    }
}

fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn fresh_dir(label: &str) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("billable-{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh user-data-dir. Fails
    /// loudly, never skips, when either is missing.
    pub fn start(width: u32, height: u32) -> Browser {
        Browser::start_with_prefs(width, height, json!({}))
    }

    /// Like `start`, with extra Chromium preferences merged into the defaults.
    pub fn start_with_prefs(width: u32, height: u32, extra_prefs: Value) -> Browser {
        let chromedriver = find_program("chromedriver").unwrap_or_else(|| {
            panic!("chromedriver is not installed: run ./dev test, which installs Debian's chromium and chromium-driver")
        });
        let chromium = find_program("chromium").unwrap_or_else(|| {
            panic!("chromium is not installed: run ./dev test, which installs Debian's chromium and chromium-driver")
        });
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start chromedriver: {e}"));
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while ureq::get(&format!("{base}/status")).call().is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not answer on {base} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = fresh_dir("profile");
        let downloads = fresh_dir("downloads");
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={width},{height}"));
        let mut prefs = json!({
            "download.default_directory": downloads,
            "download.prompt_for_download": false,
        });
        if let (Some(prefs), Some(extra)) = (prefs.as_object_mut(), extra_prefs.as_object()) {
            prefs.extend(extra.clone());
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args, "prefs": prefs},
        }}});
        let mut browser = Browser {
            driver,
            base,
            session: String::new(),
            profile,
            downloads,
        };
        let created = browser.request("POST", "/session", Some(caps));
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver did not create a session: {created}"))
            .to_string();
        browser
    }

    /// Sends one WebDriver command and returns its `value`, panicking with the
    /// driver's message on error.
    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.base, path);
        // An asynchronous script may run as long as its script timeout (set in
        // `run_async`); every other command answers within a minute.
        let wait = if path.ends_with("/execute/async") {
            610
        } else {
            60
        };
        let request = ureq::request(method, &url).timeout(Duration::from_secs(wait));
        let response = match body {
            Some(body) => request.send_json(body),
            None if method == "POST" => request.send_json(json!({})),
            None => request.call(),
        };
        let response = match response {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                let text = r.into_string().unwrap_or_default();
                panic!("WebDriver {method} {path} failed ({code}): {text}");
            }
            Err(e) => panic!("WebDriver {method} {path} failed: {e}"),
        };
        let value: Value = response
            .into_json()
            .unwrap_or_else(|e| panic!("WebDriver sent bad JSON: {e}"));
        value.get("value").cloned().unwrap_or(Value::Null)
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    /// Opens a URL and waits for the page load.
    pub fn goto(&self, url: &str) {
        self.request(
            "POST",
            &self.session_path("/url"),
            Some(json!({"url": url})),
        );
    }

    /// Reloads the page.
    pub fn refresh(&self) {
        self.request("POST", &self.session_path("/refresh"), None);
    }

    /// Runs JavaScript in the page and returns its result.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.request(
            "POST",
            &self.session_path("/execute/sync"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs asynchronous JavaScript (it calls its last argument when done).
    pub fn run_async(&self, script: &str, args: Value) -> Value {
        self.request(
            "POST",
            &self.session_path("/timeouts"),
            Some(json!({"script": 600_000})),
        );
        self.request(
            "POST",
            &self.session_path("/execute/async"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// All elements matching a CSS selector, as WebDriver ids.
    pub fn find_all(&self, css: &str) -> Vec<String> {
        let found = self.request(
            "POST",
            &self.session_path("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        );
        found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to 15 s for an element matching `css`, and returns it.
    pub fn wait_for(&self, css: &str) -> String {
        self.wait_until(&format!("an element matching {css}"), || {
            self.find_all(css).into_iter().next()
        })
    }

    /// Waits up to 15 s for `probe` to return something.
    pub fn wait_until<T>(&self, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(found) = probe() {
                return found;
            }
            if Instant::now() > deadline {
                let body = self.run(
                    "return document.body ? document.body.innerText : ''",
                    json!([]),
                );
                panic!(
                    "timed out waiting for {what}; the page shows:\n{}",
                    body.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the text of the first element matching `css` contains `text`.
    ///
    /// The text is read by a script in one step, not through an element reference: a
    /// reference found a moment earlier may already have been re-rendered (a "stale
    /// element"), which made this wait fail now and then.
    pub fn wait_for_text(&self, css: &str, text: &str) -> String {
        self.wait_until(&format!("{css} to contain {text:?}"), || {
            let shown = self.run(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : null",
                json!([css]),
            );
            let shown = shown.as_str()?.to_string();
            shown.contains(text).then_some(shown)
        })
    }

    /// Clicks an element.
    pub fn click(&self, element: &str) {
        self.request(
            "POST",
            &self.session_path(&format!("/element/{element}/click")),
            None,
        );
    }

    /// Clicks the first element matching `css`, waiting for it first.
    pub fn click_css(&self, css: &str) {
        let element = self.wait_for(css);
        self.click(&element);
    }

    /// Types text into an element (for a file input: a file path).
    pub fn send_keys(&self, element: &str, text: &str) {
        self.request(
            "POST",
            &self.session_path(&format!("/element/{element}/value")),
            Some(json!({"text": text})),
        );
    }

    /// The rendered text of an element.
    pub fn text(&self, element: &str) -> String {
        let value = self.request(
            "GET",
            &self.session_path(&format!("/element/{element}/text")),
            None,
        );
        value.as_str().unwrap_or_default().to_string()
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot_png(&self) -> Vec<u8> {
        let value = self.request("GET", &self.session_path("/screenshot"), None);
        decode_base64(value.as_str().unwrap_or_default())
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.request(
            "POST",
            &self.session_path("/goog/cdp/execute"),
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    /// Opens a new tab and returns its handle.
    pub fn new_tab(&self) -> String {
        let value = self.request(
            "POST",
            &self.session_path("/window/new"),
            Some(json!({"type": "tab"})),
        );
        value["handle"].as_str().unwrap_or_default().to_string()
    }

    /// The current tab's handle.
    pub fn current_tab(&self) -> String {
        let value = self.request("GET", &self.session_path("/window"), None);
        value.as_str().unwrap_or_default().to_string()
    }

    /// Switches to a tab by handle.
    pub fn switch_to(&self, handle: &str) {
        self.request(
            "POST",
            &self.session_path("/window"),
            Some(json!({"handle": handle})),
        );
    }

    /// Waits for a finished download and returns its path.
    pub fn wait_for_download(&self, suffix: &str) -> PathBuf {
        self.wait_until(&format!("a download ending {suffix}"), || {
            std::fs::read_dir(&self.downloads)
                .ok()?
                .flatten()
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(suffix))
        })
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}

/// Decodes standard base64 (screenshots); invalid characters are skipped.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, &s| (acc << 6) | u32::from(s)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}
