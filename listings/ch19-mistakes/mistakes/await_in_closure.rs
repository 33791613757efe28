// ANCHOR: all
async fn double(n: u32) -> u32 {
    n * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let doubled: Vec<u32> = [1, 2, 3].into_iter().map(|n| double(n).await).collect();
    println!("{doubled:?}");
}
// ANCHOR_END: all
