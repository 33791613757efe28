// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::mpsc;
use tokio::time::sleep;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let (tx, rx) = mpsc::channel(16);

    // ANCHOR: producer
    tokio::spawn(async move {
        // A burst of five events, a second of quiet, then two more.
        for n in 1..=5 {
            tx.send(n).await.expect("the receiver outlives the sender");
        }
        sleep(Duration::from_secs(1)).await;
        for n in 6..=7 {
            tx.send(n).await.expect("the receiver outlives the sender");
        }
        // `tx` is dropped here, which ends the stream.
    });
    // ANCHOR_END: producer

    // ANCHOR: batches
    // The channel's receiver as a stream, cut into batches of at most three events,
    // each sent on at most 200 ms after its first event arrived.
    let mut batches =
        pin!(ReceiverStream::new(rx).chunks_timeout(3, Duration::from_millis(200)));
    while let Some(batch) = batches.next().await {
        info!("batch {batch:?}");
    }
    info!("the channel is closed");
    // ANCHOR_END: batches
}
// ANCHOR_END: all
