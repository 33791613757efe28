// ANCHOR: all
async fn double(n: u32) -> u32 {
    n * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The closure is async now, so each call returns a future, not a `u32`.
    let doubled: Vec<u32> = [1, 2, 3]
        .into_iter()
        .map(async |n| double(n).await)
        .collect();
    println!("{doubled:?}");
}
// ANCHOR_END: all
