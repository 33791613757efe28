// The helpers the listings share, as one module that a listing can carry.
//
// The crate's `lib.rs` includes this file and re-exports the module's items, so a
// listing built here finds them in the crate `course_support`. The Rust playground
// lacks this crate: a listing's Run button (mdBook's, in the book) sends this file
// first, hidden, and the listing's `use course_support::…` then finds this module,
// at the root of the program, instead. So it uses nothing the playground lacks:
// tokio, tracing and tracing-subscriber only (`tests/check/book/playground.rs` builds
// every listing that way).
//
// A page shows none of it: it includes the file with `rustdoc_include` and the
// anchor below, which holds nothing, so mdBook hides every line.
// ANCHOR: nothing
// ANCHOR_END: nothing

// A listing uses a few of these; on the playground, the others would each warn that
// they are never used. The module's body is not indented, so that a page shows a part
// of it as it would stand in a file of its own.
#[allow(dead_code)]
mod course_support {
use std::error::Error;
use std::fmt;
use std::fs::File;
use std::io::Write;
use std::panic::Location;
use std::sync::Mutex;
use std::time::Duration;

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::task::JoinHandle;
use tokio::time::{Instant, MissedTickBehavior};
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// Sends `tracing` events to standard output as `<elapsed> <thread> <message>`.
///
/// Call it once, first thing in `main`. It calls [`pause_clock_if_asked`] first.
pub fn init_logging() {
    pause_clock_if_asked();
    // A timeline that cannot be written is no reason to stop the listing: warn, go
    // on.
    let timeline = std::env::var_os("TIMELINE").and_then(|path| {
        File::create(&path)
            .inspect_err(|err| eprintln!("TIMELINE={}: {err}", path.display()))
            .ok()
            .map(Mutex::new)
    });
    tracing_subscriber::fmt()
        .event_format(Line {
            start: Instant::now(),
            timeline,
        })
        .init();
}

/// Pauses tokio's clock if `PAUSE_CLOCK` is `1` and this runs on a current-thread
/// runtime; does nothing otherwise.
///
/// [`init_logging`] calls it; a listing that logs no times calls it itself.
pub fn pause_clock_if_asked() {
    if std::env::var("PAUSE_CLOCK").as_deref() == Ok("1")
        && let Ok(runtime) = Handle::try_current()
        && runtime.runtime_flavor() == RuntimeFlavor::CurrentThread
    {
        tokio::time::pause();
    }
}

/// The format of one log line, and where to copy it for a timeline.
struct Line {
    start: Instant,
    timeline: Option<Mutex<File>>,
}

impl<S, N> FormatEvent<S, N> for Line
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut out: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        let seconds = self.start.elapsed().as_secs_f64();
        let thread = std::thread::current();
        let thread = thread.name().unwrap_or("unnamed");
        let mut message = String::new();
        ctx.field_format()
            .format_fields(Writer::new(&mut message), event)?;
        writeln!(out, "{seconds:.3}s {thread} {message}")?;

        if let Some(timeline) = &self.timeline {
            let row = tokio::task::try_id()
                .map_or(thread.to_string(), |id| format!("task {id}"));
            let event = TimelineEvent {
                seconds,
                row,
                label: message,
            };
            // Best effort, like the log line itself.
            let _ = writeln!(timeline.lock().unwrap(), "{event}");
        }
        Ok(())
    }
}

/// One line of a timeline file: at `seconds`, on row `row` (a task, a thread or a
/// request), `label` happened. Written as `<seconds>\t<row>\t<label>`, one a line.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    pub seconds: f64,
    pub row: String,
    pub label: String,
}

impl fmt::Display for TimelineEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3}\t{}\t{}", self.seconds, self.row, self.label)
    }
}

impl TimelineEvent {
    /// The events of a timeline file; lines that are not events are skipped.
    pub fn parse_all(text: &str) -> Vec<TimelineEvent> {
        text.lines()
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                Some(TimelineEvent {
                    seconds: fields.next()?.parse().ok()?,
                    row: fields.next()?.to_string(),
                    label: fields.next().unwrap_or("").to_string(),
                })
            })
            .collect()
    }
}

/// Prints `Total time: N ms` when dropped, like the workshop's `with Timer():`.
///
/// ```
/// let _timer = course_support::Timer::start();
/// // ... the work to time; the line prints when `_timer` goes out of scope.
/// ```
pub struct Timer {
    start: Instant,
}

