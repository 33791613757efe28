// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::time::{sleep, timeout};
use tracing::info;

// ANCHOR: guard
/// Logs when it is dropped: a stand-in for a file to close, a lock to release, a
/// connection to hand back to its pool.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        info!("{}: guard dropped", self.0);
    }
}

/// Takes two seconds, holding a guard the whole time.
async fn work(name: &'static str) -> &'static str {
    let _guard = Guard(name);
    info!("{name}: started");
    sleep(Duration::from_secs(2)).await;
    // Never reached when the future is dropped during the sleep above.
    info!("{name}: finished");
    name
}
// ANCHOR_END: guard

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    // ANCHOR: abort
    // 1. Abort a spawned task: the runtime drops its future.
    let task = tokio::spawn(work("task"));
    sleep(Duration::from_secs(1)).await;
    task.abort();
    let error = task.await.unwrap_err();
    info!("task: {error}");
    // ANCHOR_END: abort

    // ANCHOR: others
    // ANCHOR: timeout
    // 2. A timeout drops the future it wraps when time is up.
    match timeout(Duration::from_secs(1), work("timeout")).await {
        Ok(name) => info!("{name} finished in time"),
        Err(elapsed) => info!("timeout: {elapsed}"),
    }
    // ANCHOR_END: timeout

    // ANCHOR: select
    // 3. `select!` drops every branch but the one that finished first.
    tokio::select! {
        name = work("select") => info!("{name} won"),
        () = sleep(Duration::from_secs(1)) => info!("select: the sleep won"),
    }
    // ANCHOR_END: select

    // ANCHOR: by_hand
    // 4. Or drop it yourself: a future that was never awaited never started.
    let unstarted = work("never");
    drop(unstarted);
    info!("the unawaited future was dropped without a trace");
    // ANCHOR_END: by_hand
    // ANCHOR_END: others
}
// ANCHOR_END: main
// ANCHOR_END: all
