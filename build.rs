//! Lists every lesson file under content/lessons/, every chart under content/charts/
//! every claim exercise, question bank file and flashcard deck
//! so they are compiled into the native tool and tests without a hand-kept list: adding
//! a file is enough.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

/// The files in `dir` with extension `ext`, sorted.
fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// Appends `pub static NAME: &[(&str, &str)]` holding each file's path and text.
fn write_sources(out: &mut String, name: &str, what: &str, files: &[PathBuf]) {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let _ = writeln!(out, "/// Every {what} as (path, text), sorted by path.");
    let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &[");
    for path in files {
        let relative = path.display().to_string().replace('\\', "/");
        let absolute = Path::new(&manifest).join(path);
        let _ = writeln!(
            out,
            "    ({relative:?}, include_str!({:?})),",
            absolute.display().to_string()
        );
    }
    out.push_str("];\n");
}

fn main() {
    let root = Path::new("content/lessons");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut lessons = Vec::new();
    if let Ok(tracks) = fs::read_dir(root) {
        for track in tracks.flatten().filter(|e| e.path().is_dir()) {
            lessons.extend(files_in(&track.path(), "md"));
        }
    }
    lessons.sort();
    let charts = files_in(Path::new("content/charts"), "toml");
    let claims = files_in(Path::new("content/claims/exercises"), "toml");
    let questions = files_in(Path::new("content/questions"), "toml");
    let decks = files_in(Path::new("content/flashcards"), "toml");
    let mut out = String::new();
    write_sources(&mut out, "LESSON_SOURCES", "lesson file", &lessons);
    write_sources(&mut out, "CHART_SOURCES", "chart file", &charts);
    write_sources(&mut out, "CLAIM_SOURCES", "claim exercise file", &claims);
    write_sources(
        &mut out,
        "QUESTION_SOURCES",
        "question bank file",
        &questions,
    );
    write_sources(&mut out, "DECK_SOURCES", "flashcard deck file", &decks);
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("lesson_sources.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
