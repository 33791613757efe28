// ANCHOR: all
async fn answer() -> u32 {
    42
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let value: u32 = answer(); // A future of a `u32`, not a `u32`
    println!("{value}");
}
// ANCHOR_END: all
