// ANCHOR: all
use std::thread;
use std::time::Duration;

use course_support::{Timer, init_logging};
use tokio::task::JoinError;
use tracing::info;

// ANCHOR: hello
// `async` in the signature, but a blocking call in the body.
async fn hello() {
    info!("Hello");
    thread::sleep(Duration::from_secs(1)); // Blocks the thread, and every task on it
    info!("World");
}
// ANCHOR_END: hello

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let _timer = Timer::start();
    let first = tokio::spawn(hello());
    let second = tokio::spawn(hello());
    first.await?;
    second.await?;
    Ok(())
}
// ANCHOR_END: all
