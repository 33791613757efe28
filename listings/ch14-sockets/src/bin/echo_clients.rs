// ANCHOR: all
use std::io;
use std::net::SocketAddr;

use ch14_sockets::Server;
use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

// ANCHOR: client
/// Connects to the server, sends each line and reads its echo; returns what was sent
/// and what came back.
async fn client(
    address: SocketAddr,
    lines: &[&str],
) -> io::Result<Vec<(String, String)>> {
    let mut stream = TcpStream::connect(address).await?;
    // Two halves: one to write to, one to read lines from.
    let (reader, mut writer) = stream.split();
    let mut replies = BufReader::new(reader).lines();
    let mut exchanges = Vec::new();
    for line in lines {
        writer.write_all(format!("{line}\n").as_bytes()).await?;
        // `None`: the server closed the connection before answering.
        let reply = replies
            .next_line()
            .await?
            .ok_or(io::ErrorKind::UnexpectedEof)?;
        exchanges.push((line.to_string(), reply));
    }
    Ok(exchanges)
    // `stream` is dropped here: the connection closes.
}
// ANCHOR_END: client

// ANCHOR: main
const SCRIPTS: [&[&str]; 3] =
    [&["Hello", "World"], &["ping"], &["one", "two", "three"]];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    let server = Server::start().await?;
    let address = server.address();

    // Every client is a task: all three are connected at once.
    let clients: Vec<_> = SCRIPTS
        .iter()
        .map(|lines| tokio::spawn(client(address, lines)))
        .collect();
    // Await them in the order they were started, whichever finished first, so the
    // output is in client order on every run.
    for (n, client) in clients.into_iter().enumerate() {
        for (sent, got) in client.await?? {
            println!("client {}: sent {sent:?}, got {got:?}", n + 1);
        }
    }

    server.shut_down().await?;
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
