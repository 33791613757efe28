// ANCHOR: all
use std::time::Duration;

use course_support::pause_clock_if_asked;
use futures::stream::{self, StreamExt};
use tokio::time::error::Elapsed;
use tokio::time::{Instant, sleep, timeout};

// ANCHOR: request
/// A request in two steps, within a deadline of 0.5 s: the server answers after
/// 0.1 s × `n`, then reading its answer takes 50 ms. Polled whenever it can go on,
/// request 4, the slowest, is done after 0.45 s.
async fn request(n: u64) -> Result<u64, Elapsed> {
    timeout(Duration::from_millis(500), async move {
        sleep(Duration::from_millis(100 * n)).await;
        sleep(Duration::from_millis(50)).await;
        n
    })
    .await
}

/// What the loop does with each result: it awaits something else for 0.5 s.
async fn handle(start: Instant, result: Result<u64, Elapsed>) {
    let seconds = start.elapsed().as_secs_f64();
    match result {
        Ok(n) => println!("{seconds:.3}s request {n}: answered"),
        Err(elapsed) => println!("{seconds:.3}s a request: {elapsed}"),
    }
    sleep(Duration::from_millis(500)).await;
}
// ANCHOR_END: request

#[tokio::main(flavor = "current_thread")]
async fn main() {
    pause_clock_if_asked();

    // ANCHOR: stalls
    println!("Awaiting in the loop's body:");
    let start = Instant::now();
    let mut results = stream::iter(1..=4).map(request).buffer_unordered(4);
    while let Some(result) = results.next().await {
        // While this runs, nothing polls the requests still in `results`.
        handle(start, result).await;
    }
    // ANCHOR_END: stalls

    // ANCHOR: spawned
    println!("Each request spawned:");
    let start = Instant::now();
    let mut results = stream::iter(1..=4)
        .map(|n| tokio::spawn(request(n)))
        .buffer_unordered(4);
    while let Some(result) = results.next().await {
        handle(start, result.unwrap()).await;
    }
    // ANCHOR_END: spawned

    // ANCHOR: for_each_concurrent
    println!("The body run by for_each_concurrent:");
    let start = Instant::now();
    stream::iter(1..=4)
        .map(request)
        .buffer_unordered(4)
        .for_each_concurrent(None, |result| handle(start, result))
        .await;
    // ANCHOR_END: for_each_concurrent

    // ANCHOR: in_the_stream
    println!("The body's await moved into the stream:");
    let start = Instant::now();
    let mut handled = stream::iter(1..=4)
        .map(|n| async move { handle(start, request(n).await).await })
        .buffer_unordered(4);
    while handled.next().await.is_some() {}
    println!("{:.3}s done", start.elapsed().as_secs_f64());
    // ANCHOR_END: in_the_stream
}
// ANCHOR_END: all
