// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::mpsc::{self, Receiver, Sender};
use tokio::task::JoinError;
use tracing::info;

// ANCHOR: produce
/// Sends five items as fast as the channel takes them.
async fn produce(queue: Sender<u32>) {
    for item in 1..=5 {
        // Waits while the channel is full.
        queue.send(item).await.expect("the consumer is still there");
        info!("sent {item}");
    }
    info!("producer done");
}
// ANCHOR_END: produce

// ANCHOR: consume
/// Takes a second over each item.
async fn consume(mut queue: Receiver<u32>) {
    while let Some(item) = queue.recv().await {
        info!("received {item}, {} waiting", queue.len());
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    info!("consumer done");
}
// ANCHOR_END: consume

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    // Room for two items: a third `send` waits until the consumer takes one.
    let (sender, receiver) = mpsc::channel(2);
    let consumer = tokio::spawn(consume(receiver));
    produce(sender).await; // `produce` drops the sender when it returns.
    consumer.await
}
// ANCHOR_END: main
// ANCHOR_END: all
