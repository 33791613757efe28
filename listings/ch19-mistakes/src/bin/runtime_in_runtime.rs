// ANCHOR: all
/// A sync function that wants an answer from async code, the quick way.
fn answer() -> u32 {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async { 42 })
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("Asking for the answer");
    // Fine from a plain `fn main`; here the thread is already driving a runtime.
    println!("{}", answer());
}
// ANCHOR_END: all
