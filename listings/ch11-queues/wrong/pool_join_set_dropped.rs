// Exercise 11 done wrong on purpose: the workers are spawned into a `JoinSet`, as
// chapter 8 taught, and the set is dropped when `start_pool` returns. A reader from
// asyncio expects the tasks to run on (an `asyncio.TaskGroup` waits for its tasks);
// a dropped `JoinSet` aborts them. `cargo test /wrong/` makes sure that the
// exercise's check rejects it with the message in pool_join_set_dropped.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Mutex;
use tokio::sync::mpsc::{self, Receiver, Sender, UnboundedReceiver};
use tracing::info;

/// What a worker reports for each job it has done.
pub struct Done {
    pub worker: String,
    pub slept: f64,
}

/// Takes sleeps from `jobs` and sleeps them, reporting each one on `results`, until
/// the queue is closed and empty. Its `results` sender is dropped when it returns.
async fn worker(
    name: String,
    jobs: Arc<Mutex<UnboundedReceiver<f64>>>,
    results: Sender<Done>,
) {
    loop {
        let next = jobs.lock().await.recv().await;
        let Some(sleep_for) = next else { break };
        tokio::time::sleep(Duration::from_secs_f64(sleep_for)).await;
        let done = Done {
            worker: name.clone(),
            slept: sleep_for,
        };
        if results.send(done).await.is_err() {
            break; // Nobody reads the results any more: stop.
        }
    }
}

/// Your part: spawn `workers` workers, named `Worker 1`, `Worker 2`..., that share
/// one queue of jobs; put `sleeps` in it; return the receiver of their results. That
/// receiver must give `None` once every worker has stopped.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;
    use tokio::task::JoinSet;

    // WRONG, on purpose: the workers are spawned into a `JoinSet` that is dropped
    // when `start_pool` returns, and dropping a `JoinSet` aborts every task in it.
    pub fn start_pool(sleeps: &[f64], workers: usize) -> Receiver<Done> {
        let (jobs, job_receiver) = mpsc::unbounded_channel();
        let job_receiver = Arc::new(Mutex::new(job_receiver));
        let (results, result_receiver) = mpsc::channel(workers);
        let mut crew = JoinSet::new();
        for n in 1..=workers {
            let (jobs, results) = (job_receiver.clone(), results.clone());
            crew.spawn(worker(format!("Worker {n}"), jobs, results));
        }
        for &sleep_for in sleeps {
            jobs.send(sleep_for).expect("the workers are still there");
        }
        drop(jobs);
        drop(results);
        result_receiver
    }
}

// Runs the solution below. To run yours, write `use starter::start_pool;`
// (then `cargo test ex11` checks it).
use starter::start_pool;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // The same jobs for two crews, one after the other: three workers, then two.
    for workers in [3, 2] {
        let mut results = start_pool(&[0.3, 0.1, 0.2, 0.4, 0.1], workers);
        // No `JoinSet` to wait on: the end of the results says the workers are done.
        while let Some(Done { worker, slept }) = results.recv().await {
            info!("{worker} of {workers} has slept for {slept:.2} seconds");
        }
        info!("no more results: all {workers} workers have stopped");
    }
}
