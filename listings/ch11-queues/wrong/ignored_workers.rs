// Exercise 11 done wrong on purpose: three `spawn` lines for three workers, as the
// first crew has, and the `workers` parameter left unread (rustc warns: unused
// variable). It passed the check while `main` ran one crew of three. `cargo test
// /wrong/` makes sure that the exercise's check rejects it with the message in
// ignored_workers.txt.
// rustc warns of `workers`, unused, as it warns you (the check makes sure of it); only
// CI's clippy, run with `-D warnings`, is told to let it be.
#![cfg_attr(clippy, allow(unused_variables))]
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

    // WRONG, on purpose: three workers, spelled out, whatever `workers` says.
    pub fn start_pool(sleeps: &[f64], workers: usize) -> Receiver<Done> {
        let (jobs, job_receiver) = mpsc::unbounded_channel();
        let job_receiver = Arc::new(Mutex::new(job_receiver));
        let (results, result_receiver) = mpsc::channel(3);
        tokio::spawn(worker(
            "Worker 1".into(),
            job_receiver.clone(),
            results.clone(),
        ));
        tokio::spawn(worker(
            "Worker 2".into(),
            job_receiver.clone(),
            results.clone(),
        ));
        tokio::spawn(worker("Worker 3".into(), job_receiver, results));
        for &sleep_for in sleeps {
            jobs.send(sleep_for).expect("the workers are still there");
        }
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
