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
    let permits = Arc::new(Semaphore::new(5));
    let _timer = Timer::start();

    let mut requests = JoinSet::new();
    let mut most_tasks = 0;
    for _ in 0..10 {
        // Wait for a permit *before* spawning: with five tasks out, the loop stops
        // here until one of them ends. The permit holds an `Arc` of the semaphore
        // instead of a borrow, so it can move into the task.
        let permit = permits.clone().acquire_owned().await?;
        // A finished task stays in the set, its memory held, until it is joined:
        // take the answers already in before adding a task.
        while let Some(answer) = requests.try_join_next() {
            println!("{}", answer??);
        }
        let (client, url) = (client.clone(), url.clone());
        requests.spawn(async move {
            let quote = fetch_quote(&client, &url).await;
            // Naming `permit` here moves it into the task; dropping it gives it
            // back.
            drop(permit);
            quote
        });
        most_tasks = most_tasks.max(requests.len());
    }
    while let Some(answer) = requests.join_next().await {
        println!("{}", answer??);
    }
    println!("Tasks in the set at most: {most_tasks}");
    Ok(())
}
// ANCHOR_END: all
