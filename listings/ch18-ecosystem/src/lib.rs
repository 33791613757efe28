//! The functions that chapter 18's tests check, in `tests/`.

// ANCHOR: all
use std::io;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::time::sleep;

// ANCHOR: remind
/// Waits for `delay`, then returns the reminder's text.
pub async fn remind_after(delay: Duration, what: &str) -> String {
    sleep(delay).await;
    format!("Reminder: {what}")
}
// ANCHOR_END: remind

// ANCHOR: protocol
/// Serves reminders over any byte stream: each line the peer sends is
/// `<seconds> <what>`, answered that many seconds later with `Reminder: <what>`.
/// Returns how many lines it answered, once the peer has closed its side.
pub async fn serve_reminders<S>(stream: S) -> io::Result<u32>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    // Buffers what is read; what is written goes straight through to `stream`.
    let mut stream = BufReader::new(stream);
    let mut line = String::new();
    let mut answered = 0;
    while stream.read_line(&mut line).await? > 0 {
        let answer = match parse(&line) {
            Some((delay, what)) => remind_after(delay, what).await,
            None => format!(
                "error: expected `<seconds> <what>`, got {:?}",
                line.trim_end()
            ),
        };
        stream.write_all(format!("{answer}\n").as_bytes()).await?;
        answered += 1;
        line.clear();
    }
    Ok(answered)
}

/// Splits `"90 stretch\n"` into 90 seconds and `"stretch"`.
fn parse(line: &str) -> Option<(Duration, &str)> {
    let (seconds, what) = line.trim_end().split_once(' ')?;
    Some((Duration::from_secs(seconds.parse().ok()?), what))
}
// ANCHOR_END: protocol
// ANCHOR_END: all
