// ANCHOR: all
/// How many steps the Collatz sequence takes from `n` down to 1.
async fn steps(n: u64) -> u64 {
    if n == 1 {
        return 0;
    }
    let next = if n.is_multiple_of(2) {
        n / 2
    } else {
        3 * n + 1
    };
    // The inner call's state lives on the heap: the outer future has a fixed size.
    1 + Box::pin(steps(next)).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("27 reaches 1 in {} steps", steps(27).await);
}
// ANCHOR_END: all
