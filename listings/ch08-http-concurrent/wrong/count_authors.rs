// Exercise 8 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in count_authors.txt.
#![allow(unused_imports)] // What only the solution uses.

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

    // WRONG, on purpose: each request is awaited before the next one is sent.
    pub async fn count_authors(
        client: &Client,
        url: &str,
        n: usize,
    ) -> Result<BTreeMap<String, usize>, reqwest::Error> {
        let mut counts = BTreeMap::new();
        for _ in 0..n {
            let author = fetch_author(client, url).await?;
            *counts.entry(author).or_insert(0) += 1;
            progress(&counts);
        }
        Ok(counts)
    }
}

// Runs the solution below. To run yours, write `use starter::count_authors;`
// (then `cargo test ex08` checks it).
use starter::count_authors;

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
