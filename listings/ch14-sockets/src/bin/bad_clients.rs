// ANCHOR: all
use ch14_sockets::Server;
use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    let server = Server::start().await?;
    let address = server.address();

    // Client 1 sends half a line, then closes its sending side.
    let mut stream = TcpStream::connect(address).await?;
    stream.write_all(b"half a li").await?;
    stream.shutdown().await?;
    info!("client 1 sent \"half a li\" and no newline, then closed its side");
    // It still reads: the end of the stream says the server has closed the
    // connection.
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).await?;
    info!(
        "client 1: the server closed the connection, {} bytes received",
        rest.len()
    );

    // Client 2 sends a line of 2,000 bytes.
    let mut stream = TcpStream::connect(address).await?;
    let (reader, mut writer) = stream.split();
    let long_line = "x".repeat(2000) + "\n";
    writer.write_all(long_line.as_bytes()).await?;
    info!("client 2 sent a line of {} bytes", long_line.len() - 1);
    let mut replies = BufReader::new(reader).lines();
    while let Some(reply) = replies.next_line().await? {
        info!("client 2 got {reply:?}");
    }
    info!("client 2: the server closed the connection");
    // Close ours too: the server, still reading what is left of the line, is done.
    drop(stream);

    // Client 3 comes after both: the server still answers.
    let mut stream = TcpStream::connect(address).await?;
    stream.write_all(b"still there?\n").await?;
    let mut replies = BufReader::new(stream).lines();
    if let Some(reply) = replies.next_line().await? {
        info!("client 3 got {reply:?}");
    }

    server.shut_down().await?;
    Ok(())
}
// ANCHOR_END: all
