//! Browser tests: the built app (dist/) served on 127.0.0.1 and driven in Debian's
//! headless Chromium, the way a learner uses it. Run by `./dev test`.

mod server;
mod webdriver;

mod assignments;
mod backup;
mod charts;
mod claims;
mod exams;
mod glossary;
mod lessons;
mod lookup;
mod shell;
mod storage;

use billable::content::catalog;
use billable::domain::lesson::Lesson;
use serde_json::{Value, json};
use webdriver::Browser;

/// One learner's browser, pointed at a freshly served copy of the app.
pub struct Learner {
    /// The driven browser.
    pub browser: Browser,
    base: String,
}

impl Learner {
    /// A laptop-sized browser.
    pub fn start() -> Learner {
        Learner::sized(1280, 900)
    }

    /// A browser with the given window size.
    pub fn sized(width: u32, height: u32) -> Learner {
        let base = server::serve(server::dist_dir());
        Learner {
            browser: Browser::start(width, height),
            base,
        }
    }

    /// A browser whose settings block all site data, as a strict privacy setting does:
    /// touching `window.localStorage` throws.
    pub fn with_storage_blocked() -> Learner {
        let base = server::serve(server::dist_dir());
        let prefs = json!({"profile.default_content_setting_values.cookies": 2});
        Learner {
            browser: Browser::start_with_prefs(1280, 900, prefs),
            base,
        }
    }

    /// Opens an app path and waits until the app has replaced the loading shell.
    pub fn open(&self, path: &str) {
        self.browser.goto(&format!("{}{path}", self.base));
        self.wait_for_app();
    }

    /// Reloads and waits for the app.
    pub fn reload(&self) {
        self.browser.refresh();
        self.wait_for_app();
    }

    fn wait_for_app(&self) {
        self.browser.wait_until("the app to mount", || {
            let ready = self.browser.run(
                "return !document.querySelector('.loading') && !!document.querySelector('main h1')",
                json!([]),
            );
            ready.as_bool().filter(|r| *r)
        });
    }

    /// Chooses `file` in the file input matching `css`, as a person picking it would.
    pub fn upload(&self, css: &str, file: &std::path::Path) {
        let input = self.browser.wait_for(css);
        self.browser.send_keys(&input, &file.to_string_lossy());
    }

    /// The raw local-storage value under `key`.
    pub fn stored(&self, key: &str) -> Option<String> {
        let value = self
            .browser
            .run("return localStorage.getItem(arguments[0])", json!([key]));
        value.as_str().map(String::from)
    }

    /// Every local-storage key.
    pub fn stored_keys(&self) -> Vec<String> {
        let value = self
            .browser
            .run("return Object.keys(localStorage)", json!([]));
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Answers every check of `lesson` on its page, choosing a wrong option for the
    /// checks listed in `wrong` and the key for the rest.
    pub fn answer_lesson(&self, lesson: &Lesson, wrong: &[usize]) {
        self.open(&lesson.info.id.href());
        for (i, check) in lesson.checks.iter().enumerate() {
            let picks: Vec<usize> = if wrong.contains(&i) {
                (0..check.options.len())
                    .filter(|o| !check.correct.contains(o))
                    .take(1)
                    .collect()
            } else {
                check.correct.clone()
            };
            for pick in picks {
                self.browser.click_css(&format!(
                    "fieldset[data-check=\"{i}\"] input[value=\"{pick}\"]"
                ));
            }
            self.browser
                .click_css(&format!("fieldset[data-check=\"{i}\"] button"));
            self.browser
                .wait_for(&format!("fieldset[data-check=\"{i}\"] .verdict"));
        }
    }

    /// The stored progress envelope, parsed.
    pub fn stored_progress(&self) -> Value {
        let raw = self
            .stored("billable.progress")
            .unwrap_or_else(|| panic!("no progress is stored"));
        serde_json::from_str(&raw)
            .unwrap_or_else(|e| panic!("stored progress is not JSON ({e}): {raw}"))
    }
}

/// A file for a test to upload, in the temporary folder, named after the test
/// process so parallel runs do not collide. Remove it with `std::fs::remove_file`.
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("billable-{}-{name}", std::process::id()));
    std::fs::write(&path, contents)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

/// The dashboard's overall line after `done` lessons are complete.
pub fn overall(done: usize) -> String {
    let catalog = catalog().unwrap_or_else(|errors| panic!("content errors: {errors:?}"));
    format!("{done} of {} lessons complete", catalog.lessons().len())
}

/// A track's count line (`.track-count`) after `done` of its lessons are complete.
pub fn track_count(track: &str, done: usize) -> String {
    let catalog = catalog().unwrap_or_else(|errors| panic!("content errors: {errors:?}"));
    let total = catalog
        .index()
        .lessons()
        .iter()
        .filter(|l| l.id.track.slug() == track)
        .count();
    format!("{done} of {total} lessons complete")
}

/// A shipped lesson by id, e.g. `medical-terminology/word-parts`.
pub fn lesson(key: &str) -> &'static Lesson {
    let catalog = catalog().unwrap_or_else(|errors| panic!("content errors: {errors:?}"));
    catalog
        .lessons()
        .iter()
        .find(|l| l.info.id.key() == key)
        .unwrap_or_else(|| panic!("no shipped lesson {key}"))
}
