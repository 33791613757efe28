//! The async code that this chapter's sync programs call: a price, from a service
//! that takes 100 ms to answer.

// ANCHOR: all
use std::time::Duration;

use tracing::info;

/// Asks the (pretend) price service for `item`'s price, in cents.
pub async fn fetch_price(item: &str) -> u32 {
    info!("asking for {item}");
    tokio::time::sleep(Duration::from_millis(100)).await; // the network, say
    let price = 10 * item.len() as u32;
    info!("{item}: {price}");
    price
}
// ANCHOR_END: all
