//! Lists every lesson file under content/lessons/ so they are compiled into the app
//! without a hand-kept list: adding a file is enough.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new("content/lessons");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Ok(tracks) = fs::read_dir(root) {
        for track in tracks.flatten().filter(|e| e.path().is_dir()) {
            println!("cargo:rerun-if-changed={}", track.path().display());
            for file in fs::read_dir(track.path()).into_iter().flatten().flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "md") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("/// Every lesson file as (path, text), sorted by path.\n");
    out.push_str("pub static LESSON_SOURCES: &[(&str, &str)] = &[\n");
    for path in &files {
        let relative = path.display().to_string().replace('\\', "/");
        let absolute = Path::new(&manifest).join(path);
        let _ = writeln!(
            out,
            "    ({relative:?}, include_str!({:?})),",
            absolute.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("lesson_sources.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
