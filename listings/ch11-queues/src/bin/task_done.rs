// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::mpsc::{self, UnboundedReceiver};
use tokio::sync::{Mutex, oneshot};
use tokio::task::JoinSet;
use tracing::info;

// ANCHOR: job
/// An item of work, with the means to say it is done.
struct Job {
    sleep_for: f64,
    done: oneshot::Sender<()>,
}
// ANCHOR_END: job

// ANCHOR: worker
async fn worker(name: &str, queue: Arc<Mutex<UnboundedReceiver<Job>>>) {
    loop {
        let next = queue.lock().await.recv().await;
        let Some(job) = next else { break };
        tokio::time::sleep(Duration::from_secs_f64(job.sleep_for)).await;
        // `queue.task_done()`. Whoever waits may have given up: ignore that.
        let _ = job.done.send(());
        info!("{name} has slept for {:.2} seconds", job.sleep_for);
    }
}
// ANCHOR_END: worker

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let (queue, receiver) = mpsc::unbounded_channel();
    let receiver = Arc::new(Mutex::new(receiver));
    let mut workers = JoinSet::new();
    workers.spawn(worker("Worker 1", receiver.clone()));
    workers.spawn(worker("Worker 2", receiver));

    let mut pending = Vec::new();
    for sleep_for in [1.0, 0.5, 0.75] {
        let (done, finished) = oneshot::channel();
        queue
            .send(Job { sleep_for, done })
            .expect("the workers are still there");
        pending.push(finished);
    }
    // `await queue.join()`: wait until every job has been marked done.
    for finished in pending {
        finished.await.expect("a worker dropped a job");
    }
    info!("every job is done; the workers wait for more");

    // `[task.cancel() for task in tasks]`
    workers.abort_all();
    while let Some(ended) = workers.join_next().await {
        info!("cancelled: {}", ended.is_err_and(|err| err.is_cancelled()));
    }
}
// ANCHOR_END: main
// ANCHOR_END: all
