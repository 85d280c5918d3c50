//! The architecture's boundaries, checked by reading the source.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn domain_and_content_stay_pure() {
    let forbidden = [
        "leptos",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
        "std::time::SystemTime",
        "std::fs",
        "Instant::now",
    ];
    let mut checked = 0;
    for dir in ["src/domain", "src/content"] {
        for file in rust_files(&root().join(dir)) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for word in forbidden {
                assert!(
                    !text.contains(word),
                    "{} mentions {word}; keep IO and the UI out of the pure core",
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 10,
        "expected the pure modules to be found, checked {checked}"
    );
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    let allowed = root().join("src/app/storage.rs");
    let mut seen_in_storage = false;
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).unwrap_or_default();
        let touches = ["local_storage", "LocalStorage", "set_item", "get_item"]
            .iter()
            .any(|w| text.contains(w));
        if file == allowed {
            seen_in_storage = touches;
        } else {
            assert!(
                !touches,
                "{} touches local storage; only src/app/storage.rs may",
                file.display()
            );
        }
    }
    assert!(
        seen_in_storage,
        "src/app/storage.rs should be the module that uses local storage"
    );
}
