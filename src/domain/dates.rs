//! Turning millisecond timestamps (passed in, never read from a clock) into text, and
//! reading the calendar dates a claim carries.

/// Formats milliseconds since the Unix epoch as `YYYY-MM-DD HH:MM UTC`.
pub fn format_utc(ms: u64) -> String {
    let secs = ms / 1000;
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// Formats milliseconds since the Unix epoch as a `YYYY-MM-DD` date, for file names.
pub fn format_date(ms: u64) -> String {
    let (y, m, d) = civil_from_days((ms / 86_400_000) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Converts days since 1970-01-01 to a proleptic Gregorian (year, month, day), using
/// Howard Hinnant's era-based algorithm so no calendar table is needed.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A calendar date, comparable and countable in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// The date for a year, month and day, if it exists on the calendar.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day)))
    }

    /// Reads `MM/DD/YYYY`, the form's date style.
    pub fn parse_mdy(text: &str) -> Option<Day> {
        let mut parts = text.trim().split('/');
        let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || m.len() != 2 || d.len() != 2 || y.len() != 4 {
            return None;
        }
        Day::from_ymd(digits(y)?, digits(m)? as u32, digits(d)? as u32)
    }

    /// Reads `YYYY-MM-DD`, the content files' date style.
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || m.len() != 2 || d.len() != 2 || y.len() != 4 {
            return None;
        }
        Day::from_ymd(digits(y)?, digits(m)? as u32, digits(d)? as u32)
    }

    /// The date on which `ms` (milliseconds since the Unix epoch, UTC) falls.
    pub fn from_millis(ms: u64) -> Day {
        Day((ms / 86_400_000) as i64)
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.0)
    }

    /// `MM/DD/YYYY`.
    pub fn mdy(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{m:02}/{d:02}/{y:04}")
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `CCYYMMDD`, the X12 date style.
    pub fn compact(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}{m:02}{d:02}")
    }
}

fn digits(text: &str) -> Option<i64> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date: the inverse of
/// `civil_from_days`.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod day_tests {
    use super::*;

    #[test]
    fn reads_and_writes_dates() {
        let day = Day::parse_mdy("02/29/2024").expect("a leap day");
        assert_eq!(day.iso(), "2024-02-29");
        assert_eq!(day.compact(), "20240229");
        assert_eq!(Day::parse_iso("2024-02-29"), Some(day));
        assert_eq!(Day::parse_mdy("02/29/2023"), None);
        assert_eq!(Day::parse_mdy("2/9/2023"), None);
        assert_eq!(Day::parse_mdy("13/01/2023"), None);
        assert_eq!(Day::parse_iso("1970-01-01"), Some(Day(0)));
        assert_eq!(Day::from_millis(86_400_000 * 3 + 5).iso(), "1970-01-04");
        for n in [-800_000, -1, 0, 59, 20_000, 80_000] {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
        }
    }
}
