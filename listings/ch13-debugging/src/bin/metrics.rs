// ANCHOR: all
use std::time::Duration;

use course_support::SLOW_POLL;
use tokio::runtime::Handle;
use tokio_metrics::{RuntimeMonitor, TaskMetrics, TaskMonitor};
use tracing::info;

// ANCHOR: tasks
/// The watchdog's two tasks: one waits the right way, one blocks the thread for a
/// second.
async fn download() {
    tokio::time::sleep(Duration::from_millis(500)).await;
}

async fn resize_image() {
    std::thread::sleep(Duration::from_secs(1));
}
// ANCHOR_END: tasks

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::init_logging();
    // The runtime's counters, from now on.
    let mut runtime = RuntimeMonitor::new(&Handle::current()).intervals();
    // One monitor per kind of task, each with asyncio's threshold for a slow poll.
    let downloads = TaskMonitor::with_slow_poll_threshold(SLOW_POLL);
    let resizes = TaskMonitor::with_slow_poll_threshold(SLOW_POLL);

    let download = tokio::spawn(downloads.instrument(download()));
    let resize = tokio::spawn(resizes.instrument(resize_image()));
    download.await.unwrap();
    resize.await.unwrap();

    for (name, monitor) in [("download", &downloads), ("resize_image", &resizes)] {
        report(name, &monitor.cumulative());
    }
    let runtime = runtime.next().expect("intervals never end");
    info!(
        "runtime: {} worker, busy {:.3}s of the last {:.3}s",
        runtime.workers_count,
        runtime.total_busy_duration.as_secs_f64(),
        runtime.elapsed.as_secs_f64()
    );
}
// ANCHOR_END: main

// ANCHOR: report
fn report(name: &str, task: &TaskMetrics) {
    info!(
        "{name}: {} polls, {} slow; {:.3}s in polls, {:.3}s in slow ones",
        task.total_poll_count,
        task.total_slow_poll_count,
        task.total_poll_duration.as_secs_f64(),
        task.total_slow_poll_duration.as_secs_f64(),
    );
}
// ANCHOR_END: report
// ANCHOR_END: all
