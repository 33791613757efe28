// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::task::JoinSet;
use tracing::info;

// ANCHOR: worker
async fn worker(name: &str, queue: Arc<Mutex<UnboundedReceiver<f64>>>) {
    // Wrong: the lock guard is a temporary of the `while let` condition, and such
    // temporaries live until the end of the loop's body, sleep included.
    while let Some(sleep_for) = queue.lock().await.recv().await {
        tokio::time::sleep(Duration::from_secs_f64(sleep_for)).await;
        info!("{name} has slept for {sleep_for:.2} seconds");
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let (queue, receiver) = mpsc::unbounded_channel();
    let receiver = Arc::new(Mutex::new(receiver));
    let mut workers = JoinSet::new();
    workers.spawn(worker("Worker 1", receiver.clone()));
    workers.spawn(worker("Worker 2", receiver));
    for sleep_for in [1.0, 0.5, 0.75] {
        queue.send(sleep_for).expect("the workers are still there");
    }
    drop(queue);
    workers.join_all().await;
    info!("all workers are done");
}
// ANCHOR_END: all
