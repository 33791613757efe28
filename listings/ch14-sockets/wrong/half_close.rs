// Exercise 14 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in half_close.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use course_support::{Report, pause_clock_if_asked};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The most the server reads from one client.
const LIMIT: u64 = 64 * 1024;

/// The server, given: a task per connection. Each reads all its client sends, until
/// the client closes its sending side, then replies with one line and closes.
async fn count_server(listener: TcpListener) {
    loop {
        let Ok((stream, _peer)) = listener.accept().await else {
            // Pause before trying again, so as not to spin (see `serve` in the
            // text).
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        tokio::spawn(async move {
            if let Err(err) = count(stream).await {
                eprintln!("server: {err}");
            }
        });
    }
}

async fn count(mut stream: TcpStream) -> io::Result<()> {
    let mut text = String::new();
    // `read_to_string` ends at the end of the stream: when the client half-closes.
    (&mut stream).take(LIMIT).read_to_string(&mut text).await?;
    let lines = text.lines().count();
    let words = text.split_whitespace().count();
    let reply = format!("{lines} lines, {words} words\n");
    stream.write_all(reply.as_bytes()).await
}

/// Your part: connect to `address`, send each line of `text` with its newline, and
/// return the server's reply.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: the client never says it is done sending, so the server
    // waits for the end of the stream, and the client for a reply.
    pub async fn ask(address: SocketAddr, text: &[&str]) -> io::Result<String> {
        let mut stream = TcpStream::connect(address).await?;
        for line in text {
            stream.write_all(format!("{line}\n").as_bytes()).await?;
        }
        let mut reply = String::new();
        stream.read_to_string(&mut reply).await?;
        Ok(reply)
    }
}

// Runs the solution below. To run yours, write `use starter::ask;`
// (then `cargo test ex14` checks it).
use starter::ask;

const TEXTS: [&[&str]; 2] = [
    &["the quick brown fox", "jumps over", "the lazy dog"],
    &["hello", "world"],
];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    pause_clock_if_asked();
    // Port 0: the system picks a free port on the loopback address.
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(count_server(listener));

    // Both clients at once; their replies printed in the order they started.
    let clients: Vec<_> = TEXTS
        .iter()
        .map(|text| tokio::spawn(ask(address, text)))
        .collect();
    for (n, client) in clients.into_iter().enumerate() {
        print!("client {}: {}", n + 1, client.await??);
    }
    Ok(())
    // The server's task is dropped with the runtime when `main` returns.
}
