// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::task::JoinError;
use tracing::info;

// ANCHOR: produce
async fn produce(queue: UnboundedSender<u32>) {
    for item in 1..=5 {
        // Never waits: the channel grows instead.
        queue.send(item).expect("the consumer is still there");
        info!("sent {item}");
    }
    info!("producer done");
}
// ANCHOR_END: produce

async fn consume(mut queue: UnboundedReceiver<u32>) {
    while let Some(item) = queue.recv().await {
        info!("received {item}, {} waiting", queue.len());
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    info!("consumer done");
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    init_logging();
    let (sender, receiver) = mpsc::unbounded_channel();
    let consumer = tokio::spawn(consume(receiver));
    produce(sender).await;
    consumer.await
}
// ANCHOR_END: main
// ANCHOR_END: all
