// ANCHOR: all
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use course_support::init_logging;
use tokio::time::timeout;
use tracing::info;

const LIMIT: Duration = Duration::from_millis(130);

/// One step of work that keeps the thread busy for 50 ms (`thread::sleep` stands for
/// CPU work), counted in `steps`.
#[expect(clippy::disallowed_methods, reason = "work that holds its thread")]
fn step(steps: &AtomicU32) {
    std::thread::sleep(Duration::from_millis(50));
    steps.fetch_add(1, Ordering::Relaxed);
}

/// Five steps, and never an `.await`.
async fn crunch(steps: &AtomicU32) {
    for _ in 0..5 {
        step(steps);
    }
}

/// Five steps, yielding to the runtime after each.
async fn crunch_yielding(steps: &AtomicU32) {
    for _ in 0..5 {
        step(steps);
        tokio::task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    // ANCHOR: never_yields
    // `timeout` polls `crunch` once, and looks at its deadline only after that
    // poll, when all five steps are done.
    let steps = AtomicU32::new(0);
    let result = timeout(LIMIT, crunch(&steps)).await;
    info!(
        "never yields: {result:?}; all 5 steps done: {}",
        steps.into_inner() == 5
    );
    // ANCHOR_END: never_yields

    // ANCHOR: yields
    // Polled again after each step, `timeout` sees the deadline pass and gives up.
    let steps = AtomicU32::new(0);
    let result = timeout(LIMIT, crunch_yielding(&steps)).await;
    info!(
        "yields: {result:?}; all 5 steps done: {}",
        steps.into_inner() == 5
    );
    // ANCHOR_END: yields

    // ANCHOR: blocking
    // On the blocking pool: the wait gives up in time, but the work runs on.
    let steps = Arc::new(AtomicU32::new(0));
    let counted = Arc::clone(&steps);
    let mut work = tokio::task::spawn_blocking(move || {
        for _ in 0..5 {
            step(&counted);
        }
    });
    if let Err(elapsed) = timeout(LIMIT, &mut work).await {
        info!("on the blocking pool: {elapsed}");
        work.await.unwrap();
        info!(
            "the blocking work ran on: {} steps",
            steps.load(Ordering::Relaxed)
        );
    }
    // ANCHOR_END: blocking
}
// ANCHOR_END: all
