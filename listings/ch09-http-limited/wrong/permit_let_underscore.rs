// Exercise 9 done wrong on purpose: each request takes a permit with `let _ = …`,
// which a reader writes to say "I need the permit, not its value" (as Python's
// `async with limit:` needs no name). In Rust `_` is not a name: the permit is
// dropped at once. `cargo test /wrong/` makes sure that the exercise's check
// rejects it with the message in permit_let_underscore.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use ch08_http_concurrent::fetch_quote;
use course_support::Report;
use futures::future::try_join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// The requests this program has in flight now, and the most it has had at once.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MOST_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Chapter 8's `fetch_quote`, counting the requests in flight as it goes.
async fn fetch_quote_counted(
    client: &Client,
    url: &str,
) -> Result<String, reqwest::Error> {
    let now = IN_FLIGHT.fetch_add(1, Relaxed) + 1;
    MOST_IN_FLIGHT.fetch_max(now, Relaxed);
    let quote = fetch_quote(client, url).await;
    IN_FLIGHT.fetch_sub(1, Relaxed);
    quote
}

/// Your part: fetch `n` quotes concurrently with `fetch_quote_counted`, each request
/// holding one of `limit`'s permits while it runs, and return the quotes.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: `let _ = …` binds nothing, so the permit is dropped, and
    // given back, on that very line, before the request is sent.
    pub async fn fetch_batch(
        client: &Client,
        url: &str,
        n: usize,
        limit: &Semaphore,
    ) -> Result<Vec<String>, reqwest::Error> {
        let requests = (0..n).map(|_| async {
            let _ = limit
                .acquire()
                .await
                .expect("the semaphore is never closed");
            fetch_quote_counted(client, url).await
        });
        try_join_all(requests).await
    }
}

// Runs the solution below. To run yours, write `use starter::fetch_batch;`
// (then `cargo test ex09` checks it).
use starter::fetch_batch;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = Client::new();
    // One limit for the whole program: three requests out at a time, whoever sends
    // them.
    let limit = Semaphore::new(3);
    // Two batches at once, sharing the limit: `buffer_unordered(3)` on each would
    // let six requests out together.
    let (first, second) = tokio::join!(
        fetch_batch(&client, &url, 6, &limit),
        fetch_batch(&client, &url, 6, &limit),
    );
    println!("First batch: {} quotes", first?.len());
    println!("Second batch: {} quotes", second?.len());
    println!(
        "Requests in flight at most: {}",
        MOST_IN_FLIGHT.load(Relaxed)
    );
    Ok(())
}
