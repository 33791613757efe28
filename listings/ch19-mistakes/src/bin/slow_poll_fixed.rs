// ANCHOR: all
use std::time::Duration;

use course_support::spawn_watched;

// ANCHOR: hello
async fn hello() {
    tracing::info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await; // Gives the thread back
    tracing::info!("World");
}
// ANCHOR_END: hello

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::init_logging();
    let first = spawn_watched("first", hello());
    let second = spawn_watched("second", hello());
    first.await.unwrap();
    second.await.unwrap();
}
// ANCHOR_END: all
