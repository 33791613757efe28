// ANCHOR: all
use std::io;
use std::process::Stdio;

use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{ChildStdout, Command};
use tracing::info;

// ANCHOR: program
// ANCHOR: log_stream
/// Logs each line the process prints, until it closes its standard output.
async fn log_stream(stdout: ChildStdout) -> io::Result<()> {
    let mut lines = BufReader::new(stdout).lines();
    // `next_line` gives `None` at the end of the output, where `readline` gives
    // `b""`.
    while let Some(line) = lines.next_line().await? {
        info!("{line}");
    }
    info!("(end of tee's output)");
    Ok(())
}
// ANCHOR_END: log_stream

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    // `tee` copies its standard input to its standard output: pipe both to us.
    let mut tee = Command::new("tee")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .kill_on_drop(true) // Should we return early, take `tee` down with us.
        .spawn()?;
    // Take the pipes out of the `Child`, so that each can go its own way.
    let mut stdin = tee.stdin.take().expect("stdin is piped");
    let stdout = tee.stdout.take().expect("stdout is piped");
    let logger = tokio::spawn(log_stream(stdout));

    info!("writing two lines, then closing tee's input");
    stdin.write_all(b"Hello\n").await?;
    stdin.write_all(b"World\n").await?;
    // The polite way to stop `tee`: at the end of its input, it exits by itself.
    drop(stdin);

    logger.await??; // The logger ends when `tee` closes its output...
    let status = tee.wait().await?; // ...and `wait` gives its exit status.
    info!("tee exited: {status}");
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: program
// ANCHOR_END: all
