// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tracing::info;

async fn hello() {
    info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // Calling an `async fn` runs none of its body: it returns a future.
    let first = hello();
    let second = hello();
    println!("type: {}", std::any::type_name_of_val(&first));
    println!("size: {} bytes", size_of_val(&first));
    // Awaiting runs it to the end.
    first.await;
    // Dropping it without awaiting means it never runs: no second "Hello".
    drop(second);
}
// ANCHOR_END: main
// ANCHOR_END: all
