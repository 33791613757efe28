// ANCHOR: all
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let count = Arc::clone(&count);
        async move {
            let mut guard = count.lock().unwrap();
            *guard += 1;
            // The guard lives until the end of the block, so across this `.await`.
            tokio::time::sleep(Duration::from_millis(10)).await;
            *guard += 1;
        }
    });
    task.await.unwrap();
    println!("count = {}", count.lock().unwrap());
}
// ANCHOR_END: all
