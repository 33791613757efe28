// ANCHOR: all
use std::num::ParseIntError;
use std::time::Duration;

use course_support::init_logging;
use tokio::time::{sleep, timeout};
use tracing::info;

// ANCHOR: connection
/// A connection to a made-up store. Opening and querying it take time; closing it
/// is `Drop`, which runs when the value goes out of scope, whatever the way out.
struct Connection {
    id: u32,
}

impl Connection {
    async fn open(id: u32) -> Connection {
        sleep(Duration::from_millis(100)).await;
        info!("connection {id} opened");
        Connection { id }
    }

    async fn get(&self, key: &str) -> String {
        sleep(Duration::from_millis(100)).await;
        // The store holds one good number and one that is not a number.
        let value = if key == "answer" { "42" } else { "forty-two" };
        info!("connection {}: {key} = {value:?}", self.id);
        value.to_string()
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        info!("connection {} closed", self.id);
    }
}
// ANCHOR_END: connection

// ANCHOR: lookup
async fn lookup(id: u32, key: &str) -> Result<u32, ParseIntError> {
    // Python's `async with open_connection() as connection:`; the block is the rest
    // of the function.
    let connection = Connection::open(id).await;
    let value = connection.get(key).await.parse()?; // On error, returns here...
    info!("lookup {id} parsed {value}"); // ...and this line does not run.
    Ok(value)
} // `connection` is dropped here, or at the `?` if it returned there.
// ANCHOR_END: lookup

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();
    // It works.
    let answer = lookup(1, "answer").await;
    info!("lookup 1 returned {answer:?}");
    // `?` returns early with the error.
    let wrong = lookup(2, "wrong").await;
    info!("lookup 2 returned {wrong:?}");
    // A timeout cancels the lookup halfway: its future is dropped, and everything
    // it held with it.
    let late = timeout(Duration::from_millis(150), lookup(3, "answer")).await;
    info!("lookup 3 returned {late:?}");
}
// ANCHOR_END: main
// ANCHOR_END: all
