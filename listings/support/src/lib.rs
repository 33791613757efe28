//! The two helpers every listing uses, the Rust counterparts of the workshop's
//! `logging` set-up and its `Timer()`:
//!
//! - [`init_logging`] makes `tracing::info!("Hello")` print `0.000s main Hello`:
//!   seconds since the program started, the thread's name, the message.
//! - [`Timer`] prints `Total time: N ms` when it goes out of scope.
//! - [`Report`] makes `main` end on an error with one line that says why.
//!
//! Both read tokio's clock. When the environment variable `PAUSE_CLOCK` is `1` and
//! the listing runs on a current-thread runtime, [`init_logging`] pauses that clock:
//! time then stands still while any task has work to do and jumps straight to the
//! next timer when none has. A one-second sleep takes no real time and every
//! figure printed is exact. The book's tests run listings that way.

use std::error::Error;
use std::fmt;

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::time::Instant;
use tracing::{Event, Subscriber};
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// Sends `tracing` events to standard output as `<elapsed> <thread> <message>`.
///
/// Call it once, first thing in `main`. It calls [`pause_clock_if_asked`] first.
pub fn init_logging() {
    pause_clock_if_asked();
    tracing_subscriber::fmt()
        .event_format(Line {
            start: Instant::now(),
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

/// The format of one log line.
struct Line {
    start: Instant,
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
        write!(out, "{seconds:.3}s {} ", thread.name().unwrap_or("unnamed"))?;
        ctx.field_format().format_fields(out.by_ref(), event)?;
        writeln!(out)
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

/// An error for `main` to return: the program then prints `Error: ` and the error with
/// its causes on one line, and exits with code 1.
///
/// ```
/// fn main() -> Result<(), course_support::Report> {
///     let port: u16 = "8080".parse()?; // On "80a", prints `Error: invalid digit found in string`
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

// `main` prints the error it returns with `Debug`: make that the whole chain of causes,
// `error sending request: connection refused`, rather than a nested struct.
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
