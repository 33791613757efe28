// ANCHOR: all
use std::pin::pin;
use std::task::{Context, Waker};
use std::time::Duration;

use course_support::init_logging;
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
    // A waker that does nothing: we poll again ourselves instead of waiting to be
    // woken.
    let mut context = Context::from_waker(Waker::noop());

    // Create the future and pin it: `poll` needs a future that will not move.
    let mut future = pin!(hello());

    // Run it until it waits on something that is not ready: like `coro.send(None)`.
    let poll = future.as_mut().poll(&mut context);
    info!("first poll: {poll:?}");

    // Let a second go by, as the workshop waits before calling `send` again.
    tokio::time::sleep(Duration::from_secs(1)).await;

    // Resume it: the sleep is over, so it runs to the end.
    let poll = future.as_mut().poll(&mut context);
    info!("second poll: {poll:?}");
}
// ANCHOR_END: main
// ANCHOR_END: all
