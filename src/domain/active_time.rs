//! Time a learner actively spends on a piece of work, for instructors' results: the
//! page counts its ticks while it is visible and the learner has pressed a key, clicked
//! or typed within the last `IDLE_MS`; a page left open overnight counts only up to
//! then. The page supplies the clock and the events, so this is pure.

/// After this long without a key, click or input, time stops counting.
pub const IDLE_MS: u64 = 120_000;

/// The active time counted since the last `take`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveTime {
    last_activity: u64,
    last_tick: u64,
    pending: u64,
}

impl ActiveTime {
    /// Starts counting at `now` (ms); opening the page counts as activity.
    pub const fn new(now: u64) -> ActiveTime {
        ActiveTime {
            last_activity: now,
            last_tick: now,
            pending: 0,
        }
    }

    /// Counts the time since the last tick that was both visible and within `IDLE_MS`
    /// of the last activity.
    pub fn tick(&mut self, now: u64, visible: bool) {
        if visible {
            let until = now.min(self.last_activity.saturating_add(IDLE_MS));
            self.pending = self
                .pending
                .saturating_add(until.saturating_sub(self.last_tick));
        }
        self.last_tick = self.last_tick.max(now);
    }

    /// The learner pressed a key, clicked or typed at `now` (on a visible page).
    pub fn activity(&mut self, now: u64) {
        self.tick(now, true);
        self.last_activity = self.last_activity.max(now);
    }

    /// The time counted so far, up to `now`, starting the count afresh.
    pub fn take(&mut self, now: u64, visible: bool) -> u64 {
        self.tick(now, visible);
        std::mem::take(&mut self.pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_work_counts_in_full() {
        let mut t = ActiveTime::new(1_000);
        for s in 1..=60 {
            t.activity(1_000 + s * 10_000);
        }
        assert_eq!(t.take(601_000, true), 600_000);
        assert_eq!(t.take(601_000, true), 0, "taken time starts afresh");
    }

    #[test]
    fn idle_time_stops_after_the_limit() {
        let mut t = ActiveTime::new(0);
        // Left open for an hour with no activity, ticking every 5 s.
        for s in 1..=720 {
            t.tick(s * 5_000, true);
        }
        assert_eq!(t.take(3_600_000, true), IDLE_MS);
        // Coming back: the gap does not count, new work does.
        t.activity(3_600_000);
        t.activity(3_630_000);
        assert_eq!(t.take(3_630_000, true), 30_000);
    }

    #[test]
    fn hidden_time_does_not_count() {
        let mut t = ActiveTime::new(0);
        t.tick(5_000, true);
        t.tick(65_000, false);
        t.activity(70_000);
        assert_eq!(t.take(70_000, true), 10_000);
    }

    #[test]
    fn a_clock_going_backwards_adds_nothing() {
        let mut t = ActiveTime::new(10_000);
        t.tick(5_000, true);
        assert_eq!(t.take(8_000, true), 0);
        t.activity(20_000);
        assert_eq!(t.take(20_000, true), 10_000);
    }
}
