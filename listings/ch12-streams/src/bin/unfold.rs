// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::init_logging;
use futures::stream::{self, Stream, StreamExt};
use tokio::time::sleep;
use tracing::info;

// ANCHOR: fetch
/// A stand-in for a paged API: each page takes 100 ms to arrive, and there are
/// three.
async fn fetch_page(number: u32) -> Option<Vec<String>> {
    info!("fetching page {number}");
    sleep(Duration::from_millis(100)).await;
    if number >= 3 {
        return None;
    }
    Some(vec![
        format!("item {}", 2 * number),
        format!("item {}", 2 * number + 1),
    ])
}
// ANCHOR_END: fetch

// ANCHOR: generator
// ANCHOR: pages
/// Every page, one after the other, as a stream.
fn pages() -> impl Stream<Item = Vec<String>> {
    // The state is the number of the next page. Each step fetches it and hands back
    // the page and the next state; `None` ends the stream.
    stream::unfold(0, |number| async move {
        let page = fetch_page(number).await?;
        Some((page, number + 1))
    })
}
// ANCHOR_END: pages

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // `next` needs a stream that stays put in memory while it waits: pin it.
    let mut pages = pin!(pages());
    // Python's `async for page in pages():`
    while let Some(page) = pages.next().await {
        info!("got {page:?}");
    }
    info!("no more pages");
}
// ANCHOR_END: main
// ANCHOR_END: generator
// ANCHOR_END: all
