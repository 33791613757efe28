// Exercise 12 done wrong on purpose: the stream ends one attempt early, `>=` where
// `>` belongs, as a reader used to Python's `range(attempts)`, which stops before
// its end, easily writes. `cargo test /wrong/` makes sure that the exercise's check
// rejects it with the message in backoff_one_short.txt.
#![allow(unused_imports)] // What only the solution uses.

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
                // WRONG, on purpose: `>=` ends the stream at the last attempt's
                // number, before giving it.
                if attempt >= attempts {
                    return None;
                }
                sleep(wait).await;
                Some((attempt, (attempt + 1, wait * 2)))
            },
        )
    }
}

// Runs the solution below. To run yours, write `use starter::backoff;`
// (then `cargo test ex12` checks it).
use starter::backoff;

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
