// Exercise 12 done wrong on purpose: the wait is `std::thread::sleep`, which a
// reader finds first in std, as Python's `time.sleep` is the sleep at hand; it
// compiles in an async block, and blocks the thread. `cargo test /wrong/` makes
// sure that the exercise's check rejects it with the message in
// backoff_thread_sleep.txt.
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
                if attempt > attempts {
                    return None;
                }
                // WRONG, on purpose: a blocking sleep, which holds the thread (and
                // with it every task on it) and is no part of the future.
                std::thread::sleep(wait);
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
