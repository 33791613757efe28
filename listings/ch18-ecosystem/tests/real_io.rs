// ANCHOR: all
use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout};

// ANCHOR: server
/// A server outside the runtime, on a thread of its own with blocking sockets: it
/// accepts one connection, then answers `pong` when the test sends it the word, so
/// that it never answers before the test is ready for it.
fn server() -> (SocketAddr, mpsc::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let (answer, when_told) = mpsc::channel();
    std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        if when_told.recv().is_ok() {
            socket.write_all(b"pong").unwrap();
        }
    });
    (address, answer)
}
// ANCHOR_END: server

// ANCHOR: pitfall
/// On a paused clock, waiting on a socket leaves the runtime with nothing to do, so
/// tokio moves the clock to the next timer: the timeout's. It fires at once.
#[tokio::test(start_paused = true)]
async fn a_timeout_around_real_io_fires_at_once_on_a_paused_clock() {
    let (address, answer) = server();
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut reply = [0; 4];
    let real = std::time::Instant::now();
    let start = Instant::now();

    let result =
        timeout(Duration::from_secs(5), stream.read_exact(&mut reply)).await;

    assert!(result.is_err(), "the timeout should have fired");
    // tokio's clock says five seconds went by, the real one far less.
    assert_eq!(start.elapsed(), Duration::from_secs(5));
    assert!(real.elapsed() < Duration::from_secs(5));

    // The answer was not lost, only not there yet: it arrives once the server sends
    // it.
    answer.send(()).unwrap();
    stream.read_exact(&mut reply).await.unwrap();
    assert_eq!(&reply, b"pong");
}
// ANCHOR_END: pitfall

// ANCHOR: fix
/// The fix: real I/O on the real clock. The timeout then gives the server five real
/// seconds, and the answer comes first.
#[tokio::test]
async fn on_the_real_clock_the_answer_comes_in_time() {
    let (address, answer) = server();
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut reply = [0; 4];
    answer.send(()).unwrap();

    let result =
        timeout(Duration::from_secs(5), stream.read_exact(&mut reply)).await;

    assert!(result.is_ok(), "the answer should have come in time");
    assert_eq!(&reply, b"pong");
}
// ANCHOR_END: fix
// ANCHOR_END: all
