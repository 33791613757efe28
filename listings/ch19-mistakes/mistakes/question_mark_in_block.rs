// ANCHOR: all
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let port: u16 = "8080".parse()?;
        Ok(port)
    });
    println!("{:?}", task.await.unwrap());
}
// ANCHOR_END: all
