// ANCHOR: all
use ch08_http_concurrent::fetch_quote;
use course_support::{Report, Timer};
use tokio::task::JoinSet;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    // One client for every request: it keeps connections open and reuses them.
    let client = reqwest::Client::new();
    let _timer = Timer::start();

    // 1) Spawn the ten requests as tasks: they start as soon as `main` waits, below.
    let mut requests = JoinSet::new();
    for _ in 0..10 {
        let (client, url) = (client.clone(), url.clone());
        requests.spawn(async move { fetch_quote(&client, &url).await });
    }
    // 2) Take the answers as they come, whichever finishes first.
    while let Some(answer) = requests.join_next().await {
        // The outer `?` is for the task (did it panic?), the inner for the request.
        println!("{}", answer??);
    }
    Ok(())
}
// ANCHOR_END: all
