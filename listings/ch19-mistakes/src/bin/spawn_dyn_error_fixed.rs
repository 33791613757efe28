// ANCHOR: all
use std::error::Error;

// `Send + Sync`: the error may cross threads, with the task's result.
async fn parse(text: &str) -> Result<u16, Box<dyn Error + Send + Sync>> {
    Ok(text.parse()?)
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { parse("8080").await });
    println!("{:?}", task.await.unwrap());
}
// ANCHOR_END: all
