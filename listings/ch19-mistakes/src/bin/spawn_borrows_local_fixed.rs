// ANCHOR: all
#[tokio::main]
async fn main() {
    let name = String::from("Ada");
    // `async move` moves `name` into the task, which owns it from then on.
    let task = tokio::spawn(async move {
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
