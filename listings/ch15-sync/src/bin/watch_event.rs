// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::watch;
use tokio::time::sleep;
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    // ANCHOR: event
    // An event: `false` until set. The sender sets it, receivers wait for it.
    let (ready, is_ready) = watch::channel(false);
    let mut waiter = is_ready.clone();
    let early = tokio::spawn(async move {
        // `wait_for` returns at once if the value already passes the test.
        waiter
            .wait_for(|&set| set)
            .await
            .expect("the sender is alive");
        info!("early waiter: ready");
    });
    sleep(Duration::from_secs(1)).await;
    ready.send_replace(true); // `event.set()`
    early.await.unwrap();

    // Set it stays: a late waiter does not wait.
    let mut late = is_ready.clone();
    late.wait_for(|&set| set)
        .await
        .expect("the sender is alive");
    info!("late waiter: ready, is_set() = {}", *is_ready.borrow());
    // ANCHOR_END: event

    // ANCHOR: value
    // A value, not only a flag: receivers see the latest one, not every one.
    let (config, mut watcher) = watch::channel(1);
    let slow = tokio::spawn(async move {
        while watcher.changed().await.is_ok() {
            info!("watcher sees version {}", *watcher.borrow_and_update());
            sleep(Duration::from_secs(1)).await;
        }
        info!("watcher: the sender is gone");
    });
    for version in 2..=5 {
        sleep(Duration::from_millis(400)).await;
        config.send_replace(version);
    }
    drop(config);
    slow.await.unwrap();
    // ANCHOR_END: value
}
// ANCHOR_END: all
