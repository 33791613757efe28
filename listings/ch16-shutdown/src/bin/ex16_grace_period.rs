// ANCHOR: starter
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

    pub async fn shut_down(
        workers: &mut JoinSet<()>,
        token: &CancellationToken,
        grace: Duration,
    ) -> (usize, usize) {
        todo!(
            "cancel {token:?}; join the {} ending within {grace:?}; abort the rest",
            workers.len()
        )
    }
}

// Runs the solution below. To run yours, write `use starter::shut_down;`
// (then `cargo test ex16` checks it).
use solution::shut_down;

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
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn shut_down(
        workers: &mut JoinSet<()>,
        token: &CancellationToken,
        grace: Duration,
    ) -> (usize, usize) {
        // Ask first: every worker holds a clone of this token.
        token.cancel();
        // Then collect the workers as they end, for `grace` at most. When time is
        // up, `timeout` drops the loop's future, and with it a pending `join_next`,
        // which is cancel safe: no result is lost, the task stays in the set.
        let mut stopped = 0;
        let _ = timeout(grace, async {
            while workers.join_next().await.is_some() {
                stopped += 1;
            }
        })
        .await;
        // Whatever is left did not stop in time: abort it, and wait until it is
        // gone.
        let aborted = workers.len();
        workers.shutdown().await;
        (stopped, aborted)
    }
}
// ANCHOR_END: solution
