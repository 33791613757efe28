// ANCHOR: all
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;

use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;
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
    let mut lines =
        BufReader::new(tee.stdout.take().expect("stdout is piped")).lines();

    // Write a line, then wait for it to come back before writing the next.
    for word in ["Hello", "World"] {
        stdin.write_all(format!("{word}\n").as_bytes()).await?;
        let echo = lines.next_line().await?;
        info!("wrote {word:?}, read back {echo:?}");
    }
    // Its input is still open, so `tee` waits for more: it has not exited.
    info!("exit status before the kill: {:?}", tee.try_wait()?);

    // ANCHOR: kill
    tee.kill().await?; // Sends SIGKILL, then waits for the process to exit.
    let status = tee.wait().await?; // The status `kill` waited for.
    info!("tee exited: {status}");
    info!(
        "success: {}, code: {:?}, signal: {:?}",
        status.success(),
        status.code(),
        status.signal()
    );
    // ANCHOR_END: kill

    // ANCHOR: pipes
    // Its end of both pipes closed with it.
    info!("next line: {:?}", lines.next_line().await?);
    if let Err(err) = stdin.write_all(b"Anyone?\n").await {
        info!("writing: {err} ({:?})", err.kind());
    }
    // ANCHOR_END: pipes
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
