//! `report_slow_polls` on both kinds of runtime: a task whose poll blocks is reported once,
//! with its id and the place that spawned it, whether it blocks in a plain function it
//! calls or computes without an `.await`; a task that is busy but gives the thread back
//! every millisecond is not, and neither is blocking work moved to `spawn_blocking`.
//!
//! The slow cases block for 300 ms against a threshold of 100 ms, the quiet ones poll for
//! a millisecond at a time: a report, or its absence, does not hang on the machine's
//! speed. Only a machine so loaded that it stops a thread for 100 ms in the middle of a
//! one-millisecond poll could make a quiet case fail; chapter 13 gives the rate measured
//! under load.
#![cfg(tokio_unstable)]

use std::io;
use std::panic::Location;
use std::sync::{Mutex, MutexGuard, Once};
use std::time::{Duration, Instant};

use course_support::ReportSlowPolls;
use tokio::runtime::Builder;

/// Three times the threshold: a poll this long is reported however busy the machine is.
const BLOCK: Duration = Duration::from_millis(300);

/// How long a quiet task computes before it gives the thread back.
const STEP: Duration = Duration::from_millis(1);

// ANCHOR: cases
/// A plain function, with a blocking call inside: nothing in its signature says so.
fn read_settings() -> u32 {
    std::thread::sleep(BLOCK);
    640
}

/// Calls it from async code: the whole call runs inside one poll.
async fn make_thumbnail() -> u32 {
    let width = read_settings();
    tokio::task::yield_now().await;
    width / 2
}

/// Computes on the wall clock's time, with no `.await`: one poll of 300 ms.
async fn count_primes() -> u64 {
    let start = Instant::now();
    let mut primes = 0;
    let mut n = 2u64;
    while start.elapsed() < BLOCK {
        primes += u64::from((2..n).take_while(|d| d * d <= n).all(|d| n % d != 0));
        n += 1;
    }
    primes
}

/// Computes as long, but gives the thread back after each millisecond of work.
async fn count_primes_politely() -> u64 {
    let start = Instant::now();
    let mut primes = 0;
    let mut n = 2u64;
    while start.elapsed() < BLOCK {
        let step = Instant::now();
        while step.elapsed() < STEP {
            primes += u64::from((2..n).take_while(|d| d * d <= n).all(|d| n % d != 0));
            n += 1;
        }
        tokio::task::yield_now().await;
    }
    primes
}

/// Moves the blocking call to tokio's blocking threads, and awaits it.
async fn make_thumbnail_aside() -> u32 {
    let width = tokio::task::spawn_blocking(read_settings).await.unwrap();
    width / 2
}
// ANCHOR_END: cases

#[test]
fn a_blocking_call_in_a_plain_function_is_reported_on_both_flavours() {
    for flavour in FLAVOURS {
        let slow = run(flavour, SLOW, make_thumbnail());
        slow.assert_reported_once();
    }
}

#[test]
fn a_cpu_loop_that_never_awaits_is_reported_on_both_flavours() {
    for flavour in FLAVOURS {
        let slow = run(flavour, SLOW, count_primes());
        slow.assert_reported_once();
    }
}

// ANCHOR: quiet
#[test]
fn a_busy_task_that_yields_every_millisecond_is_not_reported() {
    for flavour in FLAVOURS {
        let quiet = run(flavour, SLOW, count_primes_politely());
        assert_eq!(quiet.reports, Vec::<String>::new(), "{flavour:?}");
    }
}

#[test]
fn blocking_work_in_spawn_blocking_is_not_reported() {
    for flavour in FLAVOURS {
        let quiet = run(flavour, SLOW, make_thumbnail_aside());
        assert_eq!(quiet.reports, Vec::<String>::new(), "{flavour:?}");
    }
}
// ANCHOR_END: quiet

#[test]
fn the_threshold_can_be_raised_and_lowered() {
    for flavour in FLAVOURS {
        let raised = run(flavour, Duration::from_secs(1), make_thumbnail());
        assert_eq!(raised.reports, Vec::<String>::new(), "{flavour:?}");
        let lowered = run(flavour, Duration::from_millis(50), make_thumbnail());
        lowered.assert_reported_once();
    }
}

