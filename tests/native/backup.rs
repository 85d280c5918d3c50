//! Backup files: round trips (property-based), refusals, and the import preview.

use billable::domain::backup::{
    BACKUP_KIND, BackupError, MAX_IMPORT_BYTES, backup_file_name, decode_backup, encode_backup,
    preview_import,
};
use billable::domain::progress::{LessonProgress, Progress, Score};
use billable::domain::saved::DecodeError;
use proptest::prelude::*;

/// A predicate on the error a case must produce.
type Expect = dyn Fn(&BackupError) -> bool;

use crate::support::sample_lesson;

fn score() -> impl Strategy<Value = Score> {
    (0u32..50, 0u32..50, any::<u64>()).prop_map(|(a, b, at)| Score {
        correct: a.min(b),
        total: a.max(b),
        at,
    })
}

fn lesson_progress() -> impl Strategy<Value = LessonProgress> {
    (
        prop::collection::btree_map(0u32..20, prop::collection::vec(0u32..8, 1..4), 0..6),
        prop::option::of(score()),
        prop::option::of(score()),
        any::<u32>(),
        prop::option::of(1u64..10_000_000),
    )
        .prop_map(|(answers, best, last, attempts, spent)| LessonProgress {
            answers,
            best,
            last,
            attempts,
            spent_ms: spent.unwrap_or(0),
        })
}

fn progress() -> impl Strategy<Value = Progress> {
    prop::collection::btree_map("[a-z0-9-]{1,12}/[a-z0-9-]{1,20}", lesson_progress(), 0..8)
        .prop_map(|lessons| Progress {
            lessons,
            ..Progress::default()
        })
}

proptest! {
    #[test]
    fn backup_round_trips(p in progress(), now in 0u64..4_000_000_000_000) {
        let text = encode_backup(&p, now);
        let backup = decode_backup(&text);
        prop_assert_eq!(backup.as_ref().map(|b| (&b.progress, b.exported_at)), Ok((&p, now)));
    }

    #[test]
    fn stored_envelope_round_trips(p in progress()) {
        let raw = billable::domain::saved::encode(&p);
        prop_assert_eq!(billable::domain::saved::decode(&raw).map(|d| d.progress), Ok(p));
    }
}

#[test]
fn refuses_bad_files_with_reasons() {
    let big = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
    let not_json = |e: &BackupError| matches!(e, BackupError::NotJson(_));
    let cases: [(&str, &Expect); 7] = [
        (&big, &|e| matches!(e, BackupError::TooLarge(_))),
        ("{broken", &not_json),
        ("{\"format\":2,\"lessons\":{}}", &|e| {
            *e == BackupError::NotABackup
        }),
        ("{\"kind\":\"something-else\",\"format\":1}", &|e| {
            *e == BackupError::NotABackup
        }),
        (
            "{\"kind\":\"billable-backup\",\"format\":9,\"progress\":{}}",
            &|e| *e == BackupError::NewerFormat(9),
        ),
        ("{\"kind\":\"billable-backup\",\"format\":1}", &|e| {
            *e == BackupError::Progress(DecodeError::NoFormat)
        }),
        (
            "{\"kind\":\"billable-backup\",\"format\":1,\"progress\":{\"format\":7}}",
            &|e| *e == BackupError::Progress(DecodeError::NewerFormat { found: 7 }),
        ),
    ];
    for (text, expected) in cases {
        match decode_backup(text) {
            Ok(b) => panic!("{:?} decoded to {b:?}", &text[..text.len().min(60)]),
            Err(e) => {
                assert!(expected(&e), "{:?} gave {e:?}", &text[..text.len().min(60)]);
                assert!(!e.to_string().is_empty());
            }
        }
    }
}

#[test]
fn backups_name_their_kind_and_date() {
    let text = encode_backup(&Progress::default(), 1_795_400_000_000);
    assert!(
        text.contains(&format!("\"kind\": \"{BACKUP_KIND}\"")),
        "{text}"
    );
    assert_eq!(
        backup_file_name(1_795_400_000_000),
        "billable-backup-2026-11-23.json"
    );
}

#[test]
fn preview_names_gains_and_losses() {
    let lesson = sample_lesson();
    let lessons = vec![lesson.info.clone()];
    let empty = Progress::default();
    let mut done = Progress::default();
    for (i, pick) in [[1], [0], [0]].iter().enumerate() {
        let _ = done.answer(&lesson, i, pick, 5, 0);
    }
    let gain = preview_import(&lessons, &empty, &done);
    assert_eq!(
        (gain.completed_now, gain.completed_after, gain.identical),
        (0, 1, false)
    );
    assert_eq!(gain.gained, vec!["Sample lesson".to_string()]);
    assert!(gain.lost.is_empty());
    let loss = preview_import(&lessons, &done, &empty);
    assert_eq!(loss.lost, vec!["Sample lesson".to_string()]);
    assert!(preview_import(&lessons, &done, &done).identical);
}
