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

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sources: Vec<Box<dyn Source>> = vec![Box::new(Fixed)];
    for source in &sources {
        println!("{}", source.fetch().await);
    }
}
// ANCHOR_END: all
