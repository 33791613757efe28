// ANCHOR: all
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;
use tracing::info;

// ANCHOR: connection
/// Serves one connection: a request comes every `every`, and takes 300 ms to answer.
/// The token is checked only while waiting for a request: one that has started is
/// always answered.
async fn connection(
    name: &'static str,
    every: Duration,
    token: CancellationToken,
) -> u32 {
    let mut answered = 0;
    loop {
        tokio::select! {
            () = token.cancelled() => break,
            () = sleep(every) => {} // A request has come.
        }
        sleep(Duration::from_millis(300)).await;
        answered += 1;
        info!("{name}: answered request {answered}");
    }
    // Cleanup is ordinary async code: it may await, and it returns a result.
    info!("{name}: closing after {answered} requests");
    answered
}
// ANCHOR_END: connection

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    // One token for the whole server, and a child token for each connection.
    let shutdown = CancellationToken::new();
    let token_a = shutdown.child_token();
    let token_b = shutdown.child_token();
    let a =
        tokio::spawn(connection("A", Duration::from_millis(600), token_a.clone()));
    let b = tokio::spawn(connection("B", Duration::from_millis(900), token_b));

    // Cancelling a child stops that connection only.
    sleep(Duration::from_secs(2)).await;
    info!("closing A");
    token_a.cancel();
    info!("A answered {} requests", a.await?);
    info!(
        "is the server's token cancelled? {}",
        shutdown.is_cancelled()
    );

    // Cancelling the parent cancels every child: B finishes the request it is on.
    sleep(Duration::from_millis(1400)).await;
    info!("shutting down");
    shutdown.cancel();
    info!("B answered {} requests", b.await?);
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
