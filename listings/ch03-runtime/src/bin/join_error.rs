// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::time::sleep;
use tracing::info;

async fn sleep_and_return() -> &'static str {
    sleep(Duration::from_secs(1)).await;
    "Hello World"
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    // ANCHOR: abort
    let task = tokio::spawn(sleep_and_return());
    sleep(Duration::from_millis(500)).await;
    // `task.cancel()`: ask the runtime to drop the task at its next turn.
    task.abort();
    info!("abort requested; finished? {}", task.is_finished());

    match task.await {
        Ok(result) => info!("result: {result:?}"),
        Err(error) => info!("{error} (cancelled? {})", error.is_cancelled()),
    }
    // ANCHOR_END: abort

    // ANCHOR: panic
    // A task that panics: the panic ends the task, not the program.
    let task = tokio::spawn(async {
        sleep(Duration::from_secs(1)).await;
        panic!("no quote today");
    });
    match task.await {
        Ok(()) => info!("the task ended normally"),
        Err(error) => info!("{error} (panic? {})", error.is_panic()),
    }
    // ANCHOR_END: panic
}
// ANCHOR_END: main
// ANCHOR_END: all
