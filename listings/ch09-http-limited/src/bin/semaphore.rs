// ANCHOR: all
use std::sync::Arc;

use ch08_http_concurrent::fetch_quote;
use course_support::{Report, Timer};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    let url = quote_service::url()?;
    let client = reqwest::Client::new();
    // Five permits: at most five requests out at any time.
    let permits = Arc::new(Semaphore::new(5));
    let _timer = Timer::start();

    let mut requests = JoinSet::new();
    for _ in 0..10 {
        let (client, url, permits) = (client.clone(), url.clone(), permits.clone());
        requests.spawn(async move {
            // Wait for a permit; it goes back to the semaphore when `_permit` is
            // dropped, at the end of this block, as `async with semaphore:` gives it
            // back.
            let _permit = permits
                .acquire()
                .await
                .expect("the semaphore is never closed");
            fetch_quote(&client, &url).await
        });
    }
    while let Some(answer) = requests.join_next().await {
        println!("{}", answer??);
    }
    Ok(())
}
// ANCHOR_END: all
