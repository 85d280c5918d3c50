//! Timestamp formatting.

use billable::domain::dates::{format_date, format_utc};

#[test]
fn formats() {
    let cases = [
        (0, "1970-01-01 00:00 UTC"),
        (951_782_400_000, "2000-02-29 00:00 UTC"),
        (1_795_400_000_000, "2026-11-23 02:13 UTC"),
        (4_107_542_399_000, "2100-02-28 23:59 UTC"),
    ];
    for (ms, expected) in cases {
        assert_eq!(format_utc(ms), expected, "{ms}");
    }
    assert_eq!(format_date(1_795_400_000_000), "2026-11-23");
}
