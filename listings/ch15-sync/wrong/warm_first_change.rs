// Exercise 15 done wrong on purpose: `start_all` waits for one change of the count,
// as with an `asyncio.Event` or a `Condition.wait()` without the loop that checks
// the state again: it opens the doors when the first worker is warm.
// `cargo test /wrong/` makes sure that the exercise's check rejects it with the
// message in warm_first_change.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::time::Duration;

use course_support::init_logging;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// Worker `n` takes `n` seconds to warm up (to fill a cache, say).
async fn warm_up(n: u64) {
    sleep(Duration::from_secs(n)).await;
    info!("worker {n} is warm");
}

/// Then it serves for a while and stops.
async fn serve(n: u64) {
    sleep(Duration::from_millis(2500)).await;
    info!("worker {n} has served");
}

/// Your part: start workers 1 to `count`, each a task that runs `warm_up` then
/// `serve`. Return as soon as every worker is warm, while they go on serving, with
/// their tasks.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: `changed()` wakes at the first change of the count, when
    // the first worker is warm, whatever the count says.
    pub async fn start_all(count: u64) -> JoinSet<()> {
        let (warm, mut warm_count) = watch::channel(0);
        let mut workers = JoinSet::new();
        for n in 1..=count {
            let warm = warm.clone();
            workers.spawn(async move {
                warm_up(n).await;
                warm.send_modify(|warm| *warm += 1);
                serve(n).await;
            });
        }
        drop(warm);
        warm_count.changed().await.expect("every worker warms up");
        workers
    }
}

// Runs the solution below. To run yours, write `use starter::start_all;`
// (then `cargo test ex15` checks it).
use starter::start_all;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let workers = start_all(3).await;
    info!("all workers are warm: open the doors");
    workers.join_all().await;
    info!("all workers have stopped");
}
