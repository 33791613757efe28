// ANCHOR: all
use std::sync::Mutex;
use std::time::Duration;

async fn add(log: &Mutex<Vec<&'static str>>, line: &'static str, ms: u64) {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    log.lock().unwrap().push(line); // Locked for this line only
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::pause_clock_if_asked();
    let log = Mutex::new(Vec::new());
    tokio::join!(add(&log, "slow", 20), add(&log, "fast", 10));
    println!("{:?}", log.lock().unwrap());
}
// ANCHOR_END: all
