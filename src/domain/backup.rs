//! Backup files: all saved data areas in one JSON file, validated before import, with
//! a preview of what an import would change.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

use super::dates::format_date;
use super::lesson::LessonInfo;
use super::progress::Progress;
use super::saved::{self, DecodeError, Envelope};

/// The backup file format this build writes.
pub const BACKUP_FORMAT: u64 = 1;
/// The `kind` field that marks a file as a Billable backup.
pub const BACKUP_KIND: &str = "billable-backup";
/// Imports larger than this are refused before the file is read.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

/// Why a file cannot be imported. Nothing is changed when any of these is returned.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackupError {
    /// The file is over the size limit.
    #[error("the file is {} KB; backups over 5 MB are refused. Choose a Billable backup file (they are a few KB)", .0 / 1024)]
    TooLarge(u64),
    /// The file is not JSON.
    #[error("the file is not valid JSON ({0}). Choose a file saved with \"Download backup\"")]
    NotJson(String),
    /// JSON, but not a Billable backup.
    #[error("this JSON file is not a Billable backup (it has no \"kind\": \"{BACKUP_KIND}\")")]
    NotABackup,
    /// Written by a newer Billable.
    #[error(
        "the backup is in format {0}, from a newer version of Billable; this version reads format {BACKUP_FORMAT}"
    )]
    NewerFormat(u64),
    /// The backup's progress section cannot be used.
    #[error("the backup's progress cannot be read: {0}")]
    Progress(DecodeError),
}

/// A validated backup, ready to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// When it was exported, in ms since the Unix epoch.
    pub exported_at: u64,
    /// The progress it holds, migrated to the current model.
    pub progress: Progress,
}

/// A backup file as written.
#[derive(Serialize)]
struct BackupOut<'a> {
    kind: &'static str,
    format: u64,
    exported_at: u64,
    progress: Envelope<'a>,
}

/// A backup file as read: every field optional, so a missing one gets its own message.
/// The progress stays raw text until the saved-format decoder reads it.
#[derive(Deserialize)]
struct BackupIn {
    kind: Option<String>,
    format: Option<u64>,
    exported_at: Option<u64>,
    progress: Option<Box<RawValue>>,
}

/// Writes a backup of `progress` taken at `now` (ms since the Unix epoch).
pub fn encode_backup(progress: &Progress, now: u64) -> String {
    let file = BackupOut {
        kind: BACKUP_KIND,
        format: BACKUP_FORMAT,
        exported_at: now,
        progress: Envelope::new(progress),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The file name offered for a backup taken at `now`.
pub fn backup_file_name(now: u64) -> String {
    format!("billable-backup-{}.json", format_date(now))
}

/// Validates a backup file's text.
pub fn decode_backup(text: &str) -> Result<Backup, BackupError> {
    let size = text.len() as u64;
    if size > MAX_IMPORT_BYTES {
        return Err(BackupError::TooLarge(size));
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| BackupError::NotJson(e.to_string()))?;
    let file: BackupIn = serde_json::from_str(text).map_err(|_| BackupError::NotABackup)?;
    if file.kind.as_deref() != Some(BACKUP_KIND) {
        return Err(BackupError::NotABackup);
    }
    let format = file.format.unwrap_or(0);
    if format > BACKUP_FORMAT {
        return Err(BackupError::NewerFormat(format));
    }
    let progress = file
        .progress
        .ok_or(BackupError::Progress(DecodeError::NoFormat))?;
    let decoded = saved::decode(progress.get()).map_err(BackupError::Progress)?;
    Ok(Backup {
        exported_at: file.exported_at.unwrap_or(0),
        progress: decoded.progress,
    })
}

/// What importing a backup would change, in terms a learner recognises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// Lessons completed now.
    pub completed_now: usize,
    /// Lessons completed after the import.
    pub completed_after: usize,
    /// Titles of lessons the backup has completed that are not completed now.
    pub gained: Vec<String>,
    /// Titles of lessons completed now that the backup does not have completed.
    pub lost: Vec<String>,
    /// True when the import changes nothing at all.
    pub identical: bool,
}

/// Compares current progress with a backup's, over the lessons that exist.
pub fn preview_import(
    lessons: &[LessonInfo],
    current: &Progress,
    incoming: &Progress,
) -> ImportPreview {
    let titles = |have: &Progress, lack: &Progress| -> Vec<String> {
        lessons
            .iter()
            .filter(|l| have.is_complete(&l.id) && !lack.is_complete(&l.id))
            .map(|l| l.title.clone())
            .collect()
    };
    ImportPreview {
        completed_now: current.completed_count(lessons),
        completed_after: incoming.completed_count(lessons),
        gained: titles(incoming, current),
        lost: titles(current, incoming),
        identical: current == incoming,
    }
}
