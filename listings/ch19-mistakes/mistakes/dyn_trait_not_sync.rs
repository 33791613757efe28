// ANCHOR: all
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
    // A shared reference that lives as long as the program: `'static` is not the
    // problem here.
    let greeter: &'static dyn Greeter = &English;
    let task = tokio::spawn(async move { greeter.greet("Ada") });
    println!("{}", task.await.unwrap());
}
// ANCHOR_END: all
