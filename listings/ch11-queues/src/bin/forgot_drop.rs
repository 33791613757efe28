// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::task::JoinSet;
use tokio::time::timeout;
use tracing::info;

async fn worker(name: &str, queue: Arc<Mutex<UnboundedReceiver<f64>>>) {
    loop {
        let next = queue.lock().await.recv().await;
        let Some(sleep_for) = next else { break };
        tokio::time::sleep(Duration::from_secs_f64(sleep_for)).await;
        info!("{name} has slept for {sleep_for:.2} seconds");
    }
}

// ANCHOR: main
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
    // Forgotten: `drop(queue)`. The channel stays open, so the workers wait for
    // more.
    match timeout(Duration::from_secs(5), workers.join_all()).await {
        Ok(_) => info!("all workers are done"),
        // Timing out dropped the `JoinSet`, which aborts its tasks.
        Err(_) => info!("the workers are still waiting: `queue` is still alive"),
    }
}
// ANCHOR_END: main
// ANCHOR_END: all
