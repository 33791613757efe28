// ANCHOR: all
use std::time::Duration;

use ch18_ecosystem::remind_after;
use tokio::time::{Instant, timeout};

// ANCHOR: plain
/// `#[tokio::test]` starts a current-thread runtime for this one test.
#[tokio::test]
async fn the_reminder_says_what_to_do() {
    let text = remind_after(Duration::ZERO, "stretch").await;
    assert_eq!(text, "Reminder: stretch");
}
// ANCHOR_END: plain

// ANCHOR: paused
const HOUR: Duration = Duration::from_secs(3600);

/// On a paused clock, the hour passes as soon as nothing else is left to do.
#[tokio::test(start_paused = true)]
async fn an_hour_passes_in_no_time() {
    let real = std::time::Instant::now();
    let start = Instant::now();

    let text = remind_after(HOUR, "stretch").await;

    assert_eq!(text, "Reminder: stretch");
    // tokio's clock says exactly an hour went by...
    assert_eq!(start.elapsed(), HOUR);
    // ...while the real one says it took less than a second.
    assert!(real.elapsed() < Duration::from_secs(1));
}

/// Timeouts can be tested the same way, without waiting for them.
#[tokio::test(start_paused = true)]
async fn a_half_hour_timeout_gives_up_first() {
    let start = Instant::now();
    let result = timeout(HOUR / 2, remind_after(HOUR, "stretch")).await;
    assert!(result.is_err());
    assert_eq!(start.elapsed(), HOUR / 2);
}
// ANCHOR_END: paused
// ANCHOR_END: all
