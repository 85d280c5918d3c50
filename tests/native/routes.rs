//! URL paths to pages.

use billable::routes::{Page, page_for};

#[test]
fn paths_name_pages() {
    let lesson = |t: &str, l: &str| Page::Lesson {
        track: t.into(),
        lesson: l.into(),
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
        ("/charts", Page::Charts { id: None }),
        (
            "/charts/fm-strep",
            Page::Charts {
                id: Some("fm-strep".into()),
            },
        ),
        ("/charts/a/b", Page::NotFound),
        ("/claims", Page::Claims { id: None }),
        (
            "/claims/ppo-flu-shot",
            Page::Claims {
                id: Some("ppo-flu-shot".into()),
            },
        ),
        ("/claims/a/b", Page::NotFound),
        ("/my-data", Page::MyData),
        ("/nowhere", Page::NotFound),
    ];
    for (path, page) in cases {
        assert_eq!(page_for(path), page, "{path:?}");
    }
}
