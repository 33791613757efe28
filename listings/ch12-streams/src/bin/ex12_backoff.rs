// ANCHOR: starter
use std::pin::pin;
use std::time::Duration;

use course_support::init_logging;
use futures::stream::{self, Stream, StreamExt};
use tokio::time::sleep;
use tracing::info;

/// Your part: a stream of retry attempts, numbered from 1 to `attempts`. It waits
/// 100 ms before attempt 1, and twice as long before each attempt after that.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    pub fn backoff(attempts: u32) -> impl Stream<Item = u32> {
        // The state: the number of the next attempt, and the wait before it.
        stream::unfold(
            (1, Duration::from_millis(100)),
            move |(attempt, wait)| async move {
                todo!(
                    "attempt {attempt} of {attempts}: end, or wait {wait:?}, yield"
                )
            },
        )
    }
}

// Runs the solution below. To run yours, write `use starter::backoff;`
// (then `cargo test ex12` checks it).
use solution::backoff;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let mut attempts = pin!(backoff(4));
    // Python's `async for attempt in backoff(4):`
    while let Some(attempt) = attempts.next().await {
        info!("attempt {attempt}: refused");
    }
    info!("giving up");
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub fn backoff(attempts: u32) -> impl Stream<Item = u32> {
        stream::unfold(
            (1, Duration::from_millis(100)),
            move |(attempt, wait)| async move {
                // `None` ends the stream: the `while let` in `main` ends with it.
                if attempt > attempts {
                    return None;
                }
                // The wait runs only when the loop asks for the next attempt.
                sleep(wait).await;
                // The item, and the state for the next step.
                Some((attempt, (attempt + 1, wait * 2)))
            },
        )
    }
}
// ANCHOR_END: solution