impl Timer {
    pub fn start() -> Self {
        Timer {
            start: Instant::now(),
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        let ms = self.start.elapsed().as_secs_f64() * 1000.0;
        println!("Total time: {ms:.3} ms");
    }
}

/// An error for `main` to return: the program then prints `Error: ` and the error
/// with its causes on one line, and exits with code 1.
///
/// ```
/// fn main() -> Result<(), course_support::Report> {
///     // On "80a", this prints `Error: invalid digit found in string`.
///     let port: u16 = "8080".parse()?;
///     # let _ = port;
///     Ok(())
/// }
/// ```
pub struct Report(Box<dyn Error + Send + Sync>);

impl<E: Into<Box<dyn Error + Send + Sync>>> From<E> for Report {
    fn from(error: E) -> Self {
        Report(error.into())
    }
}

// `main` prints the error it returns with `Debug`: make that the whole chain of
// causes, `error sending request: connection refused`, rather than a nested struct.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

// # Watching for blocking code
//
// asyncio's debug mode logs `Executing <Task ...> took 1.001 seconds` when one step
// of a task holds the event loop too long. Here are three ways to get that in tokio:
// - `spawn_watched` times every poll of one task, and names the task and the line
//   that spawned it;
// - `spawn_heartbeat` starts a task that expects to run on a fixed beat, and counts
//   the beats it missed: it notices blocking in any task of its thread, watched or
//   not;
// - `report_slow_polls`, on the runtime's builder, times every poll of every task.

// ANCHOR: watched
/// The longest poll [`watched`] and `report_slow_polls` let pass: asyncio's default
/// `slow_callback_duration`.
pub const SLOW_POLL: Duration = Duration::from_millis(100);

/// Spawns `future` as a task, as `tokio::spawn` does, and logs a warning for each
/// poll of it that takes longer than [`SLOW_POLL`], naming the task and this call's
/// place in the source:
///
/// `slow poll: task hello, spawned at src/main.rs:12:5, took 1.001s`
///
/// ```no_run
/// # #[tokio::main] async fn main() {
/// let task = course_support::spawn_watched("hello", async {
///     std::thread::sleep(std::time::Duration::from_secs(1)); // Reported
/// });
/// task.await.unwrap();
/// # }
/// ```
#[track_caller]
pub fn spawn_watched<F>(name: &'static str, future: F) -> JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    tokio::spawn(watched(name, future))
}

/// Wraps `future` so that each of its polls longer than [`SLOW_POLL`] logs a
/// warning, naming it `name` and placing it where `watched` (or [`spawn_watched`])
/// was called.
#[track_caller]
pub fn watched<F: Future>(
    name: &'static str,
    future: F,
) -> impl Future<Output = F::Output> {
    let spawned_at = Location::caller();
    async move {
        let mut future = std::pin::pin!(future);
        std::future::poll_fn(|context| {
            // The real clock: a blocking call does not move tokio's paused one.
            let start = std::time::Instant::now();
            let poll = future.as_mut().poll(context);
            let took = start.elapsed();
            if took > SLOW_POLL {
                tracing::warn!(
                    "slow poll: task {name}, spawned at {spawned_at}, took {:.3}s",
                    took.as_secs_f64()
                );
            }
            poll
        })
        .await
    }
}
// ANCHOR_END: watched

// ANCHOR: heartbeat
/// Spawns a task that wakes every `period` and logs a warning when it wakes a whole
/// period late or more, with the number of beats it missed: something held its
/// thread.
///
/// It watches the thread it runs on: on a current-thread runtime, every task and the
/// future given to `block_on` (the body of `#[tokio::main]`), from this call on.
pub fn spawn_heartbeat(period: Duration) -> JoinHandle<()> {
    // The schedule starts now, not when the task first runs: a stall before the
    // caller's first `.await` makes the first beat late too.
    let mut beats = tokio::time::interval(period);
    // After a stall, wait for the next beat on the schedule: no burst of late ones.
    beats.set_missed_tick_behavior(MissedTickBehavior::Skip);
    tokio::spawn(async move {
        loop {
            let due = beats.tick().await;
            let late = due.elapsed();
            let missed = late.as_nanos() / period.as_nanos();
            if missed > 0 {
                tracing::warn!(
                    "heartbeat: {missed} beats missed, woke {:.3}s late",
                    late.as_secs_f64()
                );
            }
        }
    })
}
// ANCHOR_END: heartbeat
}
