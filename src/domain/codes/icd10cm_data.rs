//! Billable's compact ICD-10-CM text: one record per line, tab-separated, in tabular
//! order (content/codes/README.md documents it). Parsing it is one pass with no
//! allocation per note beyond its text.

use thiserror::Error;

use super::icd10cm::{Entry, EntryKind, Icd10Cm, Note};

/// The first field of the header line.
pub const HEADER: &str = "ICD10CM";

/// The kinds of instructional notes the tabular list carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// An inclusion term: a condition the code also covers.
    InclusionTerm,
    /// "Includes": further defines the content.
    Includes,
    /// Excludes1: never code together.
    Excludes1,
    /// Excludes2: not included here, but may be coded together.
    Excludes2,
    /// Code first the underlying condition.
    CodeFirst,
    /// Use an additional code.
    UseAdditionalCode,
    /// Code also.
    CodeAlso,
    /// A general note.
    Note,
    /// The note about which codes take a 7th character.
    SeventhCharacter,
}

impl NoteKind {
    const ALL: [NoteKind; 9] = [
        Self::InclusionTerm,
        Self::Includes,
        Self::Excludes1,
        Self::Excludes2,
        Self::CodeFirst,
        Self::UseAdditionalCode,
        Self::CodeAlso,
        Self::Note,
        Self::SeventhCharacter,
    ];

    /// The one-letter record type in the compact file.
    pub fn letter(self) -> &'static str {
        match self {
            Self::InclusionTerm => "t",
            Self::Includes => "i",
            Self::Excludes1 => "1",
            Self::Excludes2 => "2",
            Self::CodeFirst => "f",
            Self::UseAdditionalCode => "u",
            Self::CodeAlso => "a",
            Self::Note => "n",
            Self::SeventhCharacter => "s",
        }
    }

    /// The element name in CDC's tabular XML.
    pub fn xml_tag(self) -> &'static str {
        match self {
            Self::InclusionTerm => "inclusionTerm",
            Self::Includes => "includes",
            Self::Excludes1 => "excludes1",
            Self::Excludes2 => "excludes2",
            Self::CodeFirst => "codeFirst",
            Self::UseAdditionalCode => "useAdditionalCode",
            Self::CodeAlso => "codeAlso",
            Self::Note => "notes",
            Self::SeventhCharacter => "sevenChrNote",
        }
    }

    /// The heading a coder knows the note by.
    pub fn label(self) -> &'static str {
        match self {
            Self::InclusionTerm => "Inclusion terms",
            Self::Includes => "Includes",
            Self::Excludes1 => "Excludes1",
            Self::Excludes2 => "Excludes2",
            Self::CodeFirst => "Code first",
            Self::UseAdditionalCode => "Use additional code",
            Self::CodeAlso => "Code also",
            Self::Note => "Note",
            Self::SeventhCharacter => "7th character",
        }
    }

    /// The kind for an XML element name, if it is a note element.
    pub fn from_xml_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.xml_tag() == tag)
    }

    fn from_letter(letter: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.letter() == letter)
    }
}

/// Why a compact ICD-10-CM file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DataError {
    /// The first line is not an ICD-10-CM header.
    #[error("this is not Billable's ICD-10-CM data (the first line should start with {HEADER})")]
    NoHeader,
    /// A line could not be read.
    #[error("line {line} of the ICD-10-CM data is damaged: {problem}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
}

/// Parses the compact text into the code set.
pub fn parse(text: &str) -> Result<Icd10Cm, DataError> {
    let mut lines = text.lines().enumerate();
    let release = match lines.next() {
        Some((_, header)) => match header.split_once('\t') {
            Some((HEADER, release)) => release.to_string(),
            _ => return Err(DataError::NoHeader),
        },
        None => return Err(DataError::NoHeader),
    };
    let mut builder = Icd10Cm::builder(release);
    for (i, line) in lines {
        let bad = |problem: &str| DataError::BadLine {
            line: i + 1,
            problem: problem.to_string(),
        };
        let mut fields = line.splitn(3, '\t');
        let kind = fields.next().unwrap_or_default();
        let first = fields.next().ok_or_else(|| bad("too few fields"))?;
        let rest = fields.next();
        match kind {
            "C" | "B" | "D" => {
                let title = rest.ok_or_else(|| bad("an entry needs a code and a title"))?;
                let kind = match kind {
                    "C" => EntryKind::Chapter,
                    "B" => EntryKind::Block,
                    _ => EntryKind::Code,
                };
                builder
                    .entry(Entry::new(kind, first, title))
                    .map_err(|e| bad(&e))?;
            }
            "x" => {
                let mut chars = first.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    return Err(bad("a 7th character must be one character"));
                };
                let meaning = rest.ok_or_else(|| bad("a 7th character needs its meaning"))?;
                builder.seventh(c, meaning).map_err(|e| bad(&e))?;
            }
            letter => {
                let kind =
                    NoteKind::from_letter(letter).ok_or_else(|| bad("unknown record type"))?;
                let text = match rest {
                    Some(rest) => format!("{first}\t{rest}"),
                    None => first.to_string(),
                };
                builder.note(Note { kind, text }).map_err(|e| bad(&e))?;
            }
        }
    }
    Ok(builder.finish())
}
