// ANCHOR: all
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::{info, warn};

// ANCHOR: save
/// Fails after `ms` milliseconds, the Rust way: it returns the error, it does not
/// panic.
async fn save(name: &'static str, ms: u64) -> Result<(), String> {
    sleep(Duration::from_millis(ms)).await;
    info!("{name}: the disk is full, returning an error");
    Err(format!("cannot save {name}"))
}
// ANCHOR_END: save

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::pause_clock_if_asked();
    tracing_subscriber::fmt()
        .without_time()
        .with_target(false)
        .init();

    // ANCHOR: dropped
    // The handle is dropped at the semicolon, and the compiler says nothing: neither
    // `spawn` nor `JoinHandle` is `#[must_use]`. The task runs and fails, and its
    // `Err` is dropped with the task. Nothing is printed about it.
    tokio::spawn(save("a.txt", 100));
    sleep(Duration::from_secs(1)).await;
    info!("a second later, main goes on: nobody heard of the error");
    // ANCHOR_END: dropped

    // ANCHOR: awaited
    // Awaiting the handle: `Ok` holds what the task returned, here its `Err`; a
    // `JoinError` says that it panicked or was aborted instead.
    match tokio::spawn(save("b.txt", 100)).await {
        Ok(Ok(())) => info!("b.txt saved"),
        Ok(Err(err)) => warn!("awaited the handle: {err}"),
        Err(join_error) => warn!("b.txt's task did not finish: {join_error}"),
    }
    // ANCHOR_END: awaited

    // ANCHOR: join_set
    // A `JoinSet` hands back each task's result as it ends, in the same two layers.
    let mut saves = JoinSet::new();
    saves.spawn(save("c.txt", 200));
    saves.spawn(save("d.txt", 100));
    while let Some(ended) = saves.join_next().await {
        match ended {
            Ok(Ok(())) => info!("saved"),
            Ok(Err(err)) => warn!("from the JoinSet: {err}"),
            Err(join_error) => warn!("a task did not finish: {join_error}"),
        }
    }
    // ANCHOR_END: join_set

    // ANCHOR: inside
    // A task that nobody awaits reports its own error.
    tokio::spawn(async {
        if let Err(err) = save("e.txt", 100).await {
            warn!("logged inside the task: {err}");
        }
    });
    sleep(Duration::from_secs(1)).await;
    // ANCHOR_END: inside
}
// ANCHOR_END: all
