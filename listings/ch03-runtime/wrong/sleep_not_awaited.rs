// Exercise 3 done wrong on purpose: `sleep(patience);` with no `.await`, as if it
// slept when called, like a Python function. The starter filled in wrongly (in `mod
// starter`), `main` switched to it. `cargo test /wrong/` makes sure that the
// exercise's check rejects it with the message in sleep_not_awaited.txt, and that rustc
// warns a reader about it (`warns` in Cargo.toml).
// rustc warns of the future never awaited, as it warns you (the check makes sure of it);
// only CI's clippy, run with `-D warnings`, is told to let it be.
#![cfg_attr(clippy, allow(unused_must_use))]
#![allow(unused_imports)] // What only the solution uses.

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

    // WRONG, on purpose: the sleep is made, never awaited (rustc warns), so it never
    // waits.
    pub async fn cancel_laggards(
        tasks: Vec<(&'static str, JoinHandle<u64>)>,
        patience: Duration,
    ) {
        sleep(patience);
        for (name, task) in &tasks {
            if !task.is_finished() {
                info!("{name} is not finished: abort it");
                task.abort();
            }
        }
        for (name, task) in tasks {
            match task.await {
                Ok(seconds) => info!("{name} finished after {seconds} s"),
                Err(error) if error.is_cancelled() => info!("{name} was cancelled"),
                Err(error) => info!("{name} failed: {error}"),
            }
        }
    }
}

// Runs the solution below. To run yours, write `use starter::cancel_laggards;`
// (then `cargo test ex03` checks it).
use starter::cancel_laggards;

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
