//! The saved envelope: encoding, migrations, and what happens to bad values.

use billable::domain::progress::{LessonProgress, Progress, Score};
use billable::domain::saved::{DecodeError, LoadPlan, PROGRESS_FORMAT, decode, encode, plan_load};

/// A predicate on the error a case must produce.
type Expect = dyn Fn(&DecodeError) -> bool;

fn sample_progress() -> Progress {
    let mut p = Progress::default();
    let score = Score {
        correct: 3,
        total: 4,
        at: 1_795_400_000_000,
    };
    p.lessons.insert(
        "billing/life-of-a-claim".into(),
        LessonProgress {
            answers: [(0, vec![1]), (1, vec![0, 2])].into(),
            best: Some(score),
            last: Some(score),
            attempts: 1,
            spent_ms: 0,
        },
    );
    p
}

#[test]
fn round_trips_in_the_current_format() {
    let p = sample_progress();
    let raw = encode(&p);
    assert!(
        raw.starts_with(&format!("{{\"format\":{PROGRESS_FORMAT},")),
        "{raw}"
    );
    let decoded = decode(&raw).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded.progress, p);
    assert_eq!(decoded.migrated_from, None);
}

#[test]
fn migrates_format_1() {
    let v1 = r#"{"format":1,"lessons":{
        "billing/03-life-of-a-claim":{"answers":{"0":[1]},"attempts":0},
        "icd-10-cm/01-structure":{"best":{"correct":2,"total":4,"at":5},"last":{"correct":2,"total":4,"at":5},"attempts":1},
        "icd-10-cm/07-structure":{"attempts":0},
        "anatomy/no-number":{"attempts":0}
    }}"#;
    let decoded = decode(v1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded.migrated_from, Some(1));
    let keys: Vec<&str> = decoded
        .progress
        .lessons
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "anatomy/no-number",
            "billing/life-of-a-claim",
            "icd-10-cm/structure"
        ]
    );
    // Two stems collapsed to one key: the one with finished attempts wins.
    assert_eq!(decoded.progress.lessons["icd-10-cm/structure"].attempts, 1);
    assert_eq!(
        decoded.progress.lessons["billing/life-of-a-claim"].answers[&0],
        vec![1]
    );
    // A migrated value re-encodes in the current format and reads back unchanged.
    assert_eq!(
        decode(&encode(&decoded.progress)).map(|d| d.progress),
        Ok(decoded.progress)
    );
}

#[test]
fn refuses_what_it_cannot_read() {
    let not_json = |e: &DecodeError| matches!(e, DecodeError::NotJson(_));
    let invalid = |e: &DecodeError| matches!(e, DecodeError::Invalid { .. });
    let cases: [(&str, &Expect); 10] = [
        ("{not json", &not_json),
        ("", &not_json),
        ("[1,2]", &|e| *e == DecodeError::NoFormat),
        ("{\"lessons\":{}}", &|e| *e == DecodeError::NoFormat),
        ("{\"format\":\"2\"}", &|e| *e == DecodeError::NoFormat),
        ("{\"format\":99,\"lessons\":{}}", &|e| {
            *e == DecodeError::NewerFormat { found: 99 }
        }),
        ("{\"format\":0}", &invalid),
        ("{\"format\":2,\"lessons\":[]}", &invalid),
        ("{\"format\":1,\"lessons\":7}", &invalid),
        (
            "{\"format\":2,\"lessons\":{\"a/b\":{\"best\":{\"correct\":5,\"total\":4,\"at\":0}}}}",
            &invalid,
        ),
    ];
    for (raw, expected) in cases {
        match decode(raw) {
            Ok(d) => panic!("{raw:?} decoded to {d:?}"),
            Err(e) => assert!(expected(&e), "{raw:?} gave {e:?}"),
        }
    }
}

#[test]
fn errors_explain_themselves() {
    let message = decode("{\"format\":99}")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("newer version of Billable"), "{message}");
}

#[test]
fn plans_the_load() {
    assert_eq!(plan_load(None), LoadPlan::Fresh);
    let raw = encode(&sample_progress());
    assert!(matches!(plan_load(Some(&raw)), LoadPlan::Use(d) if d.progress == sample_progress()));
    for bad in ["{oops", "{\"format\":3}"] {
        match plan_load(Some(bad)) {
            LoadPlan::Quarantine { raw, .. } => {
                assert_eq!(raw, bad, "the value is kept byte for byte")
            }
            other => panic!("{bad:?} should be quarantined, got {other:?}"),
        }
    }
}
