// ANCHOR: all
use std::time::Duration;

use tokio::io::AsyncWriteExt;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // The same work; at each `.await` that is not ready, other tasks may run.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let manifest = tokio::fs::read_to_string("listings/ch19-mistakes/Cargo.toml")
        .await
        .unwrap();
    println!("{}", manifest.lines().next().unwrap());

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut stream = tokio::net::TcpStream::connect(listener.local_addr().unwrap())
        .await
        .unwrap();
    stream.write_all(b"ping").await.unwrap();
    println!("sent 4 bytes");

    let task = tokio::spawn(async { 6 * 7 });
    let answer = task.await.unwrap();
    println!("the task answered {answer}");
}
// ANCHOR_END: all
