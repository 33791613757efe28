// Exercise 1 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in three_greeters.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::time::Duration;

use course_support::{Timer, init_logging};
use tracing::info;

/// Says Hello, waits `seconds`, says World, with its name on both lines.
async fn greet(name: &str, seconds: u64) {
    info!("Hello from {name}");
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    info!("World from {name}");
}

/// Your part: run `greet("Ada", 3)`, `greet("Bob", 1)` and `greet("Cy", 2)` at the
/// same time, and return when all three are done: three seconds in all, not six.
#[allow(dead_code, unused_imports)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: each greeting is spawned, then awaited before the next one
    // is spawned, so they run one after the other.
    pub async fn three_greeters() {
        for (name, seconds) in [("Ada", 3), ("Bob", 1), ("Cy", 2)] {
            tokio::spawn(greet(name, seconds))
                .await
                .expect("a greeting panicked");
        }
    }
}

// Runs the solution below. To run yours, write `use starter::three_greeters;`
// (then `cargo test ex01` checks it).
use starter::three_greeters;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let _timer = Timer::start();
    three_greeters().await;
}
