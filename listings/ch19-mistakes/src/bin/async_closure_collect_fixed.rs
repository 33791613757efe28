// ANCHOR: all
async fn double(n: u32) -> u32 {
    n * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Collect the futures, then await them all together: `join_all` keeps their
    // order.
    let futures = [1, 2, 3].into_iter().map(double);
    let doubled: Vec<u32> = futures::future::join_all(futures).await;
    println!("{doubled:?}");
}
// ANCHOR_END: all
