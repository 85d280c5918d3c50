//! The pure core: lesson types, knowledge-check grading, the progress model, its saved
//! format and backups. Nothing here touches the browser, storage or a clock.

pub mod backup;
pub mod checks;
pub mod dates;
pub mod exam_sections;
pub mod lesson;
pub mod lesson_index;
pub mod progress;
pub mod saved;
pub mod tracks;
