// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::init_logging;
use tokio::time::{interval, sleep};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::info;

// ANCHOR: connection
/// Serves a client that makes `requests` requests, one every 100 ms after the last
/// answer; each answer takes 500 ms. The token is checked between requests only.
async fn connection(id: u32, requests: u32, token: CancellationToken) {
    let mut answered = 0;
    while answered < requests {
        tokio::select! {
            () = token.cancelled() => {
                info!("connection {id}: closed for shutdown, {answered} answered");
                return;
            }
            // The next request has come.
            () = sleep(Duration::from_millis(100)) => {}
        }
        sleep(Duration::from_millis(500)).await; // Answering it.
        answered += 1;
    }
    info!("connection {id}: the client left, {answered} answered");
}
// ANCHOR_END: connection

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let tracker = TaskTracker::new();
    let token = CancellationToken::new();

    // A new client every 400 ms, until the shutdown signal: a timer stands for
    // `ctrl_c()` here. The first client makes one request, the others four.
    let mut shutdown = pin!(sleep(Duration::from_millis(1250)));
    let mut clients = (1..).zip([1, 4, 4, 4]);
    let mut accept = interval(Duration::from_millis(400));
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            _ = accept.tick() => {
                let Some((id, requests)) = clients.next() else { continue };
                tracker.spawn(connection(id, requests, token.clone()));
                info!("connection {id}: accepted, {} tracked", tracker.len());
            }
        }
    }

    info!("shutting down, {} connections open", tracker.len());
    tracker.close(); // From now on, `wait` ends as soon as no task is left...
    token.cancel(); // ...and this asks every connection to finish.
    tracker.wait().await;
    info!("every connection is closed");
}
// ANCHOR_END: main
// ANCHOR_END: all
