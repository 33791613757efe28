// ANCHOR: all
use std::rc::Rc;
use std::time::Duration;

// One thread only, and yet `tokio::spawn` asks for a `Send` future.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        // `Rc` is not `Send`, and it lives across the `.await` below.
        let name = Rc::new(String::from("Ada"));
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("Hello, {name}");
    });
    task.await.unwrap();
}
// ANCHOR_END: all
