// ANCHOR: all
use ch14_sockets::Server;
use course_support::{Report, init_logging};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tracing::info;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    let server = Server::start().await?;
    let address = server.address();

    // A client that is still connected when the server shuts down. (`BufReader`
    // reads lines; what is written to it goes straight to the socket.)
    let mut stream = BufReader::new(TcpStream::connect(address).await?);
    stream.write_all(b"ping\n").await?;
    let mut reply = String::new();
    stream.read_line(&mut reply).await?;
    info!("before the shutdown, got {reply:?}");

    server.shut_down().await?;
    info!("the server has shut down");

    // Its connection is closed: reading gives the end of the stream.
    reply.clear();
    let read = stream.read_line(&mut reply).await?;
    info!("the open connection reads {read} bytes");
    // And nothing listens on the port any more.
    match TcpStream::connect(address).await {
        Ok(_) => info!("connected again?"),
        Err(err) => info!("connecting again: {:?}", err.kind()),
    }
    Ok(())
}
// ANCHOR_END: all
