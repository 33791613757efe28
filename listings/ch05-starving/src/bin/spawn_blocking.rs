// ANCHOR: all
use std::hint::black_box;
use std::thread;
use std::time::Duration;

use course_support::pause_clock_if_asked;
use tokio::task::JoinError;

// ANCHOR: cpu
// A plain function: it never waits, so it has no reason to be `async`.
fn cpu_intensive() -> u64 {
    let mut sum = 0;
    for chunk in 0..10_u64 {
        let numbers = chunk * 10_000_000..(chunk + 1) * 10_000_000;
        sum += numbers.map(black_box).sum::<u64>();
    }
    sum
}
// ANCHOR_END: cpu

async fn hello() {
    println!(
        "Hello from thread '{}'",
        thread::current().name().unwrap_or("?")
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("World");
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    pause_clock_if_asked();
    // Runs the sum on tokio's pool of threads for blocking work, and returns at
    // once.
    let cpu = tokio::task::spawn_blocking(|| {
        let thread = thread::current().name().unwrap_or("?").to_string();
        (cpu_intensive(), thread)
    });
    // Meanwhile the runtime's own thread stays free for the two hellos.
    tokio::join!(hello(), hello());
    let (sum, thread) = cpu.await?;
    println!("sum = {sum}, computed on thread '{thread}'");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
