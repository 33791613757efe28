// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::task::JoinSet;
use tracing::info;

// ANCHOR: program
// ANCHOR: worker
/// Takes sleeps from the queue and sleeps them, until the queue is closed and empty.
async fn worker(name: &str, queue: Arc<Mutex<UnboundedReceiver<f64>>>) {
    loop {
        // ANCHOR: take
        // Lock the shared receiver just long enough to take one item.
        let next = queue.lock().await.recv().await;
        // ANCHOR_END: take
        // `None`: every sender is gone and the queue is empty, so no work will come.
        let Some(sleep_for) = next else { break };
        tokio::time::sleep(Duration::from_secs_f64(sleep_for)).await;
        info!("{name} has slept for {sleep_for:.2} seconds");
    }
}
// ANCHOR_END: worker

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let (queue, receiver) = mpsc::unbounded_channel();
    // One receiver for two workers: they share it behind a lock.
    let receiver = Arc::new(Mutex::new(receiver));
    let mut workers = JoinSet::new();
    workers.spawn(worker("Worker 1", receiver.clone()));
    workers.spawn(worker("Worker 2", receiver));

    // `send` on an unbounded channel never waits, like `put_nowait`.
    for sleep_for in [1.0, 0.5, 0.75] {
        queue.send(sleep_for).expect("the workers are still there");
    }
    // No more work: close the queue, and wait until the workers have emptied it.
    drop(queue);
    workers.join_all().await;
    info!("all workers are done");
}
// ANCHOR_END: main
// ANCHOR_END: program
// ANCHOR_END: all
