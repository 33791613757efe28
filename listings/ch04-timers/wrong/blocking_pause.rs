// Exercise 4 done wrong on purpose: the pause between attempts taken with
// `std::thread::sleep`, as Python's `time.sleep` would be. The starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in blocking_pause.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::time::Duration;

use course_support::init_logging;
use tokio::time::{sleep, timeout};
use tracing::info;

/// A slow service: the first attempt takes 3 s, the second 2 s, the others 0.5 s.
async fn fetch_quote(attempt: u32) -> &'static str {
    let millis = match attempt {
        1 => 3000,
        2 => 2000,
        _ => 500,
    };
    info!("attempt {attempt} starts");
    sleep(Duration::from_millis(millis)).await;
    info!("attempt {attempt} ends");
    "Well begun is half done."
}

/// Your part: call `fetch_quote(1)`, `fetch_quote(2)`, ... up to `attempts` times,
/// giving each call `limit` and logging `attempt N: <the error>` when it runs out;
/// wait `pause` before each new attempt. Return the first quote, or `None`.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: a blocking pause, which holds the thread and every task on
    // it.
    pub async fn fetch_with_retries(
        attempts: u32,
        limit: Duration,
        pause: Duration,
    ) -> Option<&'static str> {
        for attempt in 1..=attempts {
            if attempt > 1 {
                std::thread::sleep(pause);
            }
            match timeout(limit, fetch_quote(attempt)).await {
                Ok(quote) => return Some(quote),
                Err(elapsed) => info!("attempt {attempt}: {elapsed}"),
            }
        }
        None
    }
}

// Runs the solution below. To run yours, write `use starter::fetch_with_retries;`
// (then `cargo test ex04` checks it).
use starter::fetch_with_retries;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let limit = Duration::from_secs(1);
    let pause = Duration::from_millis(500);

    let quote = fetch_with_retries(3, limit, pause).await;
    info!("three attempts: {quote:?}");

    let quote = fetch_with_retries(2, limit, pause).await;
    info!("two attempts: {quote:?}");
}
