//! The function that chapter 17's tests check, in `tests/paused.rs`.

// ANCHOR: all
use std::time::Duration;

use tokio::time::sleep;

/// Waits for `delay`, then returns the reminder's text.
pub async fn remind_after(delay: Duration, what: &str) -> String {
    sleep(delay).await;
    format!("Reminder: {what}")
}
// ANCHOR_END: all
