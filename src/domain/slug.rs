//! Ids written as slugs: lesson file names, chart files and instructors' own items.

/// True for a non-empty id of lowercase ASCII letters, digits and dashes.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
