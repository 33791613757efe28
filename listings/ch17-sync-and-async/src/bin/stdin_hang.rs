// ANCHOR: all
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // Echoes what the user types while the program works.
    let echo = tokio::spawn(async {
        let mut lines = BufReader::new(tokio::io::stdin()).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            println!("you typed: {line}");
        }
    });

    tokio::time::sleep(Duration::from_millis(300)).await; // the program's work
    println!("work done, stopping the echo");
    echo.abort();
    println!("main returns");
    // The runtime is dropped here, and waits for the read of stdin to return.
}
// ANCHOR_END: all
