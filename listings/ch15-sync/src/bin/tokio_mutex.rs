// ANCHOR: all
use std::sync::Arc;
use std::time::Duration;

use course_support::init_logging;
use tokio::sync::Mutex;
use tokio::time::sleep;
use tracing::info;

/// Asks the bank whether the withdrawal is allowed: a second of network.
async fn approve(amount: u32) -> bool {
    sleep(Duration::from_secs(1)).await;
    amount <= 100
}

// ANCHOR: racy
/// Checks, waits, then withdraws, letting go of the lock in between.
async fn withdraw_racy(account: Arc<std::sync::Mutex<u32>>, who: &str, amount: u32) {
    let balance = *account.lock().unwrap();
    if balance >= amount && approve(amount).await {
        // Meanwhile another task may have withdrawn: `balance` is stale.
        *account.lock().unwrap() = balance - amount;
        info!("{who} withdrew {amount}, balance {}", balance - amount);
    } else {
        info!("{who} cannot withdraw {amount}: balance {balance}");
    }
}
// ANCHOR_END: racy

// ANCHOR: locked
/// Checks, waits and withdraws under one guard, held across the `.await`.
async fn withdraw(account: Arc<Mutex<u32>>, who: &str, amount: u32) {
    let mut balance = account.lock().await;
    info!("{who} holds the lock");
    if *balance >= amount && approve(amount).await {
        *balance -= amount;
        info!("{who} withdrew {amount}, balance {}", *balance);
    } else {
        info!("{who} cannot withdraw {amount}: balance {}", *balance);
    }
    // The guard is dropped here: the next task in line gets the lock.
}
// ANCHOR_END: locked

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    let account = Arc::new(std::sync::Mutex::new(100));
    let ann = tokio::spawn(withdraw_racy(account.clone(), "racy ann", 70));
    let bob = tokio::spawn(withdraw_racy(account.clone(), "racy bob", 70));
    let _ = tokio::join!(ann, bob);

    let account = Arc::new(Mutex::new(100));
    let ann = tokio::spawn(withdraw(account.clone(), "ann", 70));
    let bob = tokio::spawn(withdraw(account.clone(), "bob", 70));
    let _ = tokio::join!(ann, bob);
}
// ANCHOR_END: main
// ANCHOR_END: all
