//! ICD-10-CM search: behaviour on small cases, and quality on realistic queries.

use billable::domain::codes::code_text::completes;
use billable::domain::codes::query_terms::fold;
use billable::domain::codes::search::SearchIndex;
use std::sync::OnceLock;

use crate::icd10cm::icd10cm;
use crate::support::tool;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(icd10cm()))
}

/// The dotted codes of the top `n` results.
fn top(query: &str, n: usize) -> Vec<String> {
    index()
        .search(query, n)
        .into_iter()
        .map(|i| icd10cm().entry(i).code.clone())
        .collect()
}

#[test]
fn codes_match_by_prefix_with_or_without_the_dot() {
    assert_eq!(top("E11.2", 4), ["E11.2", "E11.21", "E11.22", "E11.29"]);
    assert_eq!(top("e112", 4), top("E11.2", 4));
    assert_eq!(top("S52.521A", 1), ["S52.521"]);
    assert_eq!(top("S13.4XXA", 1), ["S13.4"]);
    assert!(top("Z99.999", 3).is_empty());
}

#[test]
fn words_match_in_any_order_case_and_accents_aside() {
    assert_eq!(
        top("diabetes type 2 kidney", 1),
        top("Type 2 DIABETES kidney", 1)
    );
    assert_eq!(top("straussler", 1), ["A81.82"]);
    assert_eq!(top("sträussler", 1), ["A81.82"]);
    assert_eq!(fold("Charcôt's"), "charcot s");
    // The last word matches by prefix while it is typed; one typo is forgiven in
    // words of five or more letters.
    assert!(
        top("pneumon", 5).contains(&"J18.9".to_string()),
        "{:?}",
        top("pneumon", 5)
    );
    assert_eq!(top("pnuemonia", 1), top("pneumonia", 1));
    assert!(top("xyzzy plugh", 5).is_empty());
    assert!(top("", 5).is_empty());
}

#[test]
fn billable_codes_rank_first() {
    let set = icd10cm();
    let first = index().search("asthma", 1);
    assert!(
        first.iter().all(|&i| set.entry(i).children.is_empty()),
        "{:?}",
        top("asthma", 3)
    );
}

#[test]
fn realistic_queries_find_the_expected_code() {
    let file = include_str!("../data/icd10cm_queries.tsv");
    let cases: Vec<(&str, &str)> = file
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect();
    assert!(
        cases.len() >= 40,
        "the quality set needs at least 40 queries"
    );
    let mut misses = Vec::new();
    for (query, expected) in &cases {
        let found = top(query, 5);
        if !found.iter().any(|f| completes(f, expected)) {
            misses.push(format!("{query:?}: expected {expected}, got {found:?}"));
        }
    }
    let rate = 100.0 * (cases.len() - misses.len()) as f64 / cases.len() as f64;
    println!(
        "top-5 hit rate: {rate:.1}% of {} queries; misses:\n{}",
        cases.len(),
        misses.join("\n")
    );
    assert!(
        rate >= 90.0,
        "top-5 hit rate {rate:.1}% is under 90%:\n{}",
        misses.join("\n")
    );
}

#[test]
fn the_tool_answers_as_the_library_does() {
    let looked_up = tool(&["lookup", "type 2 diabetes with chronic kidney disease"]);
    let codes: Vec<&str> = looked_up["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        top("type 2 diabetes with chronic kidney disease", 10)
    );
    let verdict = tool(&["validate", "E11"]);
    assert_eq!(verdict["verdict"], "not_billable");
    assert_eq!(verdict["billable"], false);
    assert!(
        verdict["message"]
            .as_str()
            .is_some_and(|m| m.contains("E11.0 to E11.A")),
        "{verdict}"
    );
}

/// Every lookup data set, parsed and indexed once.
fn data() -> std::sync::MutexGuard<'static, billable::domain::codes::lookup::LookupData> {
    use billable::domain::codes::cpt::parse_cpt;
    use billable::domain::codes::lookup::LookupData;
    use billable::domain::codes::modifiers::parse_modifiers;
    static DATA: OnceLock<std::sync::Mutex<LookupData>> = OnceLock::new();
    let data = DATA.get_or_init(|| {
        let cpt = parse_cpt(include_str!("../../content/codes/cpt.tsv"))
            .unwrap_or_else(|e| panic!("{e}"));
        let modifiers = parse_modifiers(include_str!("../../content/codes/modifiers.tsv"))
            .unwrap_or_else(|e| panic!("{e}"));
        std::sync::Mutex::new(LookupData::new(icd10cm().clone(), cpt, modifiers))
    });
    data.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[test]
