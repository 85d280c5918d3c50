//! Money as whole cents, so adding up a claim never loses a penny to floating point.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in cents; may be negative (an adjustment that gives money back).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    /// Zero dollars.
    pub const ZERO: Cents = Cents(0);

    /// Reads `125`, `125.5`, `125.00` or `$1,250.00`; `None` for anything else,
    /// including more than two decimals.
    pub fn parse(text: &str) -> Option<Cents> {
        let t = text.trim().trim_start_matches('$').replace(',', "");
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, t),
        };
        let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 2
            || whole.len() > 12
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let frac: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let cents = whole * 100 + frac;
        Some(Cents(if negative { -cents } else { cents }))
    }

    /// `percent` of this amount, rounded to the nearest cent (halves away from zero).
    pub fn percent(self, percent: u32) -> Cents {
        let scaled = self.0 * i64::from(percent);
        Cents((scaled + scaled.signum() * 50) / 100)
    }
}

impl fmt::Display for Cents {
    /// `1250.00`, or `-3.05`: the form and the 837P both write money this way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0 + other.0)
    }
}

impl std::ops::Sub for Cents {
    type Output = Cents;
    fn sub(self, other: Cents) -> Cents {
        Cents(self.0 - other.0)
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        Cents(iter.map(|c| c.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<i64>) {
        assert_eq!(Cents::parse(text).map(|c| c.0), expected, "{text}");
    }

    #[test]
    fn parses_amounts() {
        check("125.00", Some(12_500));
        check("125", Some(12_500));
        check("$1,250.5", Some(125_050));
        check("0.07", Some(7));
        check("-3.05", Some(-305));
        check("1.234", None);
        check("12a", None);
        check("", None);
        check(".", None);
    }

    #[test]
    fn displays_and_rounds() {
        assert_eq!(Cents(125_050).to_string(), "1250.50");
        assert_eq!(Cents(-305).to_string(), "-3.05");
        assert_eq!(Cents(10_001).percent(20), Cents(2_000));
        assert_eq!(Cents(10_003).percent(20), Cents(2_001));
    }
}
