// ANCHOR: starter
use std::collections::BTreeMap;

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

/// Asks the service for a random quote; returns who said it.
async fn fetch_author(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let answer: Answer = client
        .get(format!("{url}/api/random"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(answer.citation.infos.author)
}

/// Your part: send `n` requests at once with `fetch_author`, and count how many
/// quotes each author has, updating the count as each answer arrives.
#[allow(unused)] // Until you fill it in and `main` uses it: see below.
mod starter {
    use super::*;

    pub async fn count_authors(
        client: &Client,
        url: &str,
        n: usize,
    ) -> Result<BTreeMap<String, usize>, reqwest::Error> {
        todo!("start the n requests together, then count the authors as they come")
    }
}

// Runs the solution below. To run yours, write `use starter::count_authors;`
// (then `cargo test` checks its output too).
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
    Ok(())
}
// ANCHOR_END: starter

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
        // The answers come in a different order on each run; a count does not care.
        while let Some(author) = requests.next().await {
            *counts.entry(author?).or_insert(0) += 1;
        }
        Ok(counts)
    }
}
// ANCHOR_END: solution
