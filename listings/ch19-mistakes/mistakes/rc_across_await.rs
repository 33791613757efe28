// ANCHOR: all
use std::rc::Rc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        // `Rc` counts its owners without atomics: two threads must never share one.
        let name = Rc::new(String::from("Ada"));
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
