// ANCHOR: starter
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

    pub fn start_pool(sleeps: &[f64], workers: usize) -> Receiver<Done> {
        todo!("{workers} workers, jobs {sleeps:?}: two channels")
    }
}

// Runs the solution below. To run yours, write `use starter::start_pool;`
// (then `cargo test ex11` checks it).
use solution::start_pool;

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
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub fn start_pool(sleeps: &[f64], workers: usize) -> Receiver<Done> {
        let (jobs, job_receiver) = mpsc::unbounded_channel();
        let job_receiver = Arc::new(Mutex::new(job_receiver));
        // Room for a result from each worker; past that, a worker waits to report.
        let (results, result_receiver) = mpsc::channel(workers);
        for n in 1..=workers {
            // Each worker owns a clone of the results sender.
            let (jobs, results) = (job_receiver.clone(), results.clone());
            tokio::spawn(worker(format!("Worker {n}"), jobs, results));
        }
        for &sleep_for in sleeps {
            jobs.send(sleep_for).expect("the workers are still there");
        }
        // Keep no sender here (returning would drop them too; the drops say it).
        // With `jobs` gone, the workers stop once the queue is empty; with `results`
        // gone, the channel closes when the last worker stops. Either one kept
        // alive, say in a struct returned with the receiver, would make `main` wait
        // for ever.
        drop(jobs);
        drop(results);
        result_receiver
    }
}
// ANCHOR_END: solution
