// ANCHOR: all
async fn total(numbers: &[u64]) -> u64 {
    numbers.iter().sum()
}

#[tokio::main]
async fn main() {
    let numbers = vec![1, 2, 3];
    // The future holds `&numbers`, a borrow of a local.
    let task = tokio::spawn(total(&numbers));
    println!("total = {}", task.await.unwrap());
}
// ANCHOR_END: all
