//! Chapter 14's claims about its echo server, tested in this process on 127.0.0.1:
//! a client that hangs up in the middle of a line, or sends a line over the limit,
//! costs only its own connection; several clients are served at once; once shut
//! down, the server leaves no connection open and nothing listening; and out of file
//! descriptors, its accept loop waits between tries instead of spinning, then serves
//! again (checked in a child process, whose limit on open files can be lowered).
//!
//! Nothing here waits on a timer but that last test, whose check holds however late
//! its timers fire: each step waits for what the server does (a reply, the end of a
//! stream, a line in its log). The one time limit only turns a hang into a failure.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ch14_sockets::{ACCEPT_BACKOFF, MAX_LINE, Server};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};

/// Far more than any of these tests takes; reached only if one hangs.
const TIME_LIMIT: Duration = Duration::from_secs(30);

async fn within_limit<F: Future>(test: F) -> F::Output {
    tokio::time::timeout(TIME_LIMIT, test)
        .await
        .expect("the test hung")
}

async fn connect(address: SocketAddr) -> BufReader<TcpStream> {
    BufReader::new(TcpStream::connect(address).await.unwrap())
}

/// Sends `line` and a newline; returns the line that comes back, newline included,
/// or `None` if the server closed the connection instead.
async fn exchange(stream: &mut BufReader<TcpStream>, line: &str) -> Option<String> {
    stream
        .write_all(format!("{line}\n").as_bytes())
        .await
        .unwrap();
    read_line(stream).await
}

async fn read_line(stream: &mut BufReader<TcpStream>) -> Option<String> {
    let mut reply = String::new();
    let read = stream.read_line(&mut reply).await.unwrap();
    (read > 0).then_some(reply)
}

/// Checks that a new client is still echoed.
async fn assert_served(address: SocketAddr) {
    let mut client = connect(address).await;
    assert_eq!(
        exchange(&mut client, "still there?").await.as_deref(),
        Some("still there?\n")
    );
}

/// What the server logs, captured for the test that calls [`Log::capture`]. The
/// tests run on a current-thread runtime, so the server's tasks log on the test's
/// thread.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Log {
    type Writer = Log;
    fn make_writer(&'a self) -> Log {
        self.clone()
    }
}

