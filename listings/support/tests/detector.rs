//! The blocking detectors: `spawn_watched` reports a blocking poll, with the task's
//! name and where it was spawned, and stays quiet on tasks that await;
//! `spawn_heartbeat` counts the beats a stalled thread made it miss.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use course_support::{spawn_heartbeat, spawn_watched};
use tracing::subscriber::DefaultGuard;

/// Collects what the detectors log on this thread, one line per warning.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Log {
    fn start() -> (Log, DefaultGuard) {
        let log = Log::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(log.clone())
            .with_ansi(false)
            .without_time()
            .with_target(false)
            .with_level(false)
            .finish();
        (log.clone(), tracing::subscriber::set_default(subscriber))
    }

    fn lines(&self) -> Vec<String> {
        let text = String::from_utf8(self.0.lock().unwrap().clone()).unwrap();
        text.lines().map(|line| line.trim().to_string()).collect()
    }
}

impl io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Log {
    type Writer = Log;
    fn make_writer(&'a self) -> Log {
        self.clone()
    }
}

#[tokio::test]
async fn a_blocking_poll_is_reported_with_the_task_and_where_it_was_spawned() {
    let (log, _guard) = Log::start();
    let line = line!() + 1;
    let task = spawn_watched("sleeper", async {
        std::thread::sleep(Duration::from_millis(150));
    });
    task.await.unwrap();

    let lines = log.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let place = format!("spawned at {}:{line}:", file!());
    assert!(
        lines[0].starts_with("slow poll: task sleeper, ")
            && lines[0].contains(&place),
        "{lines:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_task_that_awaits_is_not_reported() {
    let (log, _guard) = Log::start();
    let task = spawn_watched("sleeper", async {
        tokio::time::sleep(Duration::from_millis(150)).await;
    });
    task.await.unwrap();
    assert_eq!(log.lines(), Vec::<String>::new());
}

// ANCHOR: busy
#[tokio::test]
async fn a_busy_task_that_yields_often_is_not_reported() {
    let (log, _guard) = Log::start();
    let task = spawn_watched("busy", async {
        let mut total = 0u64;
        for chunk in 0..1000 {
            // A short step, then the thread goes back to the runtime: a thousand
            // polls.
            total += (chunk * 100..(chunk + 1) * 100).sum::<u64>();
            tokio::task::yield_now().await;
        }
        total
    });
    assert_eq!(task.await.unwrap(), 4_999_950_000);
    assert_eq!(log.lines(), Vec::<String>::new());
}
// ANCHOR_END: busy

// ANCHOR: heartbeat
#[tokio::test(start_paused = true)]
async fn the_heartbeat_counts_the_beats_a_stall_made_it_miss() {
    let (log, _guard) = Log::start();
    spawn_heartbeat(Duration::from_millis(100));
    tokio::time::sleep(Duration::from_millis(205)).await;
    assert_eq!(log.lines(), Vec::<String>::new(), "beats on time are quiet");

    // A blocking call takes no time on the paused clock: `advance` moves the clock
    // as a one-second call would, before this task gives the thread back.
    tokio::time::advance(Duration::from_secs(1)).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    // The beat due at 0.3 s runs at 1.205 s: 9 whole beats late.
    assert_eq!(log.lines(), ["heartbeat: 9 beats missed, woke 0.905s late"]);
}
// ANCHOR_END: heartbeat

// ANCHOR: heartbeat_main
/// `main` may block before it ever awaits, so before the heartbeat's task has run:
/// the schedule starts at the call, so the first beat is late too.
#[tokio::test(start_paused = true)]
async fn the_heartbeat_sees_a_stall_before_the_first_await() {
    let (log, _guard) = Log::start();
    spawn_heartbeat(Duration::from_millis(100));
    // As a one-second blocking call would, before this task awaits anything: the
    // clock moves first, then `advance` gives the thread back for the first time.
    tokio::time::advance(Duration::from_secs(1)).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(
        log.lines(),
        ["heartbeat: 10 beats missed, woke 1.000s late"]
    );
}
// ANCHOR_END: heartbeat_main

/// On a multi-threaded runtime the body given to `block_on` runs on the thread that
/// called it, and the heartbeat's task on a worker: they never share a thread, so
/// the heartbeat cannot see the body block. Spawned, the body runs on a worker.
#[test]
fn on_a_multi_threaded_runtime_the_body_of_block_on_has_a_thread_of_its_own() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let thread_name = || std::thread::current().name().map(str::to_string);
    let caller = thread_name();
    let body = runtime.block_on(async { thread_name() });
    let worker = runtime
        .block_on(runtime.spawn(async move { thread_name() }))
        .unwrap();
    assert_eq!(body, caller);
    assert_ne!(worker, caller);
    assert_eq!(worker.as_deref(), Some("tokio-rt-worker"));
}
