// ANCHOR: all
use std::error::Error;

async fn parse(text: &str) -> Result<u16, Box<dyn Error>> {
    Ok(text.parse()?)
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { parse("8080").await });
    println!("{:?}", task.await.unwrap());
}
// ANCHOR_END: all
