// ANCHOR: all
#![deny(unused_must_use)] // Without this line: only a warning, nothing prints.

use std::time::Duration;

async fn hello() {
    println!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("World");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    hello(); // Creates the future, then drops it unpolled
}
// ANCHOR_END: all
