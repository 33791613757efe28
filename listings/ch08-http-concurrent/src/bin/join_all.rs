// ANCHOR: all
use ch08_http_concurrent::fetch_quote;
use course_support::{Report, Timer};
use futures::future::try_join_all;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = reqwest::Client::new();
    let _timer = Timer::start();

    // Wait for all ten, then get the quotes in the order the requests were made;
    // the first error, if any, ends the wait.
    let quotes = try_join_all((0..10).map(|_| fetch_quote(&client, &url))).await?;
    for quote in quotes {
        println!("{quote}");
    }
    Ok(())
}
// ANCHOR_END: all
