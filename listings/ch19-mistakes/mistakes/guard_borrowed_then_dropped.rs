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
            *guard += 1; // Borrows `guard`, through `DerefMut`...
            drop(guard); // ...so its place stays in the future
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    });
    task.await.unwrap();
    println!("count = {}", count.lock().unwrap());
}
// ANCHOR_END: all
