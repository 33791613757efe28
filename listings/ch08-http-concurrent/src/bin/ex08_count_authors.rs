// ANCHOR: starter
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use course_support::Report;
use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use serde::Deserialize;

/// The part of the answer we read: `{"citation": {"infos": {"author":
/// "<author>"}}}`.
#[derive(Deserialize)]
struct Answer {
    citation: Citation,
}

#[derive(Deserialize)]
struct Citation {
    infos: Infos,
}

#[derive(Deserialize)]
struct Infos {
    author: String,
}

/// The requests this program has in flight now, and the most it has had at once.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static MOST_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Asks the service for a random quote; returns who said it. It counts the requests
/// in flight as it goes: one more from its first poll, one fewer once it has its
/// answer.
async fn fetch_author(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let now = IN_FLIGHT.fetch_add(1, Relaxed) + 1;
    MOST_IN_FLIGHT.fetch_max(now, Relaxed);
    let answer = async {
        let answer: Answer = client
            .get(format!("{url}/api/random"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(answer.citation.infos.author)
    }
    .await;
    IN_FLIGHT.fetch_sub(1, Relaxed);
    answer
}

/// Says how far the count has come, every ten answers: the answers counted so far, and
/// the requests still waiting for theirs.
fn progress(counts: &BTreeMap<String, usize>) {
    let counted: usize = counts.values().sum();
    if counted.is_multiple_of(10) {
        println!(
            "{counted} answers counted, {} requests still in flight",
            IN_FLIGHT.load(Relaxed)
        );
    }
}

/// Your part: send `n` requests at once with `fetch_author`, and count how many
/// quotes each author has, updating the count as each answer arrives, then calling
/// `progress`.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    pub async fn count_authors(
        client: &Client,
        url: &str,
        n: usize,
    ) -> Result<BTreeMap<String, usize>, reqwest::Error> {
        todo!("{n} requests to {url} with {client:?}, authors counted as they come")
    }
}

// Runs the solution below. To run yours, write `use starter::count_authors;`
// (then `cargo test ex08` checks it).
use solution::count_authors;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = Client::new();
    let counts = count_authors(&client, &url, 30).await?;
    // A `BTreeMap` iterates in the order of its keys: the same order on every run.
    for (author, quotes) in &counts {
        println!("{author}: {quotes}");
    }
    println!("In all: {}", counts.values().sum::<usize>());
    println!(
        "Requests in flight at most: {}",
        MOST_IN_FLIGHT.load(Relaxed)
    );
    Ok(())
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn count_authors(
        client: &Client,
        url: &str,
        n: usize,
    ) -> Result<BTreeMap<String, usize>, reqwest::Error> {
        // All `n` futures in one collection, polled together: they may borrow
        // `client` and `url`, since nothing is spawned.
        let mut requests: FuturesUnordered<_> =
            (0..n).map(|_| fetch_author(client, url)).collect();
        let mut counts = BTreeMap::new();
        // Each answer as it comes, in whatever order: a count does not care. The
        // others wait meanwhile: they go on only when `next()` polls them again.
        while let Some(author) = requests.next().await {
            *counts.entry(author?).or_insert(0) += 1;
            progress(&counts);
        }
        Ok(counts)
    }
}
// ANCHOR_END: solution
