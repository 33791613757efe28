// ANCHOR: all
use std::time::Duration;

use ch18_ecosystem::serve_reminders;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::time::Instant;

/// The protocol, tested over an in-memory stream instead of a socket: no network, no
/// port, and on a paused clock, since nothing waits on real I/O.
#[tokio::test(start_paused = true)]
async fn each_line_gets_its_reminder() {
    // Two connected ends, like the two sides of a TCP connection, with a buffer of
    // 1 KiB each way.
    let (mut client, server) = tokio::io::duplex(1024);
    let serving = tokio::spawn(serve_reminders(server));
    let start = Instant::now();

    client
        .write_all(b"60 stretch\nsoon drink\n30 drink\n")
        .await
        .unwrap();
    // Done sending: the server reads the end of the stream after the last line.
    client.shutdown().await.unwrap();
    // The server's end is dropped when it returns: then this read ends too.
    let mut answers = String::new();
    client.read_to_string(&mut answers).await.unwrap();

    assert_eq!(
        answers,
        "Reminder: stretch\n\
         error: expected `<seconds> <what>`, got \"soon drink\"\n\
         Reminder: drink\n"
    );
    assert_eq!(serving.await.unwrap().unwrap(), 3);
    // One line after the other: 60 s, then 30 s.
    assert_eq!(start.elapsed(), Duration::from_secs(90));
}
// ANCHOR_END: all
