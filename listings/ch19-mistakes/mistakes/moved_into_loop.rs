// ANCHOR: all
use std::sync::Arc;

#[tokio::main]
async fn main() {
    let greeting = Arc::new(String::from("Hello"));
    let mut tasks = Vec::new();
    for id in 0..3 {
        // `async move` takes the one `greeting` on the first turn of the loop.
        let task = tokio::spawn(async move { format!("{greeting} from task {id}") });
        tasks.push(task);
    }
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
// ANCHOR_END: all
