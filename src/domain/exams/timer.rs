//! The exam clock: wall-clock based, so closing the tab does not pause a timed exam.
//! Time is passed in (`now`, ms since the Unix epoch); nothing here reads a clock.

use serde::{Deserialize, Serialize};

/// When the 10-minute warning shows.
pub const WARN_MS: u64 = 10 * 60 * 1000;

/// An exam's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub started_ms: u64,
    /// The limit, or `None` for an untimed exam.
    pub limit_ms: Option<u64>,
}

impl Clock {
    /// A clock started at `now` with a limit in minutes.
    pub fn start(now: u64, minutes: Option<u32>) -> Clock {
        Clock {
            started_ms: now,
            limit_ms: minutes.map(|m| u64::from(m) * 60_000),
        }
    }

    /// Milliseconds left, or `None` when untimed. Never negative.
    pub fn remaining(&self, now: u64) -> Option<u64> {
        self.limit_ms
            .map(|limit| (self.started_ms + limit).saturating_sub(now.max(self.started_ms)))
    }

    /// True once a timed exam's time is up.
    pub fn expired(&self, now: u64) -> bool {
        self.remaining(now) == Some(0)
    }

    /// True in the last ten minutes of a timed exam, before it expires.
    pub fn warning(&self, now: u64) -> bool {
        self.remaining(now).is_some_and(|r| r > 0 && r <= WARN_MS)
    }

    /// `H:MM:SS` left, or empty when untimed.
    pub fn display(&self, now: u64) -> String {
        self.remaining(now).map_or(String::new(), |ms| {
            let s = ms.div_ceil(1000);
            format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_on_the_wall_clock() {
        let c = Clock::start(1_000, Some(30));
        assert_eq!(c.remaining(1_000), Some(1_800_000));
        assert_eq!(c.display(1_000), "0:30:00");
        assert!(!c.warning(1_000));
        // Reloaded 21 minutes later: the time passed while closed still counts.
        let later = 1_000 + 21 * 60_000;
        assert!(c.warning(later));
        assert_eq!(c.display(later), "0:09:00");
        assert!(!c.expired(later));
        assert!(c.expired(1_000 + 30 * 60_000));
        assert_eq!(c.remaining(u64::MAX), Some(0));
        // A clock set earlier than `now` never adds time.
        assert_eq!(c.remaining(0), Some(1_800_000));
        let untimed = Clock::start(5, None);
        assert!(!untimed.expired(u64::MAX) && !untimed.warning(u64::MAX));
        assert_eq!(untimed.display(9), "");
    }
}
