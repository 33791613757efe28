// ANCHOR: all
use ch08_http_concurrent::fetch_quote;
use course_support::{Report, Timer};
use futures::stream::{self, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = reqwest::Client::new();
    let _timer = Timer::start();

    // A stream of ten requests, of which at most five run at a time; answers come
    // out as they finish.
    let mut quotes = stream::iter(0..10)
        .map(|_| fetch_quote(&client, &url))
        .buffer_unordered(5);
    while let Some(quote) = quotes.next().await {
        println!("{}", quote?);
    }
    Ok(())
}
// ANCHOR_END: all
