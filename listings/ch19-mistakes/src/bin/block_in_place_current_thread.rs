// ANCHOR: all
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("Summing");
    // "Run this blocking closure here, and move my other tasks to another worker":
    // a current-thread runtime has no other worker.
    let sum = tokio::task::block_in_place(|| (0..1_000u64).sum::<u64>());
    println!("{sum}");
}
// ANCHOR_END: all
