//! What the listings share. The three helpers they use most, the first two the Rust
//! counterparts of the workshop's `logging` set-up and its `Timer()`:
//!
//! - [`init_logging`] makes `tracing::info!("Hello")` print `0.000s main Hello`:
//!   seconds since the program started, the thread's name, the message.
//! - [`Timer`] prints `Total time: N ms` when it goes out of scope.
//! - [`Report`] makes `main` end on an error with one line that says why.
//!
//! [`init_logging`] and [`Timer`] read tokio's clock. When the environment variable
//! `PAUSE_CLOCK` is `1` and the listing runs on a current-thread runtime,
//! [`init_logging`] pauses that clock: time then stands still while any task has
//! work to do and jumps straight to the next timer when none has. A one-second sleep
//! takes no real time and every figure printed is exact. The book's tests run
//! listings that way. A listing that logs no times calls [`pause_clock_if_asked`],
//! which pauses the clock the same way.
//!
//! Three more catch code that blocks its thread, as asyncio's debug mode does:
//! [`spawn_watched`] (with [`watched`] and [`SLOW_POLL`]), [`spawn_heartbeat`] and
//! [`ReportSlowPolls::report_slow_polls`].
//!
//! When the environment variable `TIMELINE` names a file, [`init_logging`] also
//! writes each event there, as a [`TimelineEvent`] whose row is `task 3` for tokio's
//! task 3, or the thread's name outside any task. The book draws its timelines, one
//! row a task, from these files (`tests/check/timelines.rs`).
//!
//! They live in one module, in `course_support.rs`, written so that a listing can
//! carry it: the book's Run button sends it, hidden, ahead of a listing, to the Rust
//! playground, which lacks this crate. Only [`ReportSlowPolls`], which needs tokio's
//! unstable API, stays here.

// Only `ReportSlowPolls` uses it (trybuild builds this crate without the flag).
#[cfg(tokio_unstable)]
use std::time::Duration;

include!("course_support.rs");

pub use self::course_support::*;

// ANCHOR: report_slow_polls
/// asyncio's debug-mode report of slow steps, for every task of a tokio runtime: one
/// call on the runtime's builder, no change to the tasks.
///
/// ```no_run
/// use course_support::ReportSlowPolls;
///
/// let runtime = tokio::runtime::Builder::new_multi_thread()
///     .enable_all()
///     // Or `.report_polls_longer_than(Duration::from_millis(50))`.
///     .report_slow_polls()
///     .build()
///     .unwrap();
/// ```
///
/// Every poll of a task that takes longer than the threshold logs a warning when it
/// returns, with the task's id, where it was spawned and how long the poll took:
///
/// `slow poll: task 3, spawned at src/main.rs:12:5, took 0.301s`
///
/// It uses the builder's `on_before_task_poll` and `on_after_task_poll` hooks, which
/// exist only when tokio is built with `--cfg tokio_unstable`; so does this trait. A
/// runtime has one hook of each kind: this replaces any set before, and a later one
/// replaces this.
#[cfg(tokio_unstable)]
pub trait ReportSlowPolls {
    /// Reports the polls longer than [`SLOW_POLL`], asyncio's default.
    fn report_slow_polls(&mut self) -> &mut Self {
        self.report_polls_longer_than(SLOW_POLL)
    }

    /// Reports the polls longer than `threshold`: asyncio's
    /// `loop.slow_callback_duration = threshold`.
    fn report_polls_longer_than(&mut self, threshold: Duration) -> &mut Self;
}

#[cfg(tokio_unstable)]
impl ReportSlowPolls for tokio::runtime::Builder {
    fn report_polls_longer_than(&mut self, threshold: Duration) -> &mut Self {
        // A worker thread polls one task at a time, from start to end: one start
        // time per thread is enough. The real clock: a blocking call does not move a
        // paused one.
        thread_local! {
            static POLL_STARTED: std::cell::Cell<Option<std::time::Instant>> =
                const { std::cell::Cell::new(None) };
        }
        self.on_before_task_poll(|_| {
            POLL_STARTED.set(Some(std::time::Instant::now()))
        })
        .on_after_task_poll(move |task| {
            let Some(started) = POLL_STARTED.take() else {
                return;
            };
            let took = started.elapsed();
            if took > threshold {
                tracing::warn!(
                    "slow poll: task {}, spawned at {}, took {:.3}s",
                    task.id(),
                    task.spawned_at(),
                    took.as_secs_f64()
                );
            }
        })
    }
}
// ANCHOR_END: report_slow_polls
