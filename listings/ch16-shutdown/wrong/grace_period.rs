// Exercise 16 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in grace_period.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tracing::info;

/// Works in steps of `step` until the token is cancelled. It looks at the token only
/// between steps: a step that has started is finished.
async fn worker(name: &'static str, step: Duration, token: CancellationToken) {
    let mut steps = 0;
    while !token.is_cancelled() {
        sleep(step).await;
        steps += 1;
    }
    info!("{name}: stopped after {steps} steps");
}

/// Your part: ask every worker to stop, give them `grace` to finish, then abort the
/// ones still running. Return how many stopped by themselves, and how many were
/// aborted.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: no grace period. After the token, it waits for every
    // worker, however long its step.
    pub async fn shut_down(
        workers: &mut JoinSet<()>,
        token: &CancellationToken,
        _grace: Duration,
    ) -> (usize, usize) {
        token.cancel();
        let mut stopped = 0;
        while workers.join_next().await.is_some() {
            stopped += 1;
        }
        (stopped, 0)
    }
}

// Runs the solution below. To run yours, write `use starter::shut_down;`
// (then `cargo test ex16` checks it).
use starter::shut_down;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let token = CancellationToken::new();
    let mut workers = JoinSet::new();
    // One worker with short steps, one whose steps take longer than the grace
    // period.
    for (name, step) in [("quick", 300), ("slow", 5000)] {
        workers.spawn(worker(name, Duration::from_millis(step), token.clone()));
    }
    sleep(Duration::from_secs(1)).await;
    info!("shutting down, with a grace period of 1 s");
    let (stopped, aborted) =
        shut_down(&mut workers, &token, Duration::from_secs(1)).await;
    info!("{stopped} stopped by themselves, {aborted} aborted");
}
