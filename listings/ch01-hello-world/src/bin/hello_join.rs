// ANCHOR: all
use std::time::Duration;

use course_support::{Timer, init_logging};
use tracing::info;

async fn hello() {
    info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let _timer = Timer::start();
    // Both futures run inside this one task, taking turns at each `.await`.
    tokio::join!(hello(), hello());
}
// ANCHOR_END: main
// ANCHOR_END: all
