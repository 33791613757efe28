// ANCHOR: all
// One `StreamExt` per file: here tokio-stream's. A method only the other trait has
// is still in reach by its path: `futures::StreamExt::buffer_unordered(stream, 5)`.
use tokio_stream::StreamExt;

#[tokio::main]
async fn main() {
    let mut numbers = tokio_stream::iter([1, 2, 3]);
    while let Some(n) = numbers.next().await {
        println!("{n}");
    }
}
// ANCHOR_END: all
