// ANCHOR: all
fn main() {
    println!("Spawning a task");
    // No runtime has been started: nothing could run this task.
    let task = tokio::spawn(async { println!("Hello") });
    drop(task);
}
// ANCHOR_END: all
