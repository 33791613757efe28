// ANCHOR: all
use std::sync::{Arc, Mutex};
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// Counts three visits, `every` apart, in the shared counter.
async fn visitor(name: &'static str, every: Duration, visits: Arc<Mutex<u32>>) {
    for _ in 0..3 {
        sleep(every).await;
        // Lock, add one, read the total: the guard, `count`, is dropped at the end
        // of this block, long before the next `.await`.
        let total = {
            let mut count = visits.lock().unwrap();
            *count += 1;
            *count
        };
        info!("{name}: visit {total}");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // The counter is shared by the tasks: an `Arc` to own it together, a `Mutex` to
    // change it from any of them.
    let visits = Arc::new(Mutex::new(0));
    let mut visitors = JoinSet::new();
    visitors.spawn(visitor("a", Duration::from_secs(1), visits.clone()));
    visitors.spawn(visitor("b", Duration::from_millis(1500), visits.clone()));
    visitors.join_all().await;
    info!("{} visits in all", visits.lock().unwrap());
}
// ANCHOR_END: all
