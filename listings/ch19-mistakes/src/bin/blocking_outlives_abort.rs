// ANCHOR: all
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::spawn_blocking;

/// Five steps of 100 ms of blocking work; says when the first is done.
#[expect(
    clippy::disallowed_methods,
    reason = "blocking work, run by spawn_blocking"
)]
fn job(first_step_done: oneshot::Sender<()>, stop: &AtomicBool) -> &'static str {
    let mut first_step_done = Some(first_step_done);
    for _ in 0..5 {
        if stop.load(Ordering::Relaxed) {
            return "stopped early";
        }
        std::thread::sleep(Duration::from_millis(100));
        if let Some(sender) = first_step_done.take() {
            let _ = sender.send(());
        }
    }
    "all five steps done"
}

#[tokio::main]
async fn main() {
    // ANCHOR: abort
    // `abort` cannot stop a closure that is running: it runs to its end.
    let (first_step_done, first_step) = oneshot::channel();
    let work = spawn_blocking(move || job(first_step_done, &AtomicBool::new(false)));
    first_step.await.unwrap();
    work.abort();
    println!("abort() after the first step, then: {:?}", work.await);
    // ANCHOR_END: abort

    // ANCHOR: flag
    // A flag the closure looks at between steps stops it at the next one.
    let stop = Arc::new(AtomicBool::new(false));
    let (first_step_done, first_step) = oneshot::channel();
    let work = spawn_blocking({
        let stop = Arc::clone(&stop);
        move || job(first_step_done, &stop)
    });
    first_step.await.unwrap();
    stop.store(true, Ordering::Relaxed);
    println!("stop flag after the first step, then: {:?}", work.await);
    // ANCHOR_END: flag
}
// ANCHOR_END: all
