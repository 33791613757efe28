// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::init_logging;
use tokio::time::{Instant, interval};
use tokio_stream::wrappers::IntervalStream;
use tokio_stream::{self as stream, StreamExt};
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    let start = Instant::now();

    // ANCHOR: ticks
    // A tick every 100 ms, as a stream of the instants they were due. It never ends.
    let ticks = IntervalStream::new(interval(Duration::from_millis(100)));
    let mut every_third = ticks
        .map(|due| (due - start).as_millis()) // milliseconds since the start
        .filter(|ms| ms % 300 == 0) // keep one tick in three
        .take(4); // four of them, then the stream ends
    while let Some(ms) = every_third.next().await {
        info!("tick due at {ms} ms");
    }
    // ANCHOR_END: ticks

    // ANCHOR: throttle
    // Three items that are all ready at once, let through one per 250 ms.
    let mut slowed =
        pin!(stream::iter(["a", "b", "c"]).throttle(Duration::from_millis(250)));
    while let Some(letter) = slowed.next().await {
        info!("{letter}");
    }
    // ANCHOR_END: throttle
}
// ANCHOR_END: all
