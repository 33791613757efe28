// Exercise 16 done wrong on purpose: the grace period and the abort are right, but
// nobody asks the workers to stop: `token` is never cancelled, as a reader
// forgets who takes "the workers stop when they see the token" for something that
// happens at shutdown by itself. `cargo test /wrong/` makes sure that the
// exercise's check rejects it with the message in grace_never_cancelled.txt.
// rustc warns of `token`, unused, as it warns you (the check makes sure of it); only
// CI's clippy, run with `-D warnings`, is told to let it be.
#![cfg_attr(clippy, allow(unused_variables))]
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

    // WRONG, on purpose: the token is never cancelled, so no worker is asked to
    // stop: the grace period passes, and both are aborted.
    pub async fn shut_down(
        workers: &mut JoinSet<()>,
        token: &CancellationToken,
        grace: Duration,
    ) -> (usize, usize) {
        let mut stopped = 0;
        let _ = timeout(grace, async {
            while workers.join_next().await.is_some() {
                stopped += 1;
            }
        })
        .await;
        let aborted = workers.len();
        workers.shutdown().await;
        (stopped, aborted)
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
