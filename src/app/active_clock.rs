//! Counts the learner's active time on a page (`domain::active_time`): a tick every
//! five seconds, and keys, clicks and typing anywhere on the page as activity. The
//! page adds what `take` returns to its record when it saves.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::now_ms;
use crate::domain::active_time::ActiveTime;

/// The page's active-time counter.
#[derive(Clone, Copy)]
pub struct ActiveClock(StoredValue<ActiveTime>);

fn visible() -> bool {
    !document().hidden()
}

impl ActiveClock {
    /// Starts counting now; stops when the page's component is dropped.
    pub fn start() -> ActiveClock {
        let time = StoredValue::new(ActiveTime::new(now_ms()));
        if let Ok(handle) = set_interval_with_handle(
            move || time.update_value(|t| t.tick(now_ms(), visible())),
            Duration::from_secs(5),
        ) {
            on_cleanup(move || handle.clear());
        }
        let active = move || time.update_value(|t| t.activity(now_ms()));
        let keys = window_event_listener(ev::keydown, move |_| active());
        let clicks = window_event_listener(ev::pointerdown, move |_| active());
        let typing = window_event_listener(ev::input, move |_| active());
        on_cleanup(move || {
            keys.remove();
            clicks.remove();
            typing.remove();
        });
        ActiveClock(time)
    }

    /// The active ms counted since the last `take`.
    pub fn take(self) -> u64 {
        self.0
            .try_update_value(|t| t.take(now_ms(), visible()))
            .unwrap_or(0)
    }
}
