//! `billable-tool`: native commands over the shipped content.
//!
//! - `billable-tool stats` prints JSON statistics of the lessons.
//! - `billable-tool publish DIR` parses and renders every lesson into DIR as the JSON
//!   files the browser fetches; Trunk runs it before each build (see Trunk.toml).
//! - `billable-tool lint [FILE...]` checks the lesson files on disk against the content
//!   rules without rebuilding, so authors see every problem at once.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The tool reads files and the compiled-in lesson sources, so it exists natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::process::ExitCode;

    use billable::content::charts::{ChartCodeLists, lint_charts, read_chart};
    use billable::content::claims::{
        ClaimWorld, PAYERS_TOML, TEACHING_TOML, exercise_codes, lint_exercises,
        published_claim_files, read_exercise, read_payers, read_teaching,
    };
    use billable::content::flashcards::{generated_decks, lint_decks};
    use billable::content::lesson_error::LessonError;
    use billable::content::lesson_parser::parse_lesson;
    use billable::content::lint::{CodeLists, lint};
    use billable::content::publish::{published_chart_files, published_files};
    use billable::content::questions::{lint_bank, read_bank};
    use billable::content::stats::{chart_stats, content_stats};
    use billable::content::{CHART_SOURCES, CLAIM_SOURCES, DECK_SOURCES, QUESTION_SOURCES};
    use billable::content::{Catalog, catalog};
    use billable::domain::charts::Chart;
    use billable::domain::claims::scrub::CodeLists as ClaimCodeLists;
    use billable::domain::claims::x12::{render_837p, to_text};
    use billable::domain::codes::cpt::parse_cpt;
    use billable::domain::codes::hcpcs::parse_hcpcs;
    use billable::domain::codes::icd10cm::Icd10Cm;
    use billable::domain::codes::icd10cm_data::parse;
    use billable::domain::codes::lookup::{LookupData, Reply, Request, answer};
    use billable::domain::codes::modifiers::parse_modifiers;
    use billable::domain::codes::place_of_service::parse_places;
    use billable::domain::codes::validate::Verdict;
    use billable::domain::exam_sections::CmrsSection;
    use billable::domain::exams::blueprint::{ExamSpec, Mode, blueprint};
    use billable::domain::exams::sample::generate;
    use billable::domain::exams::score::{LessonLink, StudyGuide};
    use billable::domain::flashcards::deck::DeckSummary;
    use serde_json::json;

    const USAGE: &str = "usage:
      billable-tool stats          print JSON statistics of the shipped content
      billable-tool publish DIR    write the lessons as the JSON files the app fetches
  billable-tool publish-charts DIR  write the charts as the JSON files the app fetches
     billable-tool lint [FILE...]  check lesson, chart and claim files on disk (all, or those named)
  billable-tool x12 EXERCISE   print the 837P of a claim exercise's answer key
  billable-tool exam --mode cmrs|cpc|cbcs|custom --seed N [--count N] [--sections A,B]
                               print a generated exam as JSON, as the browser draws it
  billable-tool npi DIGITS     complete nine digits into a valid NPI
  billable-tool lookup QUERY    print the lookup's results as JSON, in the browser's order
  billable-tool validate CODE  print the validator's verdict on an ICD-10-CM code as JSON
  billable-tool convert-icd10cm XML CODE-LIST RELEASE OUT
                               convert CDC's tabular XML to content/codes/ data";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let result = match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["stats"] => with_catalog(stats),
            ["publish", dir] => with_catalog(|catalog| publish(catalog, Path::new(dir))),
            ["publish-charts", dir] => publish_charts(Path::new(dir)),
            ["lint", files @ ..] => lint_files(files),
            ["x12", id] => x12(id),
            ["exam", rest @ ..] => exam(rest),
            ["npi", nine] => match billable::domain::npi::complete(nine) {
                Some(npi) => {
                    println!("{npi}");
                    Ok(())
                }
                None => Err(format!("{nine:?} is not nine digits")),
            },
            ["lookup", query] => lookup(query),
            ["validate", code] => validate(code),
            ["convert-icd10cm", xml, list, release, out] => {
                convert_icd10cm(Path::new(xml), Path::new(list), release, Path::new(out))
            }
            _ => Err(USAGE.to_string()),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
        }
    }

    fn with_catalog(run: impl FnOnce(&Catalog) -> Result<(), String>) -> Result<(), String> {
        let catalog = catalog().map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(LessonError::to_string).collect();
            format!("lesson files have errors:\n{}", lines.join("\n"))
        })?;
        run(catalog)
    }

    fn stats(catalog: &Catalog) -> Result<(), String> {
        let charts: Vec<_> = CHART_SOURCES
            .iter()
            .map(|(path, text)| read_chart(path, text).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        let mut value = serde_json::to_value(content_stats(catalog))
            .map_err(|e| format!("cannot format statistics: {e}"))?;
        value["charts"] = serde_json::to_value(chart_stats(&charts))
            .map_err(|e| format!("cannot format statistics: {e}"))?;
        let json = serde_json::to_string_pretty(&value)
            .map_err(|e| format!("cannot format statistics: {e}"))?;
        println!("{json}");
        Ok(())
    }

    /// The shipped ICD-10-CM data, read from the repository.
    fn icd10cm() -> Result<Icd10Cm, String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/codes/icd10cm.txt");
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        parse(&text).map_err(|e| format!("{path}: {e}"))
    }

    fn print_json(value: &serde_json::Value) -> Result<(), String> {
        let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
        println!("{text}");
        Ok(())
    }

    /// Prints what the browser's lookup shows for a query, in the same order: the
    /// same data and the same `answer`, so authors and scripts see the app's ranking.
    fn lookup(query: &str) -> Result<(), String> {
        let read = |name: &str| {
            let path = format!("{}/content/codes/{name}", env!("CARGO_MANIFEST_DIR"));
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))
        };
        let cpt = parse_cpt(&read("cpt.tsv")?).map_err(|e| format!("cpt.tsv {e}"))?;
        let modifiers =
            parse_modifiers(&read("modifiers.tsv")?).map_err(|e| format!("modifiers.tsv {e}"))?;
        let mut data = LookupData::new(icd10cm()?, cpt, modifiers);
        let request = Request::Search {
            id: 0,
            query: query.to_string(),
            set: None,
        };
        let rows = match answer(&mut data, &request) {
            Reply::Results { rows, .. } => rows,
            _ => Vec::new(),
        };
        let results: Vec<serde_json::Value> = rows
            .iter()
            .map(|row| {
                json!({
                    "set": row.set.slug(),
                    "code": row.code,
                    "title": row.title,
                    "billable": row.billable,
                    "needs_7th_character": row.needs_seventh,
                })
            })
            .collect();
        print_json(&json!({"query": query, "results": results}))
    }

    fn validate(input: &str) -> Result<(), String> {
        let set = icd10cm()?;
        let verdict = billable::domain::codes::validate::validate(&set, input);
        let kind = match &verdict {
            Verdict::Billable { .. } => "billable",
            Verdict::NotBillable { .. } => "not_billable",
            Verdict::NeedsSeventh { .. } => "needs_7th_character",
            Verdict::PlaceholderMissing { .. } => "placeholder_missing",
            Verdict::Unknown { .. } => "unknown",
            Verdict::Malformed(_) => "malformed",
        };
        print_json(
            &json!({"input": input, "verdict": kind, "billable": verdict.is_billable(), "message": verdict.message()}),
        )
    }

    fn convert_icd10cm(xml: &Path, list: &Path, release: &str, out: &Path) -> Result<(), String> {
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let (text, list) = (read(xml)?, read(list)?);
        let data = billable::content::icd10cm_xml::convert(&text, &list, release)
            .map_err(|e| e.to_string())?;
        std::fs::write(out, &data).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), data.len());
        Ok(())
    }

    /// Reads a file under the repository root.
    fn read(relative: &str) -> Result<String, String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    }

    /// Every file with extension `ext` in `folder` itself, or in its subfolders when
    /// `in_subfolders` (lessons live in track folders), as (path relative to the
    /// repository, text), sorted.
    fn content_files(
        folder: &str,
        ext: &str,
        in_subfolders: bool,
    ) -> Result<Vec<(String, String)>, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let top = root.join(folder);
        let entries =
            std::fs::read_dir(&top).map_err(|e| format!("cannot read {}: {e}", top.display()))?;
        let mut paths = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && in_subfolders {
                let inner = std::fs::read_dir(&path).into_iter().flatten().flatten();
                paths.extend(inner.map(|f| f.path()));
            } else if !in_subfolders {
                paths.push(path);
            }
        }
        paths.retain(|p| p.extension().is_some_and(|e| e == ext));
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let relative = path
                    .strip_prefix(root)
                    .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Ok((relative, text))
            })
            .collect()
    }

    /// Lints every lesson on disk, reporting problems in `only` (all files when empty),
    /// with each named file's words, checks and terms.
    fn lint_files(only: &[&str]) -> Result<(), String> {
        let icd = icd10cm()?;
        let cpt =
            parse_cpt(&read("content/codes/cpt.tsv")?).map_err(|e| format!("cpt.tsv: {e}"))?;
        let hcpcs = parse_hcpcs(&read("content/codes/hcpcs.tsv")?)
            .map_err(|e| format!("hcpcs.tsv: {e}"))?;
        let files = content_files("content/lessons", "md", true)?;
        let sources: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let wanted = |path: &str| {
            only.is_empty() || only.iter().any(|o| o.ends_with(path) || path.ends_with(o))
        };
        for (path, text) in &sources {
            if wanted(path)
                && let Ok(lesson) = parse_lesson(path, text)
            {
                println!(
                    "{path}: {} words, {} checks, {} glossary terms",
                    lesson.info.words,
                    lesson.checks.len(),
                    lesson.glossary().count()
                );
            }
        }
        let problems: Vec<_> = lint(&sources, &CodeLists::new(&icd, &cpt, &hcpcs))
            .into_iter()
            .filter(|p| wanted(&p.path))
            .collect();
        for problem in &problems {
            println!("{problem}");
        }
        let chart_files = content_files("content/charts", "toml", false)?;
        let chart_sources: Vec<(&str, &str)> = chart_files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let modifiers = parse_modifiers(&read("content/codes/modifiers.tsv")?)
            .map_err(|e| format!("modifiers.tsv: {e}"))?;
        let places = parse_places(&read("content/codes/place-of-service.tsv")?)
            .map_err(|e| format!("place-of-service.tsv: {e}"))?;
        let lists = ChartCodeLists::new(&icd, &cpt, &hcpcs, &modifiers, &places);
        let (charts, chart_problems) = lint_charts(&chart_sources, &lists);
        for chart in charts
            .iter()
            .filter(|c| wanted(&format!("content/charts/{}.toml", c.id)))
        {
            println!(
                "content/charts/{}.toml: difficulty {}, {} diagnoses, {} lines",
                chart.id,
                chart.difficulty,
                chart.diagnoses.len(),
                chart.lines.len()
            );
        }
        let chart_problems: Vec<_> = chart_problems
            .into_iter()
            .filter(|p| wanted(&p.path))
            .collect();
        for problem in &chart_problems {
            println!("{problem}");
        }
        let claim_files = content_files("content/claims/exercises", "toml", false)?;
        let claim_sources: Vec<(&str, &str)> = claim_files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (payers, teaching) = claim_reference()?;
        let claim_lists = ClaimCodeLists::new(&cpt, &hcpcs, &modifiers, &places);
        let world = ClaimWorld {
            payers: &payers,
            teaching: &teaching,
            charts: &charts,
            icd10cm: &icd,
            lists: &claim_lists,
        };
        let (_, claim_problems) = lint_exercises(&claim_sources, &world);
        let claim_problems: Vec<_> = claim_problems
            .into_iter()
            .filter(|p| wanted(&p.path))
            .collect();
        for problem in &claim_problems {
            println!("{problem}");
        }
        let question_files = content_files("content/questions", "toml", false)?;
        let question_sources: Vec<(&str, &str)> = question_files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (bank, question_problems) =
            lint_bank(&question_sources, &CodeLists::new(&icd, &cpt, &hcpcs));
        let deck_files = content_files("content/flashcards", "toml", false)?;
        let deck_sources: Vec<(&str, &str)> = deck_files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let (decks, deck_problems) = lint_decks(&deck_sources);
        let later: Vec<_> = question_problems
            .into_iter()
            .chain(deck_problems)
            .filter(|p| wanted(&p.path) || p.path == "content/questions")
            .collect();
        for problem in &later {
            println!("{problem}");
        }
        let cards: usize = decks.iter().map(|d| d.cards.len()).sum::<usize>()
            + generated_decks(&modifiers, &places)
                .iter()
                .map(|d| d.cards.len())
                .sum::<usize>();
        println!(
            "{} questions ({} case-based); {} flashcards in {} decks",
            bank.len(),
            bank.iter().filter(|q| !q.case.is_empty()).count(),
            cards,
            decks.len() + 2
        );
        match problems.len() + chart_problems.len() + claim_problems.len() + later.len() {
            0 => {
                println!(
                    "no problems in {} lesson files, {} chart files, {} claim exercises, {} question files and {} decks",
                    sources.len(),
                    chart_sources.len(),
                    claim_sources.len(),
                    question_sources.len(),
                    deck_sources.len()
                );
                Ok(())
            }
            n => Err(format!("{n} problems")),
        }
    }

    fn publish_charts(dir: &Path) -> Result<(), String> {
        let charts = shipped_charts()?;
        let mut files =
            published_chart_files(&charts).map_err(|e| format!("cannot serialise charts: {e}"))?;
        let exercises: Vec<_> = CLAIM_SOURCES
            .iter()
            .map(|(path, text)| read_exercise(path, text).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        let (payers, teaching) = claim_reference()?;
        files.extend(published_claim_files(
            &exercises, &payers, &teaching, &charts,
        )?);
        let (bank, problems) = read_bank(QUESTION_SOURCES);
        if let Some(p) = problems.first() {
            return Err(p.to_string());
        }
        files.push(("exams/bank.json".into(), to_json(&bank)?));
        let catalog = catalog().map_err(|e| format!("{} lesson problems", e.len()))?;
        let mut guide = StudyGuide::new();
        for lesson in catalog.lessons() {
            for section in &lesson.info.sections {
                guide
                    .entry(section.name().to_string())
                    .or_default()
                    .push(LessonLink {
                        href: lesson.info.id.href(),
                        title: lesson.info.title.clone(),
                    });
            }
        }
        files.push(("exams/study.json".into(), to_json(&guide)?));
        let (mut decks, problems) = lint_decks(DECK_SOURCES);
        if let Some(p) = problems.first() {
            return Err(p.to_string());
        }
        let modifiers = parse_modifiers(&read("content/codes/modifiers.tsv")?)
            .map_err(|e| format!("modifiers.tsv: {e}"))?;
        let places = parse_places(&read("content/codes/place-of-service.tsv")?)
            .map_err(|e| format!("place-of-service.tsv: {e}"))?;
        decks.extend(generated_decks(&modifiers, &places));
        let summaries: Vec<DeckSummary> = decks
            .iter()
            .map(|d| DeckSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                cards: d.cards.len(),
            })
            .collect();
        files.push(("flashcards/index.json".into(), to_json(&summaries)?));
        for deck in &decks {
            files.push((format!("flashcards/{}.json", deck.id), to_json(deck)?));
        }
        write_files(dir, &files)
    }

    /// Any serialisable value as JSON, the error as text.
    fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
        serde_json::to_string(value).map_err(|e| e.to_string())
    }

    /// The simulated payers and the teaching edits.
    fn claim_reference() -> Result<
        (
            Vec<billable::domain::claims::payer::Payer>,
            billable::domain::claims::teaching::TeachingEdits,
        ),
        String,
    > {
        let payers = read_payers(PAYERS_TOML).map_err(|e| e.to_string())?;
        let teaching = read_teaching(TEACHING_TOML).map_err(|e| e.to_string())?;
        Ok((payers, teaching))
    }

    /// Every shipped chart.
    fn shipped_charts() -> Result<Vec<Chart>, String> {
        CHART_SOURCES
            .iter()
            .map(|(path, text)| read_chart(path, text).map_err(|e| e.to_string()))
            .collect()
    }

    /// Prints the exam a mode and seed generate: each question's id, section, domain
    /// and option order, in exam order.
    fn exam(args: &[&str]) -> Result<(), String> {
        let mut spec = ExamSpec::standard(Mode::Cmrs, 0);
        let mut mode = None;
        let mut rest = args.iter();
        while let Some(flag) = rest.next() {
            let value = rest
                .next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match *flag {
                "--mode" => {
                    mode = Some(Mode::from_slug(value).ok_or(format!("unknown mode {value:?}"))?)
                }
                "--seed" => {
                    spec.seed = value
                        .parse()
                        .map_err(|_| format!("--seed {value:?} is not a number"))?
                }
                "--count" => {
                    spec.count = value
                        .parse()
                        .map_err(|_| format!("--count {value:?} is not a number"))?
                }
                "--sections" => {
                    spec.sections = value
                        .split(',')
                        .map(|s| {
                            CmrsSection::from_name(s).ok_or(format!("unknown CMRS section {s:?}"))
                        })
                        .collect::<Result<_, _>>()?
                }
                _ => return Err(format!("unknown option {flag}\n{USAGE}")),
            }
        }
        spec.mode = mode.ok_or(format!("--mode is required\n{USAGE}"))?;
        let (bank, problems) = read_bank(QUESTION_SOURCES);
        if let Some(p) = problems.first() {
            return Err(p.to_string());
        }
        let bp = blueprint(&spec).map_err(|e| e.to_string())?;
        let exam = generate(&bank, &spec, &bp).map_err(|e| e.to_string())?;
        let text = serde_json::to_string_pretty(&exam).map_err(|e| e.to_string())?;
        println!("{text}");
        Ok(())
    }

    /// Prints the 837P of exercise `id`'s answer key.
    fn x12(id: &str) -> Result<(), String> {
        let exercise = CLAIM_SOURCES
            .iter()
            .find(|(path, _)| path.ends_with(&format!("/{id}.toml")))
            .ok_or_else(|| format!("no claim exercise {id:?} in content/claims/exercises"))
            .and_then(|(path, text)| read_exercise(path, text).map_err(|e| e.to_string()))?;
        let (payers, _) = claim_reference()?;
        let payer = payers
            .iter()
            .find(|p| p.id == exercise.payer)
            .ok_or_else(|| format!("unknown payer {}", exercise.payer))?;
        let codes = exercise_codes(&exercise, &shipped_charts()?)
            .ok_or_else(|| format!("exercise {id} follows a missing chart"))?;
        let key = exercise.key_claim(&codes, payer);
        let segments =
            render_837p(&key, payer, &exercise.envelope(payer, 1)).map_err(|e| e.to_string())?;
        print!("{}", to_text(&segments));
        Ok(())
    }

    fn publish(catalog: &Catalog, dir: &Path) -> Result<(), String> {
        let files =
            published_files(catalog).map_err(|e| format!("cannot serialise lessons: {e}"))?;
        write_files(dir, &files)
    }

    /// Writes (relative path, text) files under `dir`.
    fn write_files(dir: &Path, files: &[(String, String)]) -> Result<(), String> {
        for (relative, json) in files {
            let path = dir.join(relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::write(&path, json)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        eprintln!("published {} files to {}", files.len(), dir.display());
        Ok(())
    }
}
