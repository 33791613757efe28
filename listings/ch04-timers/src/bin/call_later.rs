// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::task::{JoinError, JoinHandle};
use tokio::time::{Instant, sleep, sleep_until};
use tracing::info;

// ANCHOR: helpers
/// `loop.call_later(delay, callback)`: a task that sleeps, then calls.
fn call_later<F>(delay: Duration, callback: F) -> JoinHandle<()>
where
    F: FnOnce() + Send + 'static,
{
    tokio::spawn(async move {
        sleep(delay).await;
        callback();
    })
}

/// `loop.call_at(when, callback)`: the same, with a deadline instead of a delay.
fn call_at<F>(when: Instant, callback: F) -> JoinHandle<()>
where
    F: FnOnce() + Send + 'static,
{
    tokio::spawn(async move {
        sleep_until(when).await;
        callback();
    })
}
// ANCHOR_END: helpers

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let start = Instant::now();

    // In [16]. The handle is dropped at once: the call still happens.
    call_later(Duration::from_secs(1), || info!("Hello World"));

    let at = call_at(start + Duration::from_millis(2500), || info!("at 2.5 s"));

    // `TimerHandle.cancel()`: abort the task before its sleep ends.
    let cancelled = call_later(Duration::from_secs(2), || info!("never printed"));
    sleep(Duration::from_millis(1500)).await;
    cancelled.abort();
    info!("cancelled the 2 s call");

    // Keep the runtime alive until the last call has happened.
    at.await
}
// ANCHOR_END: main
// ANCHOR_END: all
