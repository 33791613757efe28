// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use futures::FutureExt;
use tokio::task::{JoinError, JoinHandle};
use tokio::time::sleep;
use tracing::info;

async fn sleep_and_return() -> &'static str {
    sleep(Duration::from_secs(1)).await;
    "Hello World"
}

// ANCHOR: add_done_callback
/// `task.add_done_callback(callback)`: a follow-up task waits for the task to end,
/// however it ends, and hands the ending to the callback.
fn add_done_callback<T, F>(task: JoinHandle<T>, callback: F) -> JoinHandle<()>
where
    T: Send + 'static,
    F: FnOnce(Result<T, JoinError>) + Send + 'static,
{
    tokio::spawn(task.map(callback))
}

/// The workshop's `lambda x: print("Done: ", x.result())`.
fn report(ending: Result<&str, JoinError>) {
    match ending {
        Ok(result) => info!("Done: {result}"),
        Err(error) => info!("Done: {error}"),
    }
}
// ANCHOR_END: add_done_callback

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();

    // ANCHOR: map
    // `map` makes a new future: run the first, then the closure on its output.
    let mapped =
        tokio::spawn(sleep_and_return().map(|result| info!("map: {result}")));
    // ANCHOR_END: map

    // ANCHOR: block
    // The same with an async block: await, then call.
    let block = tokio::spawn(async {
        let result = sleep_and_return().await;
        info!("async block: {result}");
    });
    // ANCHOR_END: block

    // ANCHOR: follow_up
    // In [17], on a task that is already running.
    let task = tokio::spawn(sleep_and_return());
    let done = add_done_callback(task, report);

    // The callback also hears of a cancellation.
    let task = tokio::spawn(sleep_and_return());
    let abort = task.abort_handle(); // To cancel it once the handle has moved
    let cancelled = add_done_callback(task, report);
    sleep(Duration::from_millis(500)).await;
    abort.abort();
    // ANCHOR_END: follow_up

    mapped.await?;
    block.await?;
    done.await?;
    cancelled.await
}
// ANCHOR_END: main
// ANCHOR_END: all
