// ANCHOR: all
use std::error::Error;
use std::thread;
use std::time::Duration;

use course_support::{Timer, init_logging};
use tokio::runtime::Builder;
use tokio::task::JoinError;
use tracing::info;

// ANCHOR: crunch
// A second of work that never awaits: a blocking sleep stands in for computing.
// (Chapter 5 shows where such work belongs.)
async fn crunch(name: &str) {
    info!("{name} starts");
    thread::sleep(Duration::from_secs(1));
    info!("{name} ends");
}
// ANCHOR_END: crunch

// ANCHOR: main
// What `#[tokio::main(worker_threads = 2)]` writes: a multi-thread runtime.
fn main() -> Result<(), Box<dyn Error>> {
    let runtime = Builder::new_multi_thread()
        .worker_threads(2) // The default is one per CPU core
        .enable_all()
        .build()?;
    runtime.block_on(run())?;
    Ok(())
}

async fn run() -> Result<(), JoinError> {
    init_logging();
    let _timer = Timer::start();
    info!("block_on runs this future on the thread that called it");
    let first = tokio::spawn(crunch("first"));
    // Half a second apart, so that the log lines come in one order only.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let second = tokio::spawn(crunch("second"));
    first.await?;
    second.await?;
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
