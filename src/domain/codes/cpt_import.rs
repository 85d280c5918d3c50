//! A licensed user's own CPT descriptor file: CSV or TSV of code and descriptor.
//! It is checked whole before anything is kept, and every problem names its line.

use std::collections::BTreeMap;

use super::cpt::is_cpt_shaped;
use super::tsv::TsvError;

/// Files larger than this are refused before they are read.
pub const MAX_CPT_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// At most this many problems are listed; the file is refused either way.
const MAX_ERRORS: usize = 20;

/// Reads a descriptor file: one `code,descriptor` (or tab-separated) pair per line, an
/// optional header line, CSV quoting allowed. Returns code → descriptor, or every
/// problem found (up to twenty), each with its line.
pub fn parse_cpt_file(text: &str) -> Result<BTreeMap<String, String>, Vec<TsvError>> {
    let mut descriptors = BTreeMap::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields = if line.contains('\t') {
            Ok(line.split('\t').map(|f| f.trim().to_string()).collect())
        } else {
            split_csv(line)
        };
        let fields = match fields {
            Ok(fields) => fields,
            Err(message) => {
                errors.push(TsvError::at(number, message));
                continue;
            }
        };
        let code = fields
            .first()
            .map(|c| c.trim().to_ascii_uppercase())
            .unwrap_or_default();
        let descriptor = fields
            .get(1)
            .map(|d| d.trim().to_string())
            .unwrap_or_default();
        if number == 1 && !is_cpt_shaped(&code) && code.eq_ignore_ascii_case("code") {
            continue;
        }
        if !is_cpt_shaped(&code) {
            errors.push(TsvError::at(number, format!("{code:?} is not a CPT code: each line starts with a five-character code such as 99213")));
        } else if descriptor.is_empty() {
            errors.push(TsvError::at(
                number,
                format!("{code} has no descriptor: put it after a comma or a tab"),
            ));
        } else if fields.len() > 2 && fields[2..].iter().any(|f| !f.trim().is_empty()) {
            errors.push(TsvError::at(
                number,
                "expected two fields, code and descriptor; quote a descriptor that contains commas",
            ));
        } else if descriptors.insert(code.clone(), descriptor).is_some() {
            errors.push(TsvError::at(
                number,
                format!("{code} appears more than once"),
            ));
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if descriptors.is_empty() && errors.is_empty() {
        errors.push(TsvError::at(
            1,
            "the file has no codes: each line needs a code and a descriptor",
        ));
    }
    if errors.is_empty() {
        Ok(descriptors)
    } else {
        Err(errors)
    }
}

/// Splits one CSV line, honouring double quotes ("" is a literal quote).
fn split_csv(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is never closed: add the closing \"".into());
    }
    fields.push(field);
    Ok(fields)
}

/// The saved form of an imported file: `{"format": 1, "file": "..."}`.
#[derive(serde::Serialize, serde::Deserialize)]
struct SavedFile {
    format: u64,
    file: String,
}

/// Encodes an accepted file for storage.
pub fn encode_saved_file(text: &str) -> String {
    serde_json::to_string(&SavedFile {
        format: 1,
        file: text.to_string(),
    })
    .unwrap_or_default()
}

/// Reads a stored file back; `None` when the value is not one this version reads.
pub fn decode_saved_file(raw: &str) -> Option<String> {
    serde_json::from_str::<SavedFile>(raw)
        .ok()
        .filter(|saved| saved.format == 1)
        .map(|saved| saved.file)
}
