// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::RwLock;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// Reads the settings and uses them for a second, holding the read guard.
async fn reader(name: &'static str, settings: Arc<RwLock<String>>) {
    let settings = settings.read().await;
    info!("{name} reads {:?}", *settings);
    sleep(Duration::from_secs(1)).await;
    info!("{name} is done");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let settings = Arc::new(RwLock::new(String::from("version 1")));
    let mut tasks = JoinSet::new();

    // Three readers at once.
    for name in ["reader 1", "reader 2", "reader 3"] {
        tasks.spawn(reader(name, settings.clone()));
    }
    // A writer comes at 0.5 s: it waits until no reader holds the lock.
    let shared = settings.clone();
    tasks.spawn(async move {
        sleep(Duration::from_millis(500)).await;
        info!("writer waits");
        let mut settings = shared.write().await;
        *settings = String::from("version 2");
        info!("writer wrote {:?}", *settings);
    });
    // A fourth reader comes at 0.7 s, while the writer waits: it queues behind it.
    let shared = settings.clone();
    tasks.spawn(async move {
        sleep(Duration::from_millis(700)).await;
        info!("reader 4 waits");
        reader("reader 4", shared).await;
    });
    tasks.join_all().await;
}
// ANCHOR_END: all
