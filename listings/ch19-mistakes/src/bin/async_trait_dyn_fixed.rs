// ANCHOR: all
use std::future::Future;
use std::pin::Pin;

/// The future `fetch` returns, boxed: one type, whatever the source.
type Fetching<'a> = Pin<Box<dyn Future<Output = String> + Send + 'a>>;

trait Source {
    fn fetch(&self) -> Fetching<'_>;
}

struct Fixed;

impl Source for Fixed {
    fn fetch(&self) -> Fetching<'_> {
        Box::pin(async { String::from("a quote") })
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sources: Vec<Box<dyn Source>> = vec![Box::new(Fixed)];
    for source in &sources {
        println!("{}", source.fetch().await);
    }
}
// ANCHOR_END: all
