// ANCHOR: all
use std::rc::Rc;
use std::time::Duration;

// A local runtime: one thread, on which every task stays.
#[tokio::main(flavor = "local")]
async fn main() {
    // `spawn_local` keeps the task on this thread, so it need not be `Send`.
    let task = tokio::task::spawn_local(async {
        let name = Rc::new(String::from("Ada"));
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
