// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinError;
use tokio::time::{sleep, timeout};
use tracing::info;

async fn sleep_and_return() -> &'static str {
    info!("sleep_and_return starts");
    sleep(Duration::from_secs(1)).await;
    info!("sleep_and_return ends");
    "Hello World"
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();

    // ANCHOR: in_time
    // In [18]: done within 1.5 s, so the result comes back in `Ok`.
    let result = timeout(Duration::from_millis(1500), sleep_and_return()).await;
    info!("{result:?}");
    // ANCHOR_END: in_time

    // ANCHOR: elapsed
    // Too slow: `timeout` drops the future at the deadline, so it never ends.
    match timeout(Duration::from_millis(500), sleep_and_return()).await {
        Ok(result) => info!("result: {result}"),
        Err(elapsed) => info!("error: {elapsed}"),
    }
    // ANCHOR_END: elapsed

    // ANCHOR: handle
    // A `JoinHandle` is a future too, but giving up on it does not stop its task:
    // after the timeout, the task runs on. `&mut` keeps the handle for later.
    let mut task = tokio::spawn(sleep_and_return());
    if let Err(elapsed) = timeout(Duration::from_millis(500), &mut task).await {
        info!("error: {elapsed}; finished? {}", task.is_finished());
    }
    let result = task.await?;
    info!("the task ended all the same: {result}");
    // ANCHOR_END: handle
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
