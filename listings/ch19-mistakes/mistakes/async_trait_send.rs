// ANCHOR: all
trait Source {
    async fn fetch(&self) -> String;
}

struct Fixed;

impl Source for Fixed {
    async fn fetch(&self) -> String {
        String::from("a quote")
    }
}

// Generic over any source: nothing says its future is `Send`.
async fn print_in_task<S: Source + Send + Sync + 'static>(source: S) {
    let task = tokio::spawn(async move { source.fetch().await });
    println!("{}", task.await.unwrap());
}

#[tokio::main]
async fn main() {
    print_in_task(Fixed).await;
}
// ANCHOR_END: all
