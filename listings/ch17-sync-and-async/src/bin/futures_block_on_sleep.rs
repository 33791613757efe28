// ANCHOR: all
use std::time::Duration;

async fn answer() -> u32 {
    // A tokio timer: it needs the timer of a tokio runtime.
    tokio::time::sleep(Duration::from_millis(100)).await;
    42
}

fn main() {
    println!("Waiting for the answer");
    let value = futures::executor::block_on(answer());
    println!("answer: {value}");
}
// ANCHOR_END: all
