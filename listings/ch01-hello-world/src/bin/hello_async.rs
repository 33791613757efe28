// ANCHOR: all
use std::time::Duration;

use course_support::{Timer, init_logging};
use tokio::task::JoinError;
use tracing::info;

// ANCHOR: hello
async fn hello() {
    info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await; // A non-blocking "I/O" call
    info!("World");
}
// ANCHOR_END: hello

// ANCHOR: main
// One thread runs every task, as asyncio's event loop does.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let _timer = Timer::start();
    // Hand both tasks to the runtime; they start as soon as `main` waits.
    let first = tokio::spawn(hello());
    let second = tokio::spawn(hello());
    // A program ends when `main` returns, so wait for both.
    first.await?;
    second.await?;
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
