// ANCHOR: all
use std::time::Duration;

async fn main() {
    tokio::time::sleep(Duration::from_secs(1)).await;
    println!("Hello");
}
// ANCHOR_END: all
