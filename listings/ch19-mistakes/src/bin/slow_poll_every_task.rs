// ANCHOR: all
use std::time::Duration;

use course_support::ReportSlowPolls;

#[expect(
    clippy::disallowed_methods,
    reason = "the blocking call this listing shows"
)]
async fn hello() {
    tracing::info!("Hello");
    std::thread::sleep(Duration::from_secs(1)); // Holds the only thread for a second
    tracing::info!("World");
}

// ANCHOR: main
fn main() {
    course_support::init_logging();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .report_slow_polls() // Every task of this runtime, watched
        .build()
        .unwrap();
    runtime.block_on(async {
        // Plain `tokio::spawn`: the tasks know nothing of the detector.
        let first = tokio::spawn(hello());
        let second = tokio::spawn(hello());
        first.await.unwrap();
        second.await.unwrap();
    });
}
// ANCHOR_END: main
// ANCHOR_END: all
