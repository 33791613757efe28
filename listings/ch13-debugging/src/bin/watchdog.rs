// ANCHOR: all
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use tokio::task::JoinError;
use tracing::span::Id;
use tracing::{Subscriber, info, instrument};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;
use tracing_subscriber::registry::LookupSpan;

/// How often the heartbeat task beats, and the watchdog looks.
const BEAT: Duration = Duration::from_millis(50);
/// How long the runtime may fail to run the heartbeat before the watchdog speaks.
/// (asyncio's debug mode speaks about steps longer than 100 ms.)
const THRESHOLD: Duration = Duration::from_millis(200);

// ANCHOR: layer
/// A `tracing` layer that keeps the names of the spans the program is in, innermost
/// last. A span of `#[instrument]` is entered each time its task is polled, so while
/// a task runs, its name is on top.
#[derive(Clone, Default)]
struct Running(Arc<Mutex<Vec<&'static str>>>);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Running {
    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        if let Some(span) = ctx.span(id) {
            self.0.lock().unwrap().push(span.name());
        }
    }

    fn on_exit(&self, _id: &Id, _ctx: Context<'_, S>) {
        self.0.lock().unwrap().pop();
    }
}
// ANCHOR_END: layer

// ANCHOR: watchdog
/// Runs on a thread of its own, so it keeps running when the runtime's thread is
/// stuck. `last_beat` is the time of the last heartbeat, in milliseconds since
/// `start`.
fn watchdog(start: Instant, last_beat: Arc<AtomicU64>, running: Running) {
    let mut reported = false;
    loop {
        thread::sleep(BEAT);
        let now = start.elapsed().as_millis() as u64;
        let silent = Duration::from_millis(now - last_beat.load(Ordering::Relaxed));
        if silent > THRESHOLD && !reported {
            let task = running.0.lock().unwrap().last().copied();
            println!(
                "watchdog: the runtime has not run its heartbeat for over {} ms; \
                 it is busy in {}",
                THRESHOLD.as_millis(),
                task.unwrap_or("no span")
            );
            reported = true; // once per stall
        } else if silent <= THRESHOLD {
            reported = false;
        }
    }
}
// ANCHOR_END: watchdog

// ANCHOR: tasks
/// Waits the right way: the thread is free for others meanwhile.
#[instrument]
async fn download() {
    info!("started");
    tokio::time::sleep(Duration::from_millis(500)).await;
    info!("done");
}

/// Blocks the runtime's only thread for a second: the bug to catch.
#[instrument]
async fn resize_image() {
    info!("started");
    thread::sleep(Duration::from_secs(1));
    info!("done");
}
// ANCHOR_END: tasks

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), JoinError> {
    let running = Running::default();
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .without_time()
                .with_target(false),
        )
        .with(running.clone())
        .init();

    // The heartbeat: a task that notes the time, then sleeps, forever. When some
    // other task keeps the thread, it cannot note the time, and the watchdog sees
    // it.
    let start = Instant::now();
    let last_beat = Arc::new(AtomicU64::new(0));
    let beat = last_beat.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(BEAT);
        loop {
            every.tick().await;
            beat.store(start.elapsed().as_millis() as u64, Ordering::Relaxed);
        }
    });
    thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || watchdog(start, last_beat, running))
        .expect("a thread starts");

    let download = tokio::spawn(download());
    let resize = tokio::spawn(resize_image());
    download.await?;
    resize.await
}
// ANCHOR_END: main
// ANCHOR_END: all