impl Log {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    fn capture() -> (Log, tracing::subscriber::DefaultGuard) {
        let log = Log::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .without_time()
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    /// Lets the server run until it has logged `text`.
    async fn wait_for(&self, text: &str) {
        while !self.text().contains(text) {
            tokio::task::yield_now().await;
        }
    }
}

#[tokio::test]
async fn a_client_that_hangs_up_mid_line_costs_only_its_own_connection() {
    let (log, _guard) = Log::capture();
    within_limit(async {
        let server = Server::start().await.unwrap();
        let address = server.address();
        let mut other = connect(address).await;
        assert_eq!(
            exchange(&mut other, "before").await.as_deref(),
            Some("before\n")
        );

        // Connection 2 closes in the middle of a line, the ordinary way.
        let mut polite = TcpStream::connect(address).await.unwrap();
        polite.write_all(b"half a li").await.unwrap();
        drop(polite);
        log.wait_for("connection 2: dropped a partial line of 9 bytes")
            .await;

        // Connection 3 resets the connection instead: an error on the server's side.
        let mut rude = TcpStream::connect(address).await.unwrap();
        rude.write_all(b"half").await.unwrap();
        rude.set_zero_linger().unwrap();
        drop(rude);
        log.wait_for("connection 3: ").await;

        // The client that was connected all along, and a new one, are still served.
        assert_eq!(
            exchange(&mut other, "after").await.as_deref(),
            Some("after\n")
        );
        assert_served(address).await;
        server.shut_down().await.unwrap();
    })
    .await;
}

// ANCHOR: over_the_limit
#[tokio::test]
async fn a_line_over_the_limit_gets_an_error_and_closes_its_connection_only() {
    let (log, _guard) = Log::capture();
    within_limit(async {
        let server = Server::start().await.unwrap();
        let address = server.address();
        let error = format!("error: line longer than {MAX_LINE} bytes\n");

        // A line of exactly the limit is echoed.
        let mut client = connect(address).await;
        let longest = "x".repeat(MAX_LINE);
        assert_eq!(
            exchange(&mut client, &longest).await,
            Some(format!("{longest}\n"))
        );
        // One byte more: the error, then the end of the stream.
        assert_eq!(
            exchange(&mut client, &"x".repeat(MAX_LINE + 1)).await,
            Some(error.clone())
        );
        assert_eq!(read_line(&mut client).await, None);
        drop(client);

        // A line far bigger than the system's socket buffers, written whole before
        // the reply is read, as many clients do. The server has replied and closed
        // its side long before the client is done writing: it reads and drops the
        // rest, so the writes still succeed, and the client then reads the error and
        // a clean end of the stream. (A server that closed the socket with unread
        // input would reset the connection, and these writes would fail.)
        let mut client = connect(address).await;
        client.write_all(&vec![b'x'; 32 << 20]).await.unwrap();
        client.write_all(b"\n").await.unwrap();
        assert_eq!(read_line(&mut client).await, Some(error.clone()));
        assert_eq!(read_line(&mut client).await, None);
        drop(client);

        let text = log.text();
        for id in [1, 2] {
            let line =
                format!("connection {id}: line over {MAX_LINE} bytes, closing");
            assert!(text.contains(&line), "no {line:?} in the log:\n{text}");
        }
        assert_served(address).await;
        server.shut_down().await.unwrap();
    })
    .await;
}
// ANCHOR_END: over_the_limit

#[tokio::test]
async fn several_clients_are_served_at_once() {
    within_limit(async {
        let server = Server::start().await.unwrap();
        let mut clients = Vec::new();
        for n in 0..20 {
            let mut client = connect(server.address()).await;
            client
                .write_all(format!("client {n}\n").as_bytes())
                .await
                .unwrap();
            clients.push(client);
        }
        // Every client is still connected when the last one's reply is read first: a
        // server that served one connection at a time would never answer it.
        for (n, client) in clients.iter_mut().enumerate().rev() {
            assert_eq!(read_line(client).await, Some(format!("client {n}\n")));
        }
        server.shut_down().await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn once_shut_down_the_server_leaves_no_connection_and_no_listener() {
    within_limit(async {
        let server = Server::start().await.unwrap();
        let address = server.address();
        let mut client = connect(address).await;
        assert_eq!(
            exchange(&mut client, "ping").await.as_deref(),
            Some("ping\n")
        );

        server.shut_down().await.unwrap();
        // The connection that was open is closed, cleanly...
        assert_eq!(read_line(&mut client).await, None);
        // ...and nothing listens on the port any more.
        let err = TcpStream::connect(address).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused);
    })
    .await;
}

#[tokio::test]
async fn dropping_the_server_handle_stops_the_server_too() {
    within_limit(async {
        let server = Server::start().await.unwrap();
        let address = server.address();
        assert_served(address).await;
        drop(server);
        // The server's task ends at its own pace: let it run until the port closes.
        // A connection that the system accepted for the server just before it closed
        // the port is reset.
        loop {
            match TcpStream::connect(address).await {
                Ok(_) => tokio::task::yield_now().await,
                Err(err) if err.kind() == io::ErrorKind::ConnectionReset => {}
                Err(err) => {
                    assert_eq!(
                        err.kind(),
                        io::ErrorKind::ConnectionRefused,
                        "{err}"
                    );
                    break;
                }
            }
        }
    })
    .await;
}

/// Set for the child process that runs [`out_of_file_descriptors`].
const CHILD: &str = "SOCKETS_TEST_FEW_FILE_DESCRIPTORS";

/// Runs [`out_of_file_descriptors`] in a child process whose limit on open files is
/// low, so that it can use them all up without touching the other tests.
#[cfg(unix)]
#[test]
fn out_of_file_descriptors_the_accept_loop_waits_then_serves_again() {
    let test = std::env::current_exe().unwrap();
    let output = std::process::Command::new("sh")
        .args(["-c", r#"ulimit -n 256 && exec "$0" "$@""#])
        .arg(test)
        .args([
            "out_of_file_descriptors",
            "--exact",
            "--ignored",
            "--test-threads",
            "1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child process failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
}

/// Takes every file descriptor left, so that the server cannot accept a connection:
/// it must log the error at most once per `ACCEPT_BACKOFF`, not in a spin, and serve
/// again once descriptors are free. Run by the test above, in a process of its own.
#[cfg(unix)]
#[tokio::test]
#[ignore = "run by the test above, in a child process with few file descriptors"]
async fn out_of_file_descriptors() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let (log, _guard) = Log::capture();
    within_limit(async {
        let server = Server::start().await.unwrap();
        let address = server.address();
        // The client's socket, made while descriptors are left; then take the
        // others.
        let socket = TcpSocket::new_v4().unwrap();
        let mut taken = Vec::new();
        let err = loop {
            match std::fs::File::open("/dev/null") {
                Ok(file) => taken.push(file),
                Err(err) => break err,
            }
        };
        assert_eq!(err.raw_os_error(), Some(24), "not EMFILE: {err}");

        // The connection is made, and waits in the listener's queue: accepting it
        // needs a descriptor. Each try fails, and is followed by a pause of
        // `ACCEPT_BACKOFF`, so however late the pauses end, there are at most
        // `elapsed / ACCEPT_BACKOFF + 1` tries. A loop that retried at once would
        // log thousands.
        let start = std::time::Instant::now();
        let mut client = BufReader::new(socket.connect(address).await.unwrap());
        log.wait_for("cannot accept connections: Too many open files")
            .await;
        tokio::time::sleep(5 * ACCEPT_BACKOFF).await;
        let tries = log.text().matches("cannot accept connections").count();
        let most = start.elapsed().as_nanos() / ACCEPT_BACKOFF.as_nanos() + 1;
        assert!(
            tries as u128 <= most,
            "{tries} tries, at most {most} expected"
        );

        // Free the descriptors: after its pause, the server accepts the waiting
        // client, and serves new ones.
        drop(taken);
        assert_eq!(
            exchange(&mut client, "served at last").await.as_deref(),
            Some("served at last\n")
        );
        assert_served(address).await;
        server.shut_down().await.unwrap();
    })
    .await;
}
