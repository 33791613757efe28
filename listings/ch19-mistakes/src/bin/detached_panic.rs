// ANCHOR: all
use tokio::task::JoinSet;

/// Fails on even numbers.
async fn work(n: u32) -> u32 {
    assert!(n % 2 == 1, "work {n} failed");
    n
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: detached
    // Detached: the panic is printed on standard error, and that is all.
    drop(tokio::spawn(work(2)));
    tokio::task::yield_now().await; // Lets it run.
    println!("detached: main goes on, and nothing else knows");
    // ANCHOR_END: detached

    // ANCHOR: awaited
    // Awaited, the panic is a `JoinError` that says so.
    match tokio::spawn(work(4)).await {
        Ok(n) => println!("awaited: {n}"),
        Err(error) => println!("awaited: {error}"),
    }
    // ANCHOR_END: awaited

    // ANCHOR: join_set
    // A `JoinSet` gives each task's result, panics included, as they end.
    let mut set = JoinSet::new();
    for n in 5..=7 {
        set.spawn(work(n));
    }
    while let Some(result) = set.join_next().await {
        match result {
            Ok(n) => println!("join set: {n}"),
            Err(error) => println!("join set: {error}"),
        }
    }
    // ANCHOR_END: join_set

    // ANCHOR: hook
    // A panic hook sees every panic, detached or not, in place of the default
    // message: where to log it, or to end the process.
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("(no message)");
        eprintln!("panic hook: {message}");
    }));
    drop(tokio::spawn(work(8)));
    tokio::task::yield_now().await;
    println!("hook set: main goes on");
    // ANCHOR_END: hook
}
// ANCHOR_END: all
