//! `report_slow_polls` on both kinds of runtime: a task whose poll blocks is
//! reported, with its id and the place that spawned it, whether it blocks in a plain
//! function it calls or computes without an `.await`; a task that is busy but gives
//! the thread back every millisecond is not, and neither is blocking work moved to
//! `spawn_blocking`.
//!
//! The slow cases block for 300 ms against a threshold of 100 ms, the quiet ones
//! poll for a millisecond at a time. A machine with more work than cores may still
//! stop a thread for 100 ms in the middle of a short poll, and the detector is right
//! to report such a poll: the task did hold its thread that long. So each task's
//! polls are also timed from inside the task, and the tests check that the detector
//! reports exactly the polls that took longer than the threshold: none for a quiet
//! task, unless the machine stalled it (chapter 13 gives how often, under load).
#![cfg(tokio_unstable)]

use std::io;
use std::panic::Location;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once};
use std::time::{Duration, Instant};

use course_support::ReportSlowPolls;
use tokio::runtime::{Builder, Runtime};

/// Three times the threshold: a poll this long is reported however busy the machine
/// is.
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
        primes += u64::from(is_prime(n));
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
            primes += u64::from(is_prime(n));
            n += 1;
        }
        tokio::task::yield_now().await;
    }
    primes
}

fn is_prime(n: u64) -> bool {
    (2..)
        .take_while(|d| d * d <= n)
        .all(|d| !n.is_multiple_of(d))
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
        run(flavour, SLOW, make_thumbnail()).assert_blocking_reported();
    }
}

#[test]
fn a_cpu_loop_that_never_awaits_is_reported_on_both_flavours() {
    for flavour in FLAVOURS {
        run(flavour, SLOW, count_primes()).assert_blocking_reported();
    }
}

// ANCHOR: quiet
#[test]
fn a_busy_task_that_yields_every_millisecond_is_not_reported() {
    for flavour in FLAVOURS {
        run(flavour, SLOW, count_primes_politely()).assert_quiet();
    }
}

#[test]
fn blocking_work_in_spawn_blocking_is_not_reported() {
    for flavour in FLAVOURS {
        run(flavour, SLOW, make_thumbnail_aside()).assert_quiet();
    }
}
// ANCHOR_END: quiet

#[test]
fn the_threshold_can_be_raised_and_lowered() {
    for flavour in FLAVOURS {
        run(flavour, Duration::from_secs(1), make_thumbnail()).assert_quiet();
        run(flavour, Duration::from_millis(50), make_thumbnail())
            .assert_blocking_reported();
    }
}

/// What `block_on` runs is not a task: its polls go unreported, as the chapter says.
#[test]
fn the_future_given_to_block_on_is_not_watched() {
    for flavour in FLAVOURS {
        let (width, reports) =
            reports_while(flavour, |runtime| runtime.block_on(make_thumbnail()));
        assert_eq!(width, 320);
        assert_eq!(reports, Vec::<String>::new(), "{flavour:?}");
    }
}

/// Nor are the tasks of a `LocalSet`: the `LocalSet` polls them itself.
#[test]
fn the_tasks_of_a_local_set_are_not_watched() {
    let (width, reports) = reports_while(Flavour::CurrentThread, |runtime| {
        let local = tokio::task::LocalSet::new();
        local.block_on(runtime, async {
            tokio::task::spawn_local(make_thumbnail()).await.unwrap()
        })
    });
    assert_eq!(width, 320);
    assert_eq!(reports, Vec::<String>::new());
}

