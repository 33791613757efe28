// ANCHOR: all
use ch17_sync_and_async::fetch_price;
use course_support::Report;
use tokio::runtime::{Builder, Runtime};
use tokio::task::{JoinError, JoinHandle};

// ANCHOR: client
/// A sync API over async code: one runtime, built once, kept for every call.
pub struct PriceClient {
    runtime: Runtime,
}

impl PriceClient {
    pub fn new() -> std::io::Result<PriceClient> {
        let runtime = Builder::new_current_thread().enable_all().build()?;
        // The book's logging, on this runtime's clock (paused in the book's tests).
        runtime.block_on(async { course_support::init_logging() });
        Ok(PriceClient { runtime })
    }

    /// Blocks the calling thread until the price is known.
    pub fn price(&self, item: &str) -> u32 {
        self.runtime.block_on(fetch_price(item))
    }

    /// Several prices, fetched concurrently inside one call.
    pub fn prices(&self, items: &[&str]) -> Vec<u32> {
        let all = items.iter().map(|item| fetch_price(item));
        self.runtime.block_on(futures::future::join_all(all))
    }

    /// Starts fetching and returns at once, with a handle to the task.
    pub fn start(&self, item: &str) -> JoinHandle<u32> {
        let item = item.to_string();
        self.runtime.spawn(async move { fetch_price(&item).await })
    }

    /// Blocks until a task from `start` is done.
    pub fn wait(&self, task: JoinHandle<u32>) -> Result<u32, JoinError> {
        self.runtime.block_on(task)
    }
}
// ANCHOR_END: client

// ANCHOR: main
fn main() -> Result<(), Report> {
    let client = PriceClient::new()?;

    // Plain sync calls: each blocks this thread for its 100 ms.
    let total = client.price("apple") + client.price("pear");
    println!("apple + pear = {total}");

    // Three at once, still one sync call.
    let prices = client.prices(&["fig", "kiwi", "melon"]);
    println!("fig, kiwi, melon = {prices:?}");

    // A task started in the background: on this current-thread runtime it runs
    // only while some call is inside `block_on`, here the one for the apricot.
    let plum = client.start("plum");
    let apricot = client.price("apricot");
    let plum = client.wait(plum)?;
    println!("apricot = {apricot}, plum = {plum}");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
