// ANCHOR: all
use std::io;
use std::time::Duration;

use course_support::init_logging;
use tokio::runtime::Builder;
use tokio::time::sleep;
use tracing::info;

async fn sleep_and_return() -> &'static str {
    sleep(Duration::from_secs(1)).await;
    "Hello World"
}

// ANCHOR: main
// No attribute: this is the plain `fn main` that `#[tokio::main(flavor =
// "current_thread")]` writes around an `async fn main`.
fn main() -> io::Result<()> {
    let runtime = Builder::new_current_thread()
        .enable_all() // Start the timer and the I/O driver
        .build()?;

    // `block_on` runs one future on this thread until it is done, and every task
    // spawned meanwhile gets its turns too. What the future returns, it returns.
    let greeting = runtime.block_on(async {
        init_logging(); // Inside the runtime, so it can pause its clock
        tokio::spawn(async {
            sleep(Duration::from_secs(2)).await;
            info!("never printed: the runtime stops first");
        });
        info!("block_on starts");
        let greeting = sleep_and_return().await;
        info!("block_on ends");
        greeting
    });
    println!("block_on returned {greeting:?}");

    // Dropping the runtime drops every task still in it, unfinished or not.
    drop(runtime);
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
