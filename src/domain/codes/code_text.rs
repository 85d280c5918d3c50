//! Reading a code as a person types it: any case, with or without the dot, with
//! spaces around it.

use thiserror::Error;

/// Why typed text cannot be an ICD-10-CM code.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CodeTextError {
    /// Nothing was typed.
    #[error("type a code, such as E11.9")]
    Empty,
    /// A character that never appears in codes.
    #[error("\"{0}\" cannot appear in an ICD-10-CM code: codes use letters, digits and one dot")]
    BadCharacter(char),
    /// The dot is not after the third character.
    #[error("the dot goes after the third character, as in E11.9")]
    MisplacedDot,
    /// Codes start with a letter.
    #[error("ICD-10-CM codes start with a letter, as in E11.9; {0} looks like a CPT or other code")]
    NoLetterFirst(String),
    /// Fewer than 3 or more than 7 characters.
    #[error("ICD-10-CM codes have 3 to 7 characters, not counting the dot; {0} has {1}")]
    BadLength(String, usize),
}

/// Normalises typed text to the compact form (`e11.9 ` becomes `E119`).
pub fn normalize(input: &str) -> Result<String, CodeTextError> {
    let text = input.trim().to_ascii_uppercase();
    if text.is_empty() {
        return Err(CodeTextError::Empty);
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && *c != '.')
    {
        return Err(CodeTextError::BadCharacter(bad));
    }
    let dots: Vec<usize> = text.match_indices('.').map(|(i, _)| i).collect();
    if dots.len() > 1 || dots.first().is_some_and(|&i| i != 3) {
        return Err(CodeTextError::MisplacedDot);
    }
    let compact: String = text.chars().filter(|c| *c != '.').collect();
    if !compact.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(CodeTextError::NoLetterFirst(compact));
    }
    if !(3..=7).contains(&compact.len()) {
        let len = compact.len();
        return Err(CodeTextError::BadLength(compact, len));
    }
    Ok(compact)
}

/// The dotted form of a compact code (`E119` becomes `E11.9`).
pub fn dotted(compact: &str) -> String {
    match compact.get(3..) {
        Some(rest) if !rest.is_empty() => format!("{}.{rest}", &compact[..3]),
        _ => compact.to_string(),
    }
}

/// The compact form of a dotted code (`E11.9` becomes `E119`).
pub fn compact(code: &str) -> String {
    code.chars().filter(|c| *c != '.').collect()
}

/// True when `found` is `expected`, or `expected` is `found` completed with a 7th
/// character and any X placeholders (S52.501 + A = S52.501A; S13.4 + XXA = S13.4XXA).
pub fn completes(found: &str, expected: &str) -> bool {
    let (found, expected) = (compact(found), compact(expected));
    if found == expected {
        return true;
    }
    let mut stem = found;
    while stem.len() < 6 {
        stem.push('X');
    }
    expected.len() == 7 && stem.len() == 6 && expected.starts_with(&stem)
}
