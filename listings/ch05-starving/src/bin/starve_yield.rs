// ANCHOR: all
use std::hint::black_box;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinError;
use tracing::info;

static CHUNKS_DONE: AtomicU32 = AtomicU32::new(0);

// ANCHOR: cpu
async fn cpu_intensive() -> u64 {
    info!("Computing...");
    let mut sum = 0;
    for chunk in 0..10_u64 {
        let numbers = chunk * 10_000_000..(chunk + 1) * 10_000_000;
        sum += numbers.map(black_box).sum::<u64>();
        CHUNKS_DONE.fetch_add(1, Ordering::Relaxed);
        // Give the thread back, so that other ready tasks may run before this one
        // goes on.
        tokio::task::yield_now().await;
    }
    info!("Done");
    sum
}
// ANCHOR_END: cpu

async fn hello() {
    let done = CHUNKS_DONE.load(Ordering::Relaxed);
    info!("Hello (the CPU task has added {done} of 10 chunks)");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let cpu = tokio::spawn(cpu_intensive());
    let first = tokio::spawn(hello());
    let second = tokio::spawn(hello());
    let sum = cpu.await?;
    first.await?;
    second.await?;
    println!("sum = {sum}");
    Ok(())
}
// ANCHOR_END: all
