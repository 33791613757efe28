// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Barrier;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// Two rounds: gets ready (`n` seconds), then waits until all are ready.
async fn runner(n: u64, barrier: Arc<Barrier>) {
    for round in 1..=2 {
        sleep(Duration::from_secs(n)).await;
        info!("runner {n} is ready for round {round}");
        // Exactly one of the tasks that pass together is told it is the leader: a
        // way to pick one to speak for all. The others pass in no set order.
        if barrier.wait().await.is_leader() {
            info!("runner {n}, the leader: all ready, round {round} starts");
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // Opens when 3 tasks wait, then closes again for the next round.
    let barrier = Arc::new(Barrier::new(3));
    let mut runners = JoinSet::new();
    for n in 1..=3 {
        runners.spawn(runner(n, barrier.clone()));
    }
    runners.join_all().await;
}
// ANCHOR_END: all
