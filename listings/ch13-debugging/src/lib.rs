//! A small made-up service that logs at every level, for the listings that filter
//! its lines. Its modules are the targets that `RUST_LOG` names:
//! `ch13_debugging::web` and `ch13_debugging::db`.

// ANCHOR: db
pub mod db {
    use std::time::Duration;

    use tokio::time::sleep;
    use tracing::{debug, instrument, trace};

    /// Looks a user up. The span and the lines inside are detail: `debug` and
    /// `trace`.
    #[instrument(level = "debug")]
    pub async fn find_user(name: &str) -> Option<u32> {
        debug!("query sent");
        sleep(Duration::from_millis(100)).await;
        let id = match name {
            "ada" => Some(1),
            "grace" => Some(2),
            _ => None,
        };
        trace!(?id, "row decoded");
        id
    }
}
// ANCHOR_END: db

// ANCHOR: web
pub mod web {
    use tracing::{info, instrument, warn};

    use crate::db;

    /// Handles one request: `info` when all goes well, `warn` when it does not.
    #[instrument]
    pub async fn request(id: u32, user: &'static str) {
        info!("started");
        match db::find_user(user).await {
            Some(user_id) => info!(user_id, "answered"),
            None => warn!("no such user"),
        }
    }

    /// Handles three requests at once.
    pub async fn serve() {
        let requests = [(1, "ada"), (2, "bob"), (3, "grace")]
            .map(|(id, user)| tokio::spawn(request(id, user)));
        for request in requests {
            request.await.expect("a request handler panicked");
        }
    }
}
// ANCHOR_END: web
