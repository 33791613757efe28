// ANCHOR: all
use std::process::Stdio;
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::io::AsyncWriteExt;
use tokio::process::Command;
use tokio::time::timeout;
use tracing::info;

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    let mut tee = Command::new("tee")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut stdin = tee.stdin.take().expect("stdin is piped");

    // About a megabyte of lines, and nobody reads what `tee` writes back.
    let lines = "Hello, World\n".repeat(80_000);
    info!("writing {} bytes", lines.len());
    match timeout(Duration::from_secs(1), stdin.write_all(lines.as_bytes())).await {
        Ok(written) => {
            written?;
            info!("wrote them all");
        }
        Err(_) => info!("still writing after a second: both pipes are full"),
    }
    Ok(()) // `tee` is dropped here, and killed.
}
// ANCHOR_END: main
// ANCHOR_END: all
