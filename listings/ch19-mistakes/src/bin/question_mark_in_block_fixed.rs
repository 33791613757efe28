// ANCHOR: all
use std::num::ParseIntError;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let port: u16 = "8080".parse()?;
        Ok::<_, ParseIntError>(port) // Names the error type `?` converts to
    });
    println!("{:?}", task.await.unwrap());
}
// ANCHOR_END: all
