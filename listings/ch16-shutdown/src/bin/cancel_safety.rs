// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tokio::time::sleep;
use tracing::info;

// ANCHOR: peer
/// A peer that sends one line in two pieces, 1.5 s apart, as a slow client might.
/// `duplex` is an in-memory pipe: what is written to one end is read from the other.
fn slow_peer() -> BufReader<DuplexStream> {
    let (mut writer, reader) = tokio::io::duplex(64);
    tokio::spawn(async move {
        writer.write_all(b"Hello, ").await.unwrap();
        sleep(Duration::from_millis(1500)).await;
        writer.write_all(b"World\n").await.unwrap();
    });
    BufReader::new(reader)
}
// ANCHOR_END: peer

// ANCHOR: lossy
/// Waits for a line, saying so every second: a new `read_line` on each turn.
async fn lossy() -> Result<(), Report> {
    let mut reader = slow_peer();
    let mut line = String::new();
    loop {
        tokio::select! {
            result = reader.read_line(&mut line) => {
                result?;
                info!("lossy: got {line:?}");
                return Ok(());
            }
            () = sleep(Duration::from_secs(1)) => {
                info!("lossy: still waiting, the buffer holds {line:?}");
            }
        }
    }
}
// ANCHOR_END: lossy

// ANCHOR: pinned
/// The same wait, with one `read_line` future for the whole loop.
async fn pinned() -> Result<(), Report> {
    let mut reader = slow_peer();
    let mut line = String::new();
    {
        // Created once, pinned, and polled through `&mut` on every turn: losing a
        // race no longer drops it, so what it has read stays in it.
        let mut read = pin!(reader.read_line(&mut line));
        loop {
            tokio::select! {
                result = &mut read => {
                    result?;
                    break;
                }
                () = sleep(Duration::from_secs(1)) => info!("pinned: still waiting"),
            }
        }
    } // `read` is dropped here, and gives `line` back.
    info!("pinned: got {line:?}");
    Ok(())
}
// ANCHOR_END: pinned

// ANCHOR: channel
/// The same wait on a channel, whose `recv` is cancel safe.
async fn channel() {
    let (sender, mut receiver) = mpsc::channel(8);
    tokio::spawn(async move {
        sender.send("Hello, ").await.unwrap();
        sleep(Duration::from_millis(1500)).await;
        sender.send("World").await.unwrap();
    });
    loop {
        tokio::select! {
            message = receiver.recv() => match message {
                Some(message) => info!("channel: got {message:?}"),
                None => return, // The sender is gone.
            },
            () = sleep(Duration::from_secs(1)) => info!("channel: still waiting"),
        }
    }
}
// ANCHOR_END: channel

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    lossy().await?;
    pinned().await?;
    channel().await;
    Ok(())
}
// ANCHOR_END: all
