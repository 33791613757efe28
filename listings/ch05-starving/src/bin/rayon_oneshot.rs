// ANCHOR: all
use std::hint::black_box;
use std::ops::Range;
use std::time::Duration;

use course_support::init_logging;
use rayon::prelude::*;
use tokio::sync::oneshot;
use tracing::info;

// ANCHOR: pool
/// Adds up `numbers` on rayon's pool, every core at once, and hands the sum back to
/// async code over a oneshot channel.
async fn sum_on_rayon(numbers: Range<u64>) -> u64 {
    let (sender, receiver) = oneshot::channel();
    // `rayon::spawn` queues the closure on rayon's pool and returns at once.
    rayon::spawn(move || {
        // `into_par_iter` splits the range between the pool's threads.
        let sum = numbers.into_par_iter().map(black_box).sum();
        // `send` fails only if the receiver is gone: nobody wants the sum any more.
        let _ = sender.send(sum);
    });
    // Awaiting the receiver leaves this thread free for other tasks meanwhile.
    receiver
        .await
        .expect("the closure always sends: a panic in it aborts the process")
}
// ANCHOR_END: pool

async fn hello() {
    info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // The sum of the workshop's `range(10**8)` and the two hellos, all at once.
    let (sum, (), ()) = tokio::join!(sum_on_rayon(0..100_000_000), hello(), hello());
    info!("sum = {sum}");
}
// ANCHOR_END: main
// ANCHOR_END: all
