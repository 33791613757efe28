// ANCHOR: all
use std::sync::Mutex;
use std::time::Duration;

async fn add(log: &Mutex<Vec<&'static str>>, line: &'static str, ms: u64) {
    let mut lines = log.lock().unwrap();
    tokio::time::sleep(Duration::from_millis(ms)).await; // Waits with the lock held
    lines.push(line);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::pause_clock_if_asked();
    // One task, no `spawn`: nothing asks for `Send`, so this compiles.
    let log = Mutex::new(Vec::new());
    tokio::join!(add(&log, "slow", 20), add(&log, "fast", 10));
    println!("{:?}", log.lock().unwrap());
}
// ANCHOR_END: all
