// ANCHOR: all
use std::time::Duration;

use course_support::spawn_watched;

// ANCHOR: hello
#[expect(
    clippy::disallowed_methods,
    reason = "the blocking call this listing shows"
)]
async fn hello() {
    tracing::info!("Hello");
    std::thread::sleep(Duration::from_secs(1)); // Holds the only thread for a second
    tracing::info!("World");
}
// ANCHOR_END: hello

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::init_logging();
    // `tokio::spawn`, plus a stopwatch around each poll of the task.
    let first = spawn_watched("first", hello());
    let second = spawn_watched("second", hello());
    first.await.unwrap();
    second.await.unwrap();
}
// ANCHOR_END: main
// ANCHOR_END: all