/// Given to `block_on` as a task, the same body is watched: `main` spawns its body
/// and awaits the handle, in one line.
#[test]
fn the_body_of_main_spawned_as_a_task_is_watched() {
    for flavour in FLAVOURS {
        let (width, reports) = reports_while(flavour, |runtime| {
            runtime.block_on(runtime.spawn(make_thumbnail())).unwrap()
        });
        assert_eq!(width, 320);
        assert_eq!(reports.len(), 1, "{flavour:?}: {reports:?}");
        assert!(
            reports[0].starts_with("slow poll: task "),
            "{flavour:?}: {reports:?}"
        );
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

/// Runs `body` with a new runtime that has the detector on, one run at a time, and
/// returns its result and every line the detector logged meanwhile.
fn reports_while<T>(
    flavour: Flavour,
    body: impl FnOnce(&Runtime) -> T,
) -> (T, Vec<String>) {
    let _alone = SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let log = Log::start();
    let runtime = builder(flavour, SLOW).build().unwrap();
    let result = body(&runtime);
    // Dropping the runtime waits for its threads, and so for their last reports.
    drop(runtime);
    (result, log.lines())
}

/// A task's run under the detector: its id, the place that spawned it, every line
/// the detector logged meanwhile, and how many of its polls took longer than the
/// threshold, as the task itself timed them.
struct Run {
    flavour: Flavour,
    id: tokio::task::Id,
    spawned_at: &'static Location<'static>,
    reports: Vec<String>,
    long_polls: usize,
}

impl Run {
    /// One report per long poll, each about this task.
    fn assert_reports_match_long_polls(&self) {
        let Run {
            flavour,
            id,
            spawned_at,
            reports,
            long_polls,
        } = self;
        assert_eq!(reports.len(), *long_polls, "{flavour:?}: {reports:?}");
        let start = format!("slow poll: task {id}, spawned at {spawned_at}, took ");
        for report in reports {
            assert!(report.starts_with(&start), "{flavour:?}: {report}");
        }
    }

    /// The blocking poll, of at least `BLOCK`, is among the reports.
    fn assert_blocking_reported(&self) {
        self.assert_reports_match_long_polls();
        let took = |report: &String| {
            let seconds = report.rsplit_once("took ")?.1.strip_suffix('s')?;
            seconds.parse::<f64>().ok()
        };
        assert!(
            self.reports.iter().any(|report| took(report)
                .is_some_and(|took| took >= BLOCK.as_secs_f64())),
            "{:?}: no report of a poll of at least {BLOCK:?}: {:?}",
            self.flavour,
            self.reports
        );
    }

    /// No report, unless the machine stalled a poll: then that poll, and no other.
    fn assert_quiet(&self) {
        self.assert_reports_match_long_polls();
        if self.long_polls > 0 {
            // Printed for the false-report count of chapter 13 (`--nocapture`).
            eprintln!(
                "{:?}: the machine stalled {} short polls: {:?}",
                self.flavour, self.long_polls, self.reports
            );
        }
    }
}

/// Runs `task` as the only task of a new runtime with the detector on, and collects
/// what the detector logged. One run at a time, so that each sees only its own
/// reports.
#[track_caller]
fn run<T: Send + 'static>(
    flavour: Flavour,
    threshold: Duration,
    task: impl Future<Output = T> + Send + 'static,
) -> Run {
    let _alone = SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let log = Log::start();
    let runtime = builder(flavour, threshold).build().unwrap();
    let long_polls = Arc::new(AtomicUsize::new(0));
    // `spawn` takes its place from the caller of this function, as `spawned_at`
    // does.
    let handle = runtime.spawn(timed(task, threshold, long_polls.clone()));
    let spawned_at = Location::caller();
    let id = handle.id();
    runtime.block_on(handle).unwrap();
    // A worker may log after the task's result reached `block_on`; dropping the
    // runtime waits for its threads to end.
    drop(runtime);
    Run {
        flavour,
        id,
        spawned_at,
        reports: log.lines(),
        long_polls: long_polls.load(Ordering::Relaxed),
    }
}

/// Times each poll of `future` from inside the task, and counts those longer than
/// `threshold`.
async fn timed<F: Future>(
    future: F,
    threshold: Duration,
    long_polls: Arc<AtomicUsize>,
) -> F::Output {
    let mut future = std::pin::pin!(future);
    std::future::poll_fn(|context| {
        let start = Instant::now();
        let poll = future.as_mut().poll(context);
        if start.elapsed() > threshold {
            long_polls.fetch_add(1, Ordering::Relaxed);
        }
        poll
    })
    .await
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
    LOGGED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
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
