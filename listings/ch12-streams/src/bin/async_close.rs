// ANCHOR: all
use std::time::Duration;

use course_support::init_logging;
use tokio::time::sleep;
use tracing::{info, warn};

// ANCHOR: journal
/// Keeps lines in memory and sends them to a made-up server in one go. Sending takes
/// time, so the last lines can only be sent by an async method: `close`.
struct Journal {
    name: &'static str,
    pending: Vec<String>,
    closed: bool,
}

impl Journal {
    fn new(name: &'static str) -> Journal {
        Journal {
            name,
            pending: Vec::new(),
            closed: false,
        }
    }

    fn write(&mut self, line: &str) {
        self.pending.push(line.to_string());
    }

    async fn flush(&mut self) {
        sleep(Duration::from_millis(100)).await; // the round trip to the server
        info!("{}: sent {} lines", self.name, self.pending.len());
        self.pending.clear();
    }

    /// Sends what is left, then closes. It takes `self`, so once it is called the
    /// compiler lets nobody write to the journal again.
    async fn close(mut self) {
        self.flush().await;
        self.closed = true;
        info!("{}: closed", self.name);
    } // `self` is dropped here, and `drop` finds it closed.
}

impl Drop for Journal {
    // `drop` is a plain function: it cannot await, so it cannot send anything. All
    // it can do is say that someone forgot to call `close`.
    fn drop(&mut self) {
        if !self.closed {
            warn!(
                "{}: dropped without close(), {} lines lost",
                self.name,
                self.pending.len()
            );
        }
    }
}
// ANCHOR_END: journal

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    let mut good = Journal::new("good");
    good.write("started");
    good.write("finished");
    good.close().await;

    let mut forgotten = Journal::new("forgotten");
    forgotten.write("started");
    forgotten.write("finished");
    // No `close`: `forgotten` goes out of scope at the end of `main`.
}
// ANCHOR_END: main
// ANCHOR_END: all
