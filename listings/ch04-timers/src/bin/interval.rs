// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinError;
use tokio::time::{Instant, MissedTickBehavior, interval, sleep};
use tracing::info;

// ANCHOR: ticks
/// Ticks every second, five times; handling the first tick takes 2.5 s.
async fn ticks(behavior: MissedTickBehavior, start: Instant) {
    let mut every_second = interval(Duration::from_secs(1));
    every_second.set_missed_tick_behavior(behavior);
    for n in 0..5 {
        // `tick` returns the instant the tick was due, which may be in the past.
        let due = every_second.tick().await - start;
        info!("{behavior:?}: tick {n}, due at {:.3}s", due.as_secs_f64());
        if n == 0 {
            // While this runs, nobody calls `tick`: the ticks due at 1 s and 2 s
            // are missed.
            sleep(Duration::from_millis(2500)).await;
        }
    }
}
// ANCHOR_END: ticks

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let start = Instant::now();
    // The three side by side, on one clock.
    let burst = tokio::spawn(ticks(MissedTickBehavior::Burst, start));
    let delay = tokio::spawn(ticks(MissedTickBehavior::Delay, start));
    let skip = tokio::spawn(ticks(MissedTickBehavior::Skip, start));
    burst.await?;
    delay.await?;
    skip.await
}
// ANCHOR_END: main
// ANCHOR_END: all
