// ANCHOR: all
use std::hint::black_box;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinError;
use tracing::info;

/// How many of its ten chunks the CPU task has added up so far.
static CHUNKS_DONE: AtomicU32 = AtomicU32::new(0);

// ANCHOR: cpu
// No `.await` inside: once started, it keeps the thread until it returns.
async fn cpu_intensive() -> u64 {
    info!("Computing...");
    let mut sum = 0;
    // `sum(range(10**8))` in ten chunks: 0..10⁷, then 10⁷..2×10⁷, and so on.
    for chunk in 0..10_u64 {
        let numbers = chunk * 10_000_000..(chunk + 1) * 10_000_000;
        // `black_box` stops the compiler from replacing the loop with a formula.
        sum += numbers.map(black_box).sum::<u64>();
        CHUNKS_DONE.fetch_add(1, Ordering::Relaxed);
    }
    info!("Done");
    sum
}
// ANCHOR_END: cpu

// ANCHOR: hello
async fn hello() {
    let done = CHUNKS_DONE.load(Ordering::Relaxed);
    info!("Hello (the CPU task has added {done} of 10 chunks)");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}
// ANCHOR_END: hello

// ANCHOR: main
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
// ANCHOR_END: main
// ANCHOR_END: all
