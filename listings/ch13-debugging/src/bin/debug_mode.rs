// ANCHOR: all
use std::time::Duration;

use course_support::ReportSlowPolls;
use tokio::runtime::Builder;
use tracing::info;

// ANCHOR: tasks
/// A plain function with a blocking call inside: nothing in its signature says so.
fn read_settings() -> u32 {
    std::thread::sleep(Duration::from_millis(300)); // a slow disk, say
    640
}

/// Calls it, then uploads the thumbnail the right way.
async fn make_thumbnail() -> u32 {
    let width = read_settings() / 2;
    tokio::time::sleep(Duration::from_millis(20)).await; // the upload
    width
}

/// Waits the right way all along.
async fn download() -> usize {
    let mut parts = 0;
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        parts += 1;
    }
    parts
}

async fn app() {
    let thumbnail = tokio::spawn(make_thumbnail());
    let download = tokio::spawn(download());
    let (width, parts) = (thumbnail.await.unwrap(), download.await.unwrap());
    info!("thumbnail {width} px wide, {parts} parts downloaded");
}
// ANCHOR_END: tasks

// ANCHOR: main
fn main() -> std::io::Result<()> {
    course_support::init_logging();
    // tokio 1.54 gives each worker thread a task id too (ids are not a promise): two
    // workers on every machine keep the task numbers below the same everywhere.
    let mut multi_thread = Builder::new_multi_thread();
    multi_thread.worker_threads(2);
    for mut builder in [Builder::new_current_thread(), multi_thread] {
        // The one line that turns the detector on.
        let runtime = builder.enable_all().report_slow_polls().build()?;
        info!("{:?} runtime", runtime.handle().runtime_flavor());
        // `app()` as a task, not the future `block_on` runs: a task's polls are
        // watched, and `block_on`'s are not.
        runtime.block_on(runtime.spawn(app()))?;
    }
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
