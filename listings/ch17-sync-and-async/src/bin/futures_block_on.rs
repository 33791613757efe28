// ANCHOR: all
use std::thread;
use std::time::Duration;

use tokio::sync::oneshot;

/// Waits for an answer that another thread sends: no timer, no socket.
async fn answer() -> u32 {
    let (sender, receiver) = oneshot::channel();
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(100)); // a slow computation
        let _ = sender.send(42);
    });
    receiver.await.unwrap_or(0)
}

fn main() {
    // No tokio runtime anywhere: futures' own small executor polls the future on
    // this thread, and parks the thread between polls.
    let value = futures::executor::block_on(answer());
    println!("answer: {value}");
}
// ANCHOR_END: all
