// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        // `Arc` counts its owners with atomics: it may move between threads.
        let name = Arc::new(String::from("Ada"));
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
