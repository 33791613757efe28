// ANCHOR: all
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec![10, 20]));
    let task = tokio::spawn({
        let queue = Arc::clone(&queue);
        async move {
            // The guard is a temporary of the `match` line: it lives until the
            // `match` ends.
            match queue.lock().unwrap().pop() {
                Some(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
                None => println!("nothing to do"),
            }
        }
    });
    task.await.unwrap();
    println!("left: {:?}", queue.lock().unwrap());
}
// ANCHOR_END: all
