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
    /// A page of the workspace (a wasm of its own, which renders it from the path):
    /// `/charts`, `/claims`, `/exams`, `/flashcards`, `/instructor` and `/assignment`,
    /// and one item below each.
    Workspace {
        /// The section, e.g. `/charts`.
        section: &'static str,
        /// The item's id, or `None` for the section's own page.
        id: Option<String>,
    },
    /// `/lookup`
    Lookup,
    /// `/my-data`
    MyData,
    /// Anything else.
    NotFound,
}

/// The workspace's sections.
const WORKSPACE: [&str; 6] = [
    "/charts",
    "/claims",
    "/exams",
    "/flashcards",
    "/instructor",
    "/assignment",
];

/// The page for a URL path (query and fragment already removed).
pub fn page_for(path: &str) -> Page {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let workspace = |name: &str| WORKSPACE.into_iter().find(|s| s[1..] == *name);
    match segments.as_slice() {
        [name] if workspace(name).is_some() => Page::Workspace {
            section: workspace(name).unwrap_or_default(),
            id: None,
        },
        [name, id] if workspace(name).is_some() => Page::Workspace {
            section: workspace(name).unwrap_or_default(),
            id: Some(id.to_string()),
        },
        [] => Page::Dashboard,
        ["learn"] => Page::Learn,
        ["learn", track, lesson] => Page::Lesson {
            track: track.to_string(),
            lesson: lesson.to_string(),
        },
        ["glossary"] => Page::Glossary,
        ["lookup"] => Page::Lookup,
        ["my-data"] => Page::MyData,
        _ => Page::NotFound,
    }
}
