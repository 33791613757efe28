// ANCHOR: all
use ch17_sync_and_async::fetch_price;
use course_support::{Report, init_logging};
use tokio::runtime::Handle;
use tracing::info;

// ANCHOR: sync
/// Sync code, from a library that knows nothing of async: it calls back into the
/// runtime through a `Handle` for each price.
fn total_price(handle: &Handle, items: &[&str]) -> u32 {
    items
        .iter()
        .map(|item| handle.block_on(fetch_price(item)))
        .sum()
}
// ANCHOR_END: sync

// ANCHOR: main
#[tokio::main]
async fn main() -> Result<(), Report> {
    init_logging();
    // A handle to the runtime this task runs on, for the sync code to use.
    let handle = Handle::current();
    // On a thread of the blocking pool, where blocking is allowed.
    let total = tokio::task::spawn_blocking(move || {
        total_price(&handle, &["apple", "pear"])
    })
    .await?;
    info!("total: {total}");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
