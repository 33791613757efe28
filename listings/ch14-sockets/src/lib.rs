//! Chapter 14's echo server: it sends every line it receives back to the client that
//! sent it. The listings start it in their own process; `tests/server.rs`
//! starts it in the test's.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::{JoinError, JoinHandle, JoinSet};
use tracing::warn;

// ANCHOR: limit
/// The longest line the server echoes, in bytes, newline not counted.
pub const MAX_LINE: usize = 1024;
// ANCHOR_END: limit

// ANCHOR: serve
/// How long the accept loop waits after an error that is not about one connection,
/// such as having no file descriptor left, before it accepts again.
pub const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Accepts connections on `listener` until `shutdown` completes, each served by a
/// task of its own. Then it closes the listener and every connection, and returns.
pub async fn serve(listener: TcpListener, shutdown: impl Future<Output = ()>) {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut connections = JoinSet::new();
    let mut count = 0;
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    count += 1;
                    connections.spawn(echo(count, stream));
                }
                // One connection failed before it was taken: accept the next at
                // once.
                Err(err) if is_connection_error(&err) => {
                    warn!("a connection failed before it was accepted: {err}");
                }
                // Most likely no file descriptor is left (EMFILE). Accepting again
                // at once would fail again at once, in a loop that spins: wait a
                // moment, during which connections may end and free some, unless
                // asked to stop.
                Err(err) => {
                    let pause = ACCEPT_BACKOFF.as_millis();
                    warn!("cannot accept connections: {err}; retry in {pause} ms");
                    tokio::select! {
                        () = &mut shutdown => break,
                        () = tokio::time::sleep(ACCEPT_BACKOFF) => {}
                    }
                }
            },
            // Forget the connections that have ended, so the set does not grow
            // forever.
            Some(_) = connections.join_next() => {}
        }
    }
    // Abort the connections' tasks, and wait until they are gone: their sockets are
    // closed when this returns. `listener` is dropped too: the port closes.
    connections.shutdown().await;
}

/// Whether an error of `accept` concerns one incoming connection only: the kinds
/// that axum's `serve` skips without waiting.
fn is_connection_error(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
    )
}
// ANCHOR_END: serve

// ANCHOR: echo
/// Serves one connection: echoes each line, up to `MAX_LINE` bytes, until the client
/// stops sending.
async fn echo(id: u32, mut stream: TcpStream) {
    if let Err(err) = echo_lines(id, &mut stream).await {
        // The client reset the connection, or went away while we wrote to it.
        warn!("connection {id}: {err}");
    }
}

async fn echo_lines(id: u32, stream: &mut TcpStream) -> io::Result<()> {
    let (reader, mut writer) = stream.split();
    let mut reader = BufReader::new(reader);
    let mut line = Vec::new();
    loop {
        line.clear();
        // Read up to the newline, but never more than `MAX_LINE` bytes and the
        // newline: a longer line is never held whole in memory.
        let limit = MAX_LINE as u64 + 1;
        (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut line)
            .await?;
        if line.ends_with(b"\n") {
            writer.write_all(&line).await?;
        } else if line.len() > MAX_LINE {
            warn!("connection {id}: line over {MAX_LINE} bytes, closing");
            let error = format!("error: line longer than {MAX_LINE} bytes\n");
            writer.write_all(error.as_bytes()).await?;
            // Close our side: the client reads the error, then the end of the
            // stream.
            writer.shutdown().await?;
            // Then read what the client still sends, and drop it, until it closes
            // its side. Closing a socket that has unread input sends a reset
            // instead, which may reach the client before it has read the error.
            tokio::io::copy(&mut reader, &mut tokio::io::sink()).await?;
            return Ok(());
        } else {
            // The end of the stream: the client closed its side.
            if !line.is_empty() {
                let len = line.len();
                warn!("connection {id}: dropped a partial line of {len} bytes");
            }
            return Ok(());
        }
    }
}
// ANCHOR_END: echo

// ANCHOR: server
/// An echo server running as a task, on 127.0.0.1 and a port the system picked.
pub struct Server {
    address: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl Server {
    pub async fn start() -> io::Result<Server> {
        // Port 0: the system picks a free port. Once bound, the socket listens: the
        // system queues the connections that come before the task accepts them.
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        // `stopped` completes when `stop` sends, or when it is dropped with the
        // Server.
        let shutdown = async move {
            let _ = stopped.await;
        };
        let task = tokio::spawn(serve(listener, shutdown));
        Ok(Server {
            address,
            stop,
            task,
        })
    }

    /// Where clients connect.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops the server and waits until the port and every connection are closed.
    pub async fn shut_down(self) -> Result<(), JoinError> {
        // Fails only if the task has already ended, which it cannot do before this.
        let _ = self.stop.send(());
        self.task.await
    }
}
// ANCHOR_END: server