fn lookup_answers_searches_and_details() {
    use billable::domain::codes::lookup::{Reply, Request, answer};
    let mut set = data();
    match answer(
        &mut set,
        &Request::Search {
            id: 7,
            query: "e11.2".into(),
            set: None,
        },
    ) {
        Reply::Results { id, rows } => {
            assert_eq!(id, 7);
            assert_eq!(rows[0].code, "E11.2");
            assert!(!rows[0].billable && rows[1].billable, "{rows:?}");
        }
        other => panic!("{other:?}"),
    }
    match answer(
        &mut set,
        &Request::Detail {
            code: "s52521".into(),
            query: String::new(),
        },
    ) {
        Reply::Detail(detail) => {
            assert_eq!(detail.row.code, "S52.521");
            assert!(detail.row.needs_seventh);
            let path: Vec<&str> = detail.path.iter().map(|(c, _)| c.as_str()).collect();
            assert_eq!(path, ["19", "S50-S59", "S52", "S52.5", "S52.52"]);
            assert_eq!(detail.stem.as_deref(), Some("S52.521"));
            assert_eq!(
                detail.seventh.iter().map(|s| s.0).collect::<String>(),
                "ADGKPS"
            );
            assert!(
                detail
                    .notes
                    .iter()
                    .any(|n| n.from == "S52" && n.label == "Excludes1"),
                "{:?}",
                detail.notes
            );
        }
        other => panic!("{other:?}"),
    }
    match answer(
        &mut set,
        &Request::Detail {
            code: "E11".into(),
            query: String::new(),
        },
    ) {
        Reply::Detail(detail) => {
            assert_eq!(detail.children.len(), 10);
            assert!(detail.seventh.is_empty() && detail.stem.is_none());
            assert!(
                detail.verdict.contains("not billable"),
                "{}",
                detail.verdict
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        answer(
            &mut set,
            &Request::Detail {
                code: "E11.99".into(),
                query: String::new(),
            }
        ),
        Reply::NotFound { .. }
    ));
}

#[test]
fn lookup_html_escapes_and_links() {
    use billable::domain::codes::lookup::{Request, answer};
    use billable::domain::codes::lookup_html::{code_href, escape, reply_html};
    let mut set = data();
    assert_eq!(
        escape("<b a=\"1\">&'"),
        "&lt;b a=&quot;1&quot;&gt;&amp;&#39;"
    );
    assert_eq!(
        code_href("a b&c", "E11.9"),
        "/lookup?q=a%20b%26c&code=E11.9"
    );
    let results = answer(
        &mut set,
        &Request::Search {
            id: 0,
            query: "e11.2".into(),
            set: None,
        },
    );
    let html = reply_html("e11.2", &results).unwrap_or_default();
    assert!(html.contains(r#"data-code="E11.22""#), "{html}");
    assert!(html.contains(r#"id="result-0""#));
    let detail = answer(
        &mut set,
        &Request::Detail {
            code: "S52.521".into(),
            query: "radius".into(),
        },
    );
    let html = reply_html("radius", &detail).unwrap_or_default();
    assert!(
        html.contains(r#"data-stem="S52.521""#) && html.contains(r#"value="A""#),
        "{html}"
    );
    assert!(!html.contains("<script"), "text is escaped");
}

#[test]
fn lookup_searches_cpt_and_modifiers() {
    use billable::domain::codes::lookup::{CodeSet, Reply, Request, answer};
    let search = |query: &str, set: Option<CodeSet>| match answer(
        &mut data(),
        &Request::Search {
            id: 0,
            query: query.into(),
            set,
        },
    ) {
        Reply::Results { rows, .. } => rows,
        other => panic!("{other:?}"),
    };
    let rows = search("99213", None);
    assert_eq!(
        (rows[0].code.as_str(), rows[0].set),
        ("99213", CodeSet::Cpt)
    );
    let rows = search("25", Some(CodeSet::Modifier));
    assert_eq!(rows[0].code, "25");
    assert!(
        search("bilateral", Some(CodeSet::Modifier))
            .iter()
            .any(|r| r.code == "50")
    );
    assert!(
        search("strep", Some(CodeSet::Cpt))
            .iter()
            .any(|r| r.code == "87880")
    );
    assert!(
        search("strep", Some(CodeSet::Cpt))
            .iter()
            .all(|r| r.set == CodeSet::Cpt)
    );
    let all = search("fracture", None);
    assert!(all.iter().any(|r| r.set == CodeSet::Icd10Cm) && all.len() <= 50);
    match answer(
        &mut data(),
        &Request::Detail {
            code: "99213".into(),
            query: String::new(),
        },
    ) {
        Reply::Reference(reference) => {
            assert!(
                reference
                    .facts
                    .iter()
                    .any(|(label, _)| label == "What sets the level"),
                "{reference:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    match answer(
        &mut data(),
        &Request::Detail {
            code: "jw".into(),
            query: String::new(),
        },
    ) {
        Reply::Reference(reference) => assert_eq!(reference.row.set, CodeSet::Modifier),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_users_cpt_file_adds_descriptors_and_can_be_removed() {
    use billable::domain::codes::lookup::{CodeSet, Reply, Request, answer};
    let mut data = data();
    let file = "code,descriptor\n99213,Licensed descriptor text for 99213\n0500T,Only in the licensed file\n";
    assert_eq!(
        answer(&mut data, &Request::ImportCpt { text: file.into() }),
        Reply::CptImported { count: 2 }
    );
    let rows = match answer(
        &mut data,
        &Request::Search {
            id: 0,
            query: "only licensed".into(),
            set: Some(CodeSet::Cpt),
        },
    ) {
        Reply::Results { rows, .. } => rows,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        rows.first().map(|r| r.code.as_str()),
        Some("0500T"),
        "{rows:?}"
    );
    match answer(
        &mut data,
        &Request::Detail {
            code: "99213".into(),
            query: String::new(),
        },
    ) {
        Reply::Reference(r) => assert!(
            r.facts
                .iter()
                .any(|(_, t)| t == "Licensed descriptor text for 99213"),
            "{r:?}"
        ),
        other => panic!("{other:?}"),
    }
    // A bad file changes nothing.
    match answer(
        &mut data,
        &Request::ImportCpt {
            text: "nonsense\n".into(),
        },
    ) {
        Reply::CptRejected { errors } => assert!(errors[0].starts_with("line 1:"), "{errors:?}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(data.descriptors.len(), 2);
    assert_eq!(
        answer(&mut data, &Request::ClearCpt),
        Reply::CptImported { count: 0 }
    );
    assert!(data.descriptors.is_empty());
}

#[test]
fn stop_and_seventh_character_words_are_not_significant() {
    use billable::domain::codes::query_terms::{
        SEVENTH_CHARACTER_WORDS, STOP_WORDS, is_significant,
    };
    for word in STOP_WORDS.iter().chain(SEVENTH_CHARACTER_WORDS) {
        assert!(!is_significant(word), "{word}");
    }
    for word in ["diabetes", "fracture", "2", "with", "left"] {
        assert!(is_significant(word), "{word}");
    }
    assert_eq!(fold("Sträussler-Scheinker, 2"), "straussler scheinker  2");
}

#[test]
fn fact_sets_are_answered_list_by_list() {
    use billable::domain::codes::lookup::{Reply, Request, answer};
    let lists = vec![
        vec!["E11.9".to_string(), "E10.9".into()],
        vec!["Q99.99".to_string()],
    ];
    // As the page sends it.
    let json = serde_json::to_string(&Request::FactSets { lists }).unwrap_or_default();
    let request: Request = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let Reply::FactSets(sets) = answer(&mut data(), &request) else {
        panic!("a list of facts");
    };
    assert_eq!(sets.len(), 2);
    assert!(!sets[0].excludes1.is_empty(), "{:?}", sets[0]);
    assert!(sets[1].code("Q99.99").is_some_and(|f| !f.exists));
}
