// ANCHOR: all
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::runtime::Builder;

fn main() -> std::io::Result<()> {
    let runtime = Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        // The same echo task as in `stdin_hang`.
        let echo = tokio::spawn(async {
            let mut lines = BufReader::new(tokio::io::stdin()).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                println!("you typed: {line}");
            }
        });
        tokio::time::sleep(Duration::from_millis(300)).await; // the program's work
        println!("work done, stopping the echo");
        echo.abort();
    });
    // ANCHOR: shutdown
    // Wait at most 100 ms for the blocking pool, then leave its threads behind.
    runtime.shutdown_timeout(Duration::from_millis(100));
    println!("main returns");
    // ANCHOR_END: shutdown
    Ok(())
}
// ANCHOR_END: all
