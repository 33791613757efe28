// ANCHOR: all
#![deny(unused_must_use)]

use std::time::Duration;

async fn hello() {
    println!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("World");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    hello().await; // Runs it to the end
}
// ANCHOR_END: all
