//! The pure core: lesson types, knowledge-check grading, the progress model, its saved
//! format and backups. Nothing here touches the browser, storage or a clock.

/// Lets an enum with `to_text(self) -> &'static str` and
/// `from_text(&str) -> Option<Self>` be serialised as that text (with
/// `#[serde(try_from = "String", into = "&'static str")]` on the enum).
macro_rules! text_enum_serde {
    ($ty:ty, $to_text:ident, $from_text:ident, $what:literal) => {
        impl From<$ty> for &'static str {
            fn from(value: $ty) -> Self {
                value.$to_text()
            }
        }

        impl TryFrom<String> for $ty {
            type Error = String;

            fn try_from(text: String) -> Result<Self, Self::Error> {
                <$ty>::$from_text(&text)
                    .ok_or_else(|| format!(concat!("unknown ", $what, " {:?}"), text))
            }
        }
    };
}
pub(crate) use text_enum_serde;

pub mod active_time;
pub mod assignments;
pub mod backup;
pub mod charts;
pub mod checks;
pub mod claim_progress;
pub mod claims;
pub mod codes;
pub mod dates;
pub mod exam_progress;
pub mod exam_sections;
pub mod exams;
pub mod flashcards;
pub mod lesson;
pub mod lesson_index;
pub mod lesson_search;
pub mod npi;
pub mod progress;
pub mod saved;
pub mod slug;
pub mod tracks;
