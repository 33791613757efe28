// ANCHOR: all
trait Source {
    // Spelled out, the signature can promise that the future is `Send`.
    fn fetch(&self) -> impl Future<Output = String> + Send;
}

struct Fixed;

impl Source for Fixed {
    async fn fetch(&self) -> String {
        String::from("a quote")
    }
}

async fn print_in_task<S: Source + Send + Sync + 'static>(source: S) {
    let task = tokio::spawn(async move { source.fetch().await });
    println!("{}", task.await.unwrap());
}

#[tokio::main]
async fn main() {
    print_in_task(Fixed).await;
}
// ANCHOR_END: all
