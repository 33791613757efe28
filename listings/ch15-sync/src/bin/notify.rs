// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Notify;
use tokio::time::{sleep, timeout};
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let notify = Arc::new(Notify::new());

    // Two tasks wait; at 1 s, `notify_waiters` wakes both.
    let mut waiters = Vec::new();
    for n in 1..=2 {
        let notify = notify.clone();
        waiters.push(tokio::spawn(async move {
            notify.notified().await;
            info!("waiter {n} woke up");
        }));
    }
    sleep(Duration::from_secs(1)).await;
    notify.notify_waiters();
    for waiter in waiters {
        waiter.await.unwrap();
    }

    // The wake-up was not kept: whoever waits now waits for the next one.
    let late = timeout(Duration::from_secs(1), notify.notified()).await;
    info!("a late waiter, a second later: {late:?}");

    // `notify_one` with nobody waiting keeps one permit: the next wait ends at once.
    // One permit at most: calling it twice does not keep two.
    notify.notify_one();
    notify.notify_one();
    notify.notified().await;
    info!("notify_one twice, then notified: no wait");
    let again = timeout(Duration::from_secs(1), notify.notified()).await;
    info!("notified again, a second later: {again:?}");
}
// ANCHOR_END: all
