// Exercise 7 done wrong on purpose: the request sent without the limit, `max_length`
// left unused. The starter filled in wrongly (in `mod starter`), `main` switched to
// it. `cargo test /wrong/` makes sure that the exercise's check rejects it with the
// message in limit_not_sent.txt, and that rustc warns a reader about it (`warns` in
// Cargo.toml).
// rustc warns of `max_length`, unused, as it warns you (the check makes sure of it);
// only CI's clippy, run with `-D warnings`, is told to let it be.
#![cfg_attr(clippy, allow(unused_variables))]
#![allow(unused_imports)] // What only the solution uses.

use course_support::Report;
use reqwest::StatusCode;
use reqwest::blocking::Client;
use serde::Deserialize;

/// The whole answer: `{"citation": {"citation": "<text>", "infos": {"author":
/// "<author>"}}}`.
#[derive(Deserialize)]
pub struct Answer {
    pub citation: Citation,
}

#[derive(Deserialize)]
pub struct Citation {
    pub citation: String,
    pub infos: Infos,
}

#[derive(Deserialize)]
pub struct Infos {
    pub author: String,
}

/// `GET /api/stats`: `{"in_flight": n, "max_in_flight": n, "served": n}`.
#[derive(Deserialize)]
struct Stats {
    max_in_flight: u64,
    served: u64,
}

fn stats(client: &Client, url: &str) -> Result<Stats, reqwest::Error> {
    client
        .get(format!("{url}/api/stats"))
        .send()?
        .error_for_status()?
        .json()
}

/// Your part: ask `{url}/api/random?max_length=N` for a quote of at most
/// `max_length` characters, with `client`. The service answers `404 Not Found` when
/// it has none that short: return `Ok(None)` then, and an error for any other
/// failure.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: the URL carries no `max_length`, so the service may answer
    // with any quote.
    pub fn fetch_short_quote(
        client: &Client,
        url: &str,
        max_length: usize,
    ) -> Result<Option<Answer>, reqwest::Error> {
        let response = client.get(format!("{url}/api/random")).send()?;
        if response.status() == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let answer = response.error_for_status()?.json()?;
        Ok(Some(answer))
    }
}

// Runs the solution below. To run yours, write `use starter::fetch_short_quote;`
// (then `cargo test ex07` checks it).
use starter::fetch_short_quote;

fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    // One client for every request, unlike `reqwest::blocking::get`, which makes a
    // new one each time: it keeps its connection open from one request to the next.
    let client = Client::new();
    for max_length in [40, 30, 25, 20] {
        match fetch_short_quote(&client, &url, max_length)? {
            Some(answer) => {
                let Citation { citation, infos } = answer.citation;
                println!("At most {max_length}: {citation} ({})", infos.author);
            }
            None => println!("At most {max_length}: none that short"),
        }
    }
    let stats = stats(&client, &url)?;
    println!(
        "Quotes served: {}; requests in flight at most: {}",
        stats.served, stats.max_in_flight
    );
    Ok(())
}
