// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

// ANCHOR: job
/// Logs that its job was dropped before the end: the Rust for the `except
/// CancelledError` block of the Python.
struct Unfinished(&'static str);

impl Drop for Unfinished {
    fn drop(&mut self) {
        info!("{}: cancelled", self.0);
    }
}

/// Works for `secs` seconds, then fails or returns its name.
async fn job(
    name: &'static str,
    secs: u64,
    fails: bool,
) -> Result<&'static str, String> {
    info!("{name}: started");
    let unfinished = Unfinished(name);
    sleep(Duration::from_secs(secs)).await;
    // The job got to its end: defuse the guard, so that it logs nothing.
    std::mem::forget(unfinished);
    if fails {
        return Err(format!("{name} failed"));
    }
    info!("{name}: done");
    Ok(name)
}
// ANCHOR_END: job

// ANCHOR: group
/// Waits for every job of the group and returns their results. On the first error,
/// aborts the jobs still running, waits until they are gone and returns that error:
/// what `async with asyncio.TaskGroup()` does.
async fn run_all(
    mut group: JoinSet<Result<&'static str, String>>,
) -> Result<Vec<&'static str>, String> {
    let mut done = Vec::new();
    while let Some(joined) = group.join_next().await {
        // A job that panicked fails the group too, as an exception would.
        match joined.unwrap_or_else(|panicked| Err(panicked.to_string())) {
            Ok(name) => done.push(name),
            Err(error) => {
                group.shutdown().await;
                return Err(error);
            }
        }
    }
    Ok(done)
}
// ANCHOR_END: group

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let mut group = JoinSet::new();
    group.spawn(job("one", 1, false));
    group.spawn(job("two", 2, true));
    group.spawn(job("three", 3, false));
    match run_all(group).await {
        Ok(names) => info!("all done: {names:?}"),
        Err(error) => info!("the group failed: {error}"),
    }
}
// ANCHOR_END: main
// ANCHOR_END: all
