// ANCHOR: all
use std::time::Duration;

#[tokio::main] // Starts a runtime, then runs the body on it
async fn main() {
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Hello");
}
// ANCHOR_END: all
