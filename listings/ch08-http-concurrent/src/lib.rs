//! What this chapter's listings share: fetching one quote.

// ANCHOR: all
use serde::Deserialize;

/// The part of the service's answer we read: `{"citation": {"citation": "..."}}`.
#[derive(Deserialize)]
struct Answer {
    citation: Citation,
}

#[derive(Deserialize)]
struct Citation {
    citation: String,
}

// ANCHOR: fetch
/// Asks the quote service at `url` for a random quote.
pub async fn fetch_quote(
    client: &reqwest::Client,
    url: &str,
) -> Result<String, reqwest::Error> {
    let answer: Answer = client
        .get(format!("{url}/api/random"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(answer.citation.citation)
}
// ANCHOR_END: fetch
// ANCHOR_END: all
