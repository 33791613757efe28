// ANCHOR: all
use std::time::Duration;

use tokio::task::JoinError;
use tokio::time::sleep;
use tracing::{Instrument, info, instrument, warn};

// ANCHOR: handlers
/// Looks a user up in a made-up database.
#[instrument]
async fn find_user(name: &'static str) -> Option<u32> {
    sleep(Duration::from_millis(100)).await;
    let id = match name {
        "ada" => Some(1),
        "grace" => Some(2),
        _ => None,
    };
    info!(?id, "looked up");
    id
}

/// Handles one request. `#[instrument]` wraps the function's future in a span named
/// `request`, with the arguments as fields: every line logged while it runs, here or
/// in what it awaits, says which request it belongs to.
#[instrument]
async fn request(id: u32, user: &'static str) {
    info!("started");
    match find_user(user).await {
        Some(user_id) => info!(user_id, "answered"),
        None => warn!("no such user"),
    }
    // A spawned task starts with no span: `in_current_span` hands it this one.
    let audit = tokio::spawn(async { info!("audit written") }.in_current_span());
    let _ = audit.await;
}
// ANCHOR_END: handlers

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    course_support::pause_clock_if_asked();
    // The default format, without the time of day (which changes on every run) or
    // the module path. It shows the span of each line, then the line's own fields.
    tracing_subscriber::fmt()
        .without_time()
        .with_target(false)
        .init();
    let requests = [(1, "ada"), (2, "bob"), (3, "grace")]
        .map(|(id, user)| tokio::spawn(request(id, user)));
    for request in requests {
        request.await?;
    }
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
