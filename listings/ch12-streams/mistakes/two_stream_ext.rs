// ANCHOR: all
use futures::StreamExt;
use tokio_stream::StreamExt as _; // Both traits are now in scope.

#[tokio::main]
async fn main() {
    let mut numbers = tokio_stream::iter([1, 2, 3]);
    while let Some(n) = numbers.next().await {
        println!("{n}");
    }
}
// ANCHOR_END: all
