// ANCHOR: all
async fn answer() -> u32 {
    42
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let value: u32 = answer().await;
    println!("{value}");
}
// ANCHOR_END: all
