// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let permits = Arc::new(Semaphore::new(2));
    let mut tasks = JoinSet::new();
    for n in 1..=3 {
        let permits = permits.clone();
        tasks.spawn(async move {
            let _permit = permits.acquire().await.expect("never closed");
            info!(
                "task {n} has a permit, {} left",
                permits.available_permits()
            );
            sleep(Duration::from_secs(1)).await;
            // `_permit` is dropped here: the permit goes back.
        });
    }
    tasks.join_all().await;
    info!("{} permits, all back", permits.available_permits());

    // A permit cannot be given back twice: it is a value, consumed when dropped. To
    // change the count on purpose, say so.
    permits.add_permits(1);
    info!(
        "{} permits after add_permits(1)",
        permits.available_permits()
    );
}
// ANCHOR_END: all
