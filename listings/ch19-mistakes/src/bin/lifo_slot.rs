// ANCHOR: all
use std::time::Duration;

use tokio::runtime::{Builder, Runtime};
use tokio::task::JoinHandle;

/// Spawns a small task, then keeps its thread busy for 0.3 s: a blocking call, or a
/// long computation, without an `.await`.
#[expect(
    clippy::disallowed_methods,
    reason = "the blocking call this listing shows"
)]
async fn busy_spawner() -> JoinHandle<()> {
    let small = tokio::spawn(async { println!("  the small task runs") });
    std::thread::sleep(Duration::from_millis(300));
    println!("  the busy task is done");
    small
}

/// The same, with the busy part on the blocking pool, awaited.
#[expect(
    clippy::disallowed_methods,
    reason = "blocking work, run by spawn_blocking"
)]
async fn spawner_awaiting_the_pool() -> JoinHandle<()> {
    let small = tokio::spawn(async { println!("  the small task runs") });
    tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_millis(300)))
        .await
        .unwrap();
    println!("  the busy task is done");
    small
}

/// Runs `spawner` as a task on `runtime`, then waits for the task it spawned.
fn run<F>(runtime: Runtime, spawner: fn() -> F)
where
    F: Future<Output = JoinHandle<()>> + Send + 'static,
{
    runtime.block_on(async {
        let small = tokio::spawn(spawner()).await.unwrap();
        small.await.unwrap();
    });
}

fn main() {
    println!("Two workers, with the LIFO slot (the default):");
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    run(runtime, busy_spawner);

    println!("Two workers, without it (an unstable option):");
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .disable_lifo_slot()
        .build()
        .unwrap();
    run(runtime, busy_spawner);

    println!("Two workers, the busy part on the blocking pool:");
    let runtime = Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    run(runtime, spawner_awaiting_the_pool);
}
// ANCHOR_END: all
