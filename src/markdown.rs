//! The one Markdown renderer for lessons and, later, instructor-written text.
//!
//! Input is untrusted. Raw HTML is escaped and shown as text, never injected, and a
//! link or image survives only when its target is `http:`, `https:`, `mailto:` or
//! relative; any other target leaves just its text.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML that is safe to insert into the page.
pub fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // Links cannot nest in CommonMark, but images can sit inside links; a stack keeps
    // each end event paired with the decision made at its start.
    let mut dropped: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
            let safe = is_safe_url(dest_url);
            dropped.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link | TagEnd::Image) => {
            let was_dropped = dropped.pop().unwrap_or(false);
            (!was_dropped).then_some(event)
        }
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(trim_newline(raw))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Block HTML arrives line by line with its newline; as text, the newline is noise.
fn trim_newline(raw: CowStr<'_>) -> CowStr<'_> {
    match raw.strip_suffix('\n') {
        Some(trimmed) => CowStr::from(trimmed.to_string()),
        None => raw,
    }
}

/// True when a link target is `http:`, `https:`, `mailto:` or has no scheme.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme, so those
/// are removed before the scheme is read: `java\tscript:` counts as `javascript:`.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| *c > ' ' && *c != '\u{7f}').collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}
