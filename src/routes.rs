//! The app's pages by URL path. Matching here, in one `match`, instead of with the
//! router's generic route table saves several KB of wasm per route (measured about
//! 9 KB raw for the fifth route), which the first page's budget cannot spare.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`
    Dashboard,
    /// `/learn`
    Learn,
    /// `/learn/:track/:lesson`
    Lesson {
        /// The track's slug.
        track: String,
        /// The lesson's slug.
        lesson: String,
    },
    /// `/glossary`
    Glossary,
    /// `/charts` and `/charts/:id`, whose content the charts workspace (a wasm of its
    /// own) renders from the path.
    Charts {
        /// The chart's id, or `None` for the list.
        id: Option<String>,
    },
    /// `/claims` and `/claims/:id`, rendered by the same workspace wasm as the charts.
    Claims {
        /// The claim exercise's id, or `None` for the list.
        id: Option<String>,
    },
    /// `/lookup`
    Lookup,
    /// `/my-data`
    MyData,
    /// Anything else.
    NotFound,
}

/// The page for a URL path (query and fragment already removed).
pub fn page_for(path: &str) -> Page {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => Page::Dashboard,
        ["learn"] => Page::Learn,
        ["learn", track, lesson] => Page::Lesson {
            track: track.to_string(),
            lesson: lesson.to_string(),
        },
        ["glossary"] => Page::Glossary,
        ["charts"] => Page::Charts { id: None },
        ["charts", id] => Page::Charts {
            id: Some(id.to_string()),
        },
        ["claims"] => Page::Claims { id: None },
        ["claims", id] => Page::Claims {
            id: Some(id.to_string()),
        },
        ["lookup"] => Page::Lookup,
        ["my-data"] => Page::MyData,
        _ => Page::NotFound,
    }
}
