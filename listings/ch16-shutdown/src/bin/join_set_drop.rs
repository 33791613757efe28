// ANCHOR: all
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::sync::oneshot;
use tokio::task::JoinSet;
use tracing::info;

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    let (started, under_way) = oneshot::channel();

    let mut set = JoinSet::new();
    set.spawn_blocking(move || {
        info!("blocking job: started");
        let _ = started.send(());
        // A second of work with no `.await`: no point where an abort can stop it.
        std::thread::sleep(Duration::from_secs(1));
        info!("blocking job: finished anyway");
    });

    under_way.await?; // An abort before the job starts would keep it from starting.
    drop(set); // Aborts every task in the set, and returns at once.
    info!("set dropped");
    info!("main returns; the runtime waits for the blocking job");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
