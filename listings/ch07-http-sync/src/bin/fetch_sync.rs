// ANCHOR: all
use course_support::{Report, Timer};
use serde::Deserialize;

// ANCHOR: answer
/// The part of the service's answer we read: `{"citation": {"citation": "..."}}`.
/// Fields the structs do not name are ignored.
#[derive(Deserialize)]
struct Answer {
    citation: Citation,
}

#[derive(Deserialize)]
struct Citation {
    citation: String,
}
// ANCHOR_END: answer

// ANCHOR: program
// ANCHOR: fetch
fn fetch_quote(url: &str) -> Result<String, reqwest::Error> {
    let answer: Answer = reqwest::blocking::get(format!("{url}/api/random"))?
        .error_for_status()? // An answer such as 404 or 500 is an error too
        .json()?;
    Ok(answer.citation.citation)
}
// ANCHOR_END: fetch

// ANCHOR: main
fn main() -> Result<(), Report> {
    // The book's quote service, started inside this program, or $QUOTES_URL if set.
    let url = quote_service::url()?;
    let _timer = Timer::start();
    for _ in 0..10 {
        println!("{}", fetch_quote(&url)?);
    }
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: program
// ANCHOR_END: all
