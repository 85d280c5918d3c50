//! URL paths to pages.

use billable::routes::{Page, page_for};

#[test]
fn paths_name_pages() {
    let lesson = |t: &str, l: &str| Page::Lesson {
        track: t.into(),
        lesson: l.into(),
    };
    let workspace = |section: &'static str, id: Option<&str>| Page::Workspace {
        section,
        id: id.map(str::to_string),
    };
    let cases = [
        ("/", Page::Dashboard),
        ("", Page::Dashboard),
        ("/learn", Page::Learn),
        ("/learn/", Page::Learn),
        (
            "/learn/billing/life-of-a-claim",
            lesson("billing", "life-of-a-claim"),
        ),
        ("/learn/billing", Page::NotFound),
        ("/learn/a/b/c", Page::NotFound),
        ("/lookup", Page::Lookup),
        ("/glossary", Page::Glossary),
        ("/charts", workspace("/charts", None)),
        ("/charts/fm-strep", workspace("/charts", Some("fm-strep"))),
        ("/charts/a/b", Page::NotFound),
        ("/claims", workspace("/claims", None)),
        (
            "/claims/ppo-flu-shot",
            workspace("/claims", Some("ppo-flu-shot")),
        ),
        ("/claims/a/b", Page::NotFound),
        ("/exams", workspace("/exams", None)),
        (
            "/flashcards/prefixes",
            workspace("/flashcards", Some("prefixes")),
        ),
        ("/chartsx", Page::NotFound),
        ("/my-data", Page::MyData),
        ("/nowhere", Page::NotFound),
    ];
    for (path, page) in cases {
        assert_eq!(page_for(path), page, "{path:?}");
    }
}