/// What `block_on` runs is not a task: its polls go unreported, as the chapter says.
#[test]
fn the_future_given_to_block_on_is_not_watched() {
    for flavour in FLAVOURS {
        let _alone = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let log = Log::start();
        let runtime = builder(flavour, SLOW).build().unwrap();
        assert_eq!(runtime.block_on(make_thumbnail()), 320);
        drop(runtime);
        assert_eq!(log.lines(), Vec::<String>::new(), "{flavour:?}");
    }
}

// What the tests share.

/// asyncio's default, the one `report_slow_polls` uses.
const SLOW: Duration = course_support::SLOW_POLL;

#[derive(Clone, Copy, Debug)]
enum Flavour {
    CurrentThread,
    MultiThread,
}

const FLAVOURS: [Flavour; 2] = [Flavour::CurrentThread, Flavour::MultiThread];

fn builder(flavour: Flavour, threshold: Duration) -> Builder {
    let mut builder = match flavour {
        Flavour::CurrentThread => Builder::new_current_thread(),
        Flavour::MultiThread => Builder::new_multi_thread(),
    };
    builder.enable_all().report_polls_longer_than(threshold);
    builder
}

/// A task's run under the detector: its id, the place that spawned it, and every line
/// the detector logged meanwhile.
struct Run {
    flavour: Flavour,
    id: tokio::task::Id,
    spawned_at: &'static Location<'static>,
    reports: Vec<String>,
}

impl Run {
    /// One report, about this task, for one poll of at least `BLOCK`.
    fn assert_reported_once(&self) {
        let Run {
            flavour,
            id,
            spawned_at,
            reports,
        } = self;
        assert_eq!(reports.len(), 1, "{flavour:?}: {reports:?}");
        let start = format!("slow poll: task {id}, spawned at {spawned_at}, took ");
        let took = reports[0]
            .strip_prefix(&start)
            .and_then(|rest| rest.strip_suffix('s'))
            .and_then(|seconds| seconds.parse::<f64>().ok());
        assert!(
            took.is_some_and(|took| took >= 0.3),
            "{flavour:?}: expected `{start}<at least 0.300>s`, got {reports:?}"
        );
    }
}

/// Runs `task` as the only task of a new runtime with the detector on, and collects what
/// the detector logged. One run at a time, so that each sees only its own reports.
#[track_caller]
fn run<T: Send + 'static>(
    flavour: Flavour,
    threshold: Duration,
    task: impl Future<Output = T> + Send + 'static,
) -> Run {
    let _alone = SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let log = Log::start();
    let runtime = builder(flavour, threshold).build().unwrap();
    // `spawn` takes its place from the caller of this function, as `spawned_at` does.
    let handle = runtime.spawn(task);
    let spawned_at = Location::caller();
    let id = handle.id();
    runtime.block_on(handle).unwrap();
    // A worker may log after the task's result reached `block_on`; dropping the runtime
    // waits for its threads to end.
    drop(runtime);
    Run {
        flavour,
        id,
        spawned_at,
        reports: log.lines(),
    }
}

static SERIAL: Mutex<()> = Mutex::new(());

/// What was logged, from any thread, since `Log::start`.
static LOGGED: Mutex<Vec<u8>> = Mutex::new(Vec::new());

struct Log;

impl Log {
    fn start() -> Log {
        static SUBSCRIBER: Once = Once::new();
        SUBSCRIBER.call_once(|| {
            tracing_subscriber::fmt()
                .with_writer(|| Log)
                .with_ansi(false)
                .without_time()
                .with_target(false)
                .with_level(false)
                .init();
        });
        logged().clear();
        Log
    }

    fn lines(&self) -> Vec<String> {
        let text = String::from_utf8(logged().clone()).unwrap();
        text.lines().map(|line| line.trim().to_string()).collect()
    }
}

fn logged() -> MutexGuard<'static, Vec<u8>> {
    LOGGED.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        logged().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
