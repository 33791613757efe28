// Exercise 13 done wrong on purpose: a bare `#[instrument]` on the worker, the
// attribute as the chapter first shows it, which records all of its arguments, the
// jobs included. `cargo test /wrong/` makes sure that the exercise's check rejects
// it with the message in jobs_in_span.txt.
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

    // WRONG, on purpose: a bare `#[instrument]` records every argument as a field of
    // the worker's span, the list of jobs too.
    #[instrument]
    pub async fn worker(id: u32, jobs: Vec<u64>) {
        for (n, ms) in (1..).zip(jobs) {
            run_job(ms).instrument(info_span!("job", n)).await;
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
