// ANCHOR: starter
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

    pub async fn start_all(count: u64) -> JoinSet<()> {
        todo!("spawn {count} workers; each says when it is warm; wait for all")
    }
}

// Runs the solution below. To run yours, write `use starter::start_all;`
// (then `cargo test ex15` checks it).
use solution::start_all;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let workers = start_all(3).await;
    info!("all workers are warm: open the doors");
    workers.join_all().await;
    info!("all workers have stopped");
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn start_all(count: u64) -> JoinSet<()> {
        // The shared state: how many workers are warm. Every worker gets a sender,
        // and this function keeps the receiver.
        let (warm, mut warm_count) = watch::channel(0);
        let mut workers = JoinSet::new();
        for n in 1..=count {
            let warm = warm.clone();
            workers.spawn(async move {
                warm_up(n).await;
                // Change the value in place and wake the receivers.
                warm.send_modify(|warm| *warm += 1);
                serve(n).await; // No waiting for the others, unlike at a `Barrier`.
            });
        }
        // Keep no sender here: if a worker dies before it is warm, then once the
        // others are gone too, `wait_for` fails instead of waiting forever.
        drop(warm);
        // Wait until the count passes the test: `asyncio.Condition.wait_for`.
        warm_count
            .wait_for(|&warm| warm == count)
            .await
            .expect("every worker warms up");
        workers
    }
}
// ANCHOR_END: solution
