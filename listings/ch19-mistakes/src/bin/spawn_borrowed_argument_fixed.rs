// ANCHOR: all
use std::sync::Arc;

async fn total(numbers: Arc<Vec<u64>>) -> u64 {
    numbers.iter().sum()
}

#[tokio::main]
async fn main() {
    let numbers = Arc::new(vec![1, 2, 3]);
    // The task gets an owner of its own; `main` keeps another.
    let task = tokio::spawn(total(Arc::clone(&numbers)));
    println!("total = {}", task.await.unwrap());
    println!("still ours: {numbers:?}");
}
// ANCHOR_END: all
