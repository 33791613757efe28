// ANCHOR: all
use ch08_http_concurrent::fetch_quote;
use course_support::{Report, Timer};
use futures::stream::{FuturesUnordered, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = reqwest::Client::new();
    let _timer = Timer::start();

    // Ten futures in one collection, polled together inside this task: no spawning,
    // so they may borrow `client` and `url`.
    let mut requests: FuturesUnordered<_> =
        (0..10).map(|_| fetch_quote(&client, &url)).collect();
    while let Some(quote) = requests.next().await {
        println!("{}", quote?);
    }
    Ok(())
}
// ANCHOR_END: all
