// ANCHOR: all
#[tokio::main]
async fn main() {
    let name = String::from("Ada");
    // The block borrows `name`; the task may outlive `main`'s frame.
    let task = tokio::spawn(async {
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
