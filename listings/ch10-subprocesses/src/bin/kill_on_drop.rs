// ANCHOR: all
use std::process::Stdio;
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::io::AsyncReadExt;
use tokio::process::Command;
use tokio::time::timeout;
use tracing::info;

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    // A process that would run for ten minutes.
    let mut sleeper = Command::new("sleep")
        .arg("600")
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let mut stdout = sleeper.stdout.take().expect("stdout is piped");

    // Wait for it, but for a second at most. The `Child` moves into the future, so
    // when the timeout drops the future, it drops the `Child` too.
    let waited =
        timeout(Duration::from_secs(1), async move { sleeper.wait().await }).await;
    if waited.is_err() {
        info!("gave up waiting for sleep");
    }

    // `sleep` prints nothing: its output ends only when the process does.
    let mut output = Vec::new();
    stdout.read_to_end(&mut output).await?;
    info!(
        "sleep's output is closed ({} bytes): it is gone",
        output.len()
    );
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
