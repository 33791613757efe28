// ANCHOR: starter
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinHandle;
use tokio::time::sleep;
use tracing::info;

/// A job that takes `seconds`, says that it is done, and returns them.
async fn job(name: &str, seconds: u64) -> u64 {
    sleep(Duration::from_secs(seconds)).await;
    info!("{name}'s job is done");
    seconds
}

/// Your part: give the tasks `patience`, then cancel every one that is not finished,
/// and log how each one ended: its result, or that it was cancelled.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    pub async fn cancel_laggards(
        tasks: Vec<(&'static str, JoinHandle<u64>)>,
        patience: Duration,
    ) {
        todo!(
            "give the {} tasks {patience:?}, abort the late ones, await every handle",
            tasks.len()
        )
    }
}

// Runs the solution below. To run yours, write `use starter::cancel_laggards;`
// (then `cargo test ex03` checks it).
use solution::cancel_laggards;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let tasks = vec![
        ("Ada", tokio::spawn(job("Ada", 3))),
        ("Bob", tokio::spawn(job("Bob", 1))),
        ("Cy", tokio::spawn(job("Cy", 2))),
    ];
    cancel_laggards(tasks, Duration::from_millis(1500)).await;
    // Other work, two seconds long: a job still running would be heard meanwhile.
    sleep(Duration::from_secs(2)).await;
    info!("other work done");
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn cancel_laggards(
        tasks: Vec<(&'static str, JoinHandle<u64>)>,
        patience: Duration,
    ) {
        // The tasks get their turns while this function sleeps.
        sleep(patience).await;
        for (name, task) in &tasks {
            if !task.is_finished() {
                info!("{name} is not finished: abort it");
                task.abort();
            }
        }
        // `abort` only asks; awaiting each handle tells how its task really ended.
        for (name, task) in tasks {
            match task.await {
                Ok(seconds) => info!("{name} finished after {seconds} s"),
                Err(error) if error.is_cancelled() => info!("{name} was cancelled"),
                // The other way a task ends without a result: it panicked.
                Err(error) => info!("{name} failed: {error}"),
            }
        }
    }
}
// ANCHOR_END: solution
