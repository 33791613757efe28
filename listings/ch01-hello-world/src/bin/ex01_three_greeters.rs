// ANCHOR: starter
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

    pub async fn three_greeters() {
        todo!("spawn the three greetings, then wait for every one of them")
    }
}

// Runs the solution below. To run yours, write `use starter::three_greeters;`
// (then `cargo test ex01` checks it).
use solution::three_greeters;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let _timer = Timer::start();
    three_greeters().await;
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn three_greeters() {
        // `greet` borrows its name, so each task gets a `&'static str`: a spawned
        // task may outlive this function, so it may borrow only what lives for ever.
        let tasks: Vec<_> = [("Ada", 3), ("Bob", 1), ("Cy", 2)]
            .into_iter()
            .map(|(name, seconds)| tokio::spawn(greet(name, seconds)))
            .collect();
        // Every task is running already; waiting for them in order costs nothing
        // extra.
        for task in tasks {
            task.await.expect("a greeting panicked");
        }
    }
}
// ANCHOR_END: solution
