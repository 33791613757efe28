// ANCHOR: all
use std::sync::Arc;

#[tokio::main]
async fn main() {
    let greeting = Arc::new(String::from("Hello"));
    let mut tasks = Vec::new();
    for id in 0..3 {
        let greeting = Arc::clone(&greeting); // One owner per task
        let task = tokio::spawn(async move { format!("{greeting} from task {id}") });
        tasks.push(task);
    }
    // Printed here, in the order of the handles, whatever order the tasks ran in.
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
// ANCHOR_END: all
