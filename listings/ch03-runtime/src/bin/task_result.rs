// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinError;
use tokio::time::sleep;
use tracing::info;

// ANCHOR: sleep_and_return
async fn sleep_and_return() -> &'static str {
    sleep(Duration::from_secs(1)).await;
    "Hello World"
}
// ANCHOR_END: sleep_and_return

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    // In [13]: hand the future to the runtime. It starts once `main` waits at an
    // `.await`.
    let task = tokio::spawn(sleep_and_return());
    info!("finished? {}", task.is_finished());

    // The notebook's reader takes a moment before the next cell; so do we.
    sleep(Duration::from_secs(2)).await;

    // In [14]: `done()`
    info!("finished? {}", task.is_finished());

    // In [15]: `result()`. Awaiting the handle gives back what the task returned,
    // or the `JoinError` that says why it never will.
    let result = task.await?;
    info!("result: {result:?}");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
