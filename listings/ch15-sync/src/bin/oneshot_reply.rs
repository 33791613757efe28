// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;
use tracing::info;

// ANCHOR: one
/// Computes in a task of its own and sends the answer, once.
fn start_slow_square(n: u64) -> oneshot::Receiver<u64> {
    let (answer, answered) = oneshot::channel();
    tokio::spawn(async move {
        sleep(Duration::from_secs(1)).await;
        // Fails only if the receiver is gone: then nobody wants the answer.
        let _ = answer.send(n * n);
    });
    answered
}
// ANCHOR_END: one

// ANCHOR: request
/// A request to the counter task, with the way back for its answer.
struct Add {
    amount: u64,
    reply: oneshot::Sender<u64>,
}

/// Owns the total; answers each request with the new total.
async fn counter(mut requests: mpsc::Receiver<Add>) {
    let mut total = 0;
    while let Some(Add { amount, reply }) = requests.recv().await {
        total += amount;
        let _ = reply.send(total);
    }
}
// ANCHOR_END: request

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    // ANCHOR: main_one
    let answered = start_slow_square(12);
    info!("asked for 12 squared");
    info!("answer: {:?}", answered.await);
    // ANCHOR_END: main_one

    // ANCHOR: main_dropped
    // A sender dropped without sending: the receiver hears of it.
    let (answer, answered) = oneshot::channel::<u64>();
    drop(answer);
    info!("no answer: {:?}", answered.await);
    // ANCHOR_END: main_dropped

    // ANCHOR: main_request
    let (requests, inbox) = mpsc::channel(8);
    tokio::spawn(counter(inbox));
    for amount in [5, 10, 20] {
        let (reply, replied) = oneshot::channel();
        requests
            .send(Add { amount, reply })
            .await
            .expect("the counter runs");
        info!(
            "added {amount}, total {}",
            replied.await.expect("the counter replies")
        );
    }
    // ANCHOR_END: main_request
}
// ANCHOR_END: all
