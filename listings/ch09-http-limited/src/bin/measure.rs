// ANCHOR: all
use std::time::{Duration, Instant};

use ch08_http_concurrent::fetch_quote;
use course_support::Report;
use futures::future::try_join_all;
use futures::stream::{self, StreamExt, TryStreamExt};

/// Runs `work` and returns how long it took.
async fn time<F: Future<Output = Result<(), reqwest::Error>>>(
    work: F,
) -> Result<Duration, reqwest::Error> {
    let start = Instant::now();
    work.await?;
    Ok(start.elapsed())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let url = url.as_str();
    let client = reqwest::Client::new();
    // Warm up: ten requests at once open ten connections, which the client keeps
    // open for the runs below, so that none of them pays for opening one.
    try_join_all((0..10).map(|_| fetch_quote(&client, url))).await?;

    let alone = time(async { fetch_quote(&client, url).await.map(drop) }).await?;
    let one_at_a_time = time(async {
        for _ in 0..10 {
            fetch_quote(&client, url).await?;
        }
        Ok(())
    })
    .await?;
    let all_at_once = time(async {
        try_join_all((0..10).map(|_| fetch_quote(&client, url)))
            .await
            .map(drop)
    })
    .await?;
    let client_each = time(async {
        let requests = (0..10)
            .map(|_| async { fetch_quote(&reqwest::Client::new(), url).await });
        try_join_all(requests).await.map(drop)
    })
    .await?;
    let five_at_a_time = time(async {
        stream::iter(0..10)
            .map(|_| fetch_quote(&client, url))
            .buffer_unordered(5)
            .try_collect::<Vec<_>>()
            .await
            .map(drop)
    })
    .await?;

    let latencies = |d: Duration| d.as_secs_f64() / alone.as_secs_f64();
    println!("one request: {:.1} ms", ms(alone));
    for (name, took) in [
        ("ten, one at a time:", one_at_a_time),
        ("ten at once:", all_at_once),
        ("ten at once, a client each:", client_each),
        ("ten, five at a time:", five_at_a_time),
    ] {
        println!(
            "{name} {:.1} ms, {:.1}x as long as one request",
            ms(took),
            latencies(took)
        );
    }
    let speed_up = one_at_a_time.as_secs_f64() / all_at_once.as_secs_f64();
    println!("ten at once is {speed_up:.1}x as fast as one at a time");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
