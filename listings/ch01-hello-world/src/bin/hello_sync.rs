// ANCHOR: all
use std::thread;
use std::time::Duration;

use course_support::{Timer, init_logging};
use tracing::info;

// ANCHOR: hello
fn hello() {
    info!("Hello");
    thread::sleep(Duration::from_secs(1)); // A blocking "I/O" call
    info!("World");
}
// ANCHOR_END: hello

fn main() {
    init_logging();
    let _timer = Timer::start();
    hello();
    hello();
}
// ANCHOR_END: all
