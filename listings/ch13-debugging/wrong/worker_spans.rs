// Exercise 13 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in worker_spans.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::time::Duration;

use tokio::task::JoinError;
use tokio::time::sleep;
use tracing::{Instrument, info, info_span, instrument};

/// One job: it takes `ms` milliseconds. Its lines carry no worker and no job number
/// of their own: they get them from the spans they run in.
async fn run_job(ms: u64) {
    info!("started");
    sleep(Duration::from_millis(ms)).await;
    info!(ms, "done");
}

/// Your part: run the jobs one after the other, so that every line says which worker
/// and which job it comes from, as in `worker{id=1}:job{n=2}: started`. The list of
/// jobs itself must not show up in the lines.
// Unused until `main` uses it (see below), and its imports until you fill it in.
#[allow(dead_code, unused_imports)]
mod starter {
    use super::*;

    // WRONG, on purpose: the job's span is entered with `enter()`, and the guard is
    // held across `.await`, while the other worker runs.
    #[instrument(skip(jobs))]
    pub async fn worker(id: u32, jobs: Vec<u64>) {
        for (n, ms) in (1..).zip(jobs) {
            let span = info_span!("job", n);
            let _guard = span.enter();
            run_job(ms).await;
        }
    }
}

// Runs the solution below. To run yours, write `use starter::worker;`
// (then `cargo test ex13` checks it).
use starter::worker;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    course_support::pause_clock_if_asked();
    tracing_subscriber::fmt()
        .without_time()
        .with_target(false)
        .init();
    // Two workers at once: their lines interleave.
    let first = tokio::spawn(worker(1, vec![300, 150]));
    let second = tokio::spawn(worker(2, vec![200, 200]));
    first.await?;
    second.await?;
    info!("all jobs done");
    Ok(())
}
