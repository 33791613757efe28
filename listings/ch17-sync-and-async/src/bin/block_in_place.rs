// ANCHOR: all
use ch17_sync_and_async::fetch_price;
use course_support::{Report, init_logging};
use tokio::runtime::Handle;
use tracing::info;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Report> {
    init_logging();
    // A task, so that it runs on one of the two worker threads.
    let task = tokio::spawn(async {
        // ANCHOR: block_in_place
        // Sync code run right here, on this worker thread: the worker's other tasks
        // go to another thread first. Inside, `Handle::block_on` may wait.
        let total = tokio::task::block_in_place(|| {
            let handle = Handle::current();
            handle.block_on(fetch_price("apple"))
                + handle.block_on(fetch_price("pear"))
        });
        // ANCHOR_END: block_in_place
        info!("total: {total}");
    });
    task.await?;
    Ok(())
}
// ANCHOR_END: all
