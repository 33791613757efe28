// ANCHOR: all
use anyhow::Context;
use tokio::time::{Duration, Instant, sleep};
use tracing::{Instrument, info, info_span};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::LevelFilter;

// ANCHOR: parse
/// Reads a port number. The error says which text it could not read, and keeps the
/// parser's error as its cause.
fn parse_port(text: &str) -> anyhow::Result<u16> {
    text.parse()
        .with_context(|| format!("cannot read the port {text:?}"))
}
// ANCHOR_END: parse

async fn download() {
    info!("started");
    sleep(Duration::from_secs(1)).await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    course_support::pause_clock_if_asked();
    // ANCHOR: main
    // Log lines: `RUST_LOG` chooses them, `info` and above without it. A program of
    // your own keeps the time stamps; the book's listings leave them out.
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .from_env_lossy();
    tracing_subscriber::fmt()
        .without_time()
        .with_env_filter(filter)
        .init();

    // Timing: tokio's `Instant` follows the runtime's clock, paused or not. The span
    // names the download on every line logged inside it.
    let start = Instant::now();
    download()
        .instrument(info_span!("download", file = "a.txt"))
        .await;
    info!(took = ?start.elapsed(), "downloaded");

    // Errors: `?` turns any error into an `anyhow::Error`; returned from `main`, it
    // prints with its causes, and the program exits with code 1.
    let port = parse_port("80a")?;
    info!(port, "listening");
    Ok(())
    // ANCHOR_END: main
}
// ANCHOR_END: all
