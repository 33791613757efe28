// ANCHOR: all
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// Logs when it is dropped, so that we see each task's end.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        info!("{}: guard dropped", self.0);
    }
}

/// Sleeps for `seconds`, holding a guard.
async fn job(name: &'static str, seconds: u64) -> &'static str {
    let _guard = Guard(name);
    sleep(Duration::from_secs(seconds)).await;
    name
}

/// Three jobs of one, two and three seconds.
fn three_jobs() -> JoinSet<&'static str> {
    let mut set = JoinSet::new();
    for (name, seconds) in [("one", 1), ("two", 2), ("three", 3)] {
        set.spawn(job(name, seconds));
    }
    set
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();

    // ANCHOR: shutdown
    // Keep the first result, then stop the rest and wait until they are gone.
    let mut set = three_jobs();
    if let Some(first) = set.join_next().await {
        info!("first result: {}", first?);
    }
    set.shutdown().await;
    info!("after shutdown: {} tasks in the set", set.len());
    // ANCHOR_END: shutdown

    // ANCHOR: abort_all
    // Or ask them all to stop, then see how each one ended.
    let mut set = three_jobs();
    sleep(Duration::from_millis(1500)).await;
    set.abort_all();
    while let Some(result) = set.join_next().await {
        match result {
            Ok(name) => info!("{name} finished"),
            Err(error) => info!("{error}"),
        }
    }
    // ANCHOR_END: abort_all
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
