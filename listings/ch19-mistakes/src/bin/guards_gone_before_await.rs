// ANCHOR: all
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let count = Arc::new(Mutex::new(0));
    let task = tokio::spawn({
        let count = Arc::clone(&count);
        async move {
            // Moved into `drop` and never borrowed: gone before the `.await`.
            let guard = count.lock().unwrap();
            drop(guard);
            tokio::time::sleep(Duration::from_millis(10)).await;

            // Borrowed, but a temporary: gone at the end of its statement, the `;`.
            *count.lock().unwrap() += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    });
    task.await.unwrap();
    println!("count = {}", count.lock().unwrap());
}
// ANCHOR_END: all
