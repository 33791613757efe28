// ANCHOR: all
async fn double(n: u32) -> u32 {
    n * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // A loop is part of `main`'s body, so it may await: one call after the other.
    let mut doubled = Vec::new();
    for n in [1, 2, 3] {
        doubled.push(double(n).await);
    }
    println!("{doubled:?}");
}
// ANCHOR_END: all
