// ANCHOR: all
use std::sync::Arc;

trait Greeter {
    fn greet(&self, name: &str) -> String;
}

struct English;

impl Greeter for English {
    fn greet(&self, name: &str) -> String {
        format!("Hello, {name}")
    }
}

#[tokio::main]
async fn main() {
    // `Send + Sync` in the type: only greeters that may be shared between threads
    // fit in it, and the `Arc` may then go to another thread.
    let greeter: Arc<dyn Greeter + Send + Sync> = Arc::new(English);
    let mut tasks = Vec::new();
    for name in ["Ada", "Grace"] {
        let greeter = Arc::clone(&greeter);
        tasks.push(tokio::spawn(async move { greeter.greet(name) }));
    }
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
// ANCHOR_END: all
