// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::sleep;
use tracing::info;

/// Receives every message it can, taking `pause` over each one.
async fn listen(
    name: &'static str,
    mut messages: broadcast::Receiver<u32>,
    pause: Duration,
) {
    loop {
        match messages.recv().await {
            Ok(n) => {
                info!("{name} got {n}");
                sleep(pause).await;
            }
            // The channel kept only its latest messages: this receiver missed some,
            // and goes on with the oldest one kept.
            Err(RecvError::Lagged(missed)) => info!("{name} missed {missed}"),
            // Every sender is gone and every message read.
            Err(RecvError::Closed) => break,
        }
    }
    info!("{name}: closed");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // Room for 2 messages that some receiver has not read yet.
    let (sender, fast) = broadcast::channel(2);
    // Each receiver gets its own copy of every message sent after it subscribed.
    let slow = sender.subscribe();
    let fast = tokio::spawn(listen("fast", fast, Duration::from_millis(100)));
    let slow = tokio::spawn(listen("slow", slow, Duration::from_secs(1)));
    for n in 1..=5 {
        sleep(Duration::from_millis(300)).await;
        sender.send(n).expect("someone listens");
    }
    drop(sender);
    let _ = tokio::join!(fast, slow);
}
// ANCHOR_END: all
