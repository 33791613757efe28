//! Everything special about a listing, declared once. A listing that is not named
//! here runs on tokio's paused clock, exits with 0, and must print exactly its
//! expected output, in order.

use crate::Check;
use crate::common::{Listing, listings};

/// Whether a run happens on tokio's paused clock or on the real one.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Clock {
    /// `PAUSE_CLOCK=1`: time jumps from timer to timer, and every figure is exact.
    Paused,
    /// As `cargo run` runs it.
    Real,
}

/// A fact about a listing that changes how it is checked.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Fact {
    /// Its point needs the real clock: a blocking call does not move the paused one,
    /// and a timeout around real I/O fires on it at once. Its text must match
    /// exactly and its figures within `outputs::TOLERANCE`.
    RealTime,
    /// It measures (speed-ups, durations of CPU work): its text must match exactly,
    /// but each figure with a unit of time, of memory or a ratio (`1.97x`) is free.
    Measured,
    /// Its lines come in an order that depends on the network or the threads: they
    /// are compared as a set.
    Unordered,
    /// It ends with an error on purpose, with this exit code.
    ExitCode(i32),
    /// The book draws its timeline, from a run on this clock (`timelines`).
    Timeline(Clock),
    /// A client of the quote service: it must fail in one line when the service
    /// does, and have at most this many requests in flight, if given (`http`).
    QuoteClient(Option<u64>),
    /// It keeps every core busy for a while: it never runs beside a real-time
    /// listing, whose figures it would upset.
    CpuHeavy,
}

use Clock::{Paused, Real};
use Fact::{
    CpuHeavy, ExitCode, Measured, QuoteClient, RealTime, Timeline, Unordered,
};

/// The listings with something special about them, as `chapter/name`.
const FACTS: &[(&str, &[Fact])] = &[
    ("ch01-hello-world/hello_sync", &[RealTime, Timeline(Real)]),
    ("ch01-hello-world/hello_async", &[Timeline(Paused)]),
    (
        "ch01-hello-world/hello_blocking",
        &[RealTime, Timeline(Real)],
    ),
    ("ch02-futures/poll_after_ready", &[ExitCode(101)]),
    ("ch03-runtime/multi_thread", &[RealTime]),
    ("ch05-starving/starve", &[CpuHeavy, Timeline(Real)]),
    ("ch05-starving/starve_yield", &[CpuHeavy, Timeline(Real)]),
    ("ch05-starving/spawn_blocking", &[CpuHeavy]),
    ("ch05-starving/rayon_oneshot", &[CpuHeavy]),
    ("ch05-starving/threads", &[Measured, CpuHeavy]),
    ("ch05-starving/processes", &[CpuHeavy]),
    (
        "ch07-http-sync/fetch_sync",
        &[Measured, QuoteClient(Some(1)), Timeline(Real)],
    ),
    (
        "ch08-http-concurrent/join_set",
        &[Measured, Unordered, QuoteClient(Some(10)), Timeline(Real)],
    ),
    (
        "ch08-http-concurrent/futures_unordered",
        &[Measured, Unordered, QuoteClient(Some(10))],
    ),
    (
        "ch08-http-concurrent/join_all",
        &[Measured, Unordered, QuoteClient(Some(10))],
    ),
    (
        "ch09-http-limited/semaphore",
        &[Measured, Unordered, QuoteClient(Some(5)), Timeline(Real)],
    ),
    (
        "ch09-http-limited/buffer_unordered",
        &[Measured, Unordered, QuoteClient(Some(5))],
    ),
    (
        "ch09-http-limited/spawn_with_permit",
        &[Measured, Unordered, QuoteClient(Some(5))],
    ),
    ("ch09-http-limited/measure", &[Measured, QuoteClient(None)]),
    ("ch10-subprocesses/deadlock", &[RealTime]),
    ("ch11-queues/workers", &[Timeline(Paused)]),
    ("ch13-debugging/debug_mode", &[Measured]),
    ("ch13-debugging/metrics", &[Measured]),
    ("ch16-shutdown/join_set_drop", &[RealTime]),
    // Multi-thread runtimes, whose clock the listings do not pause.
    ("ch17-sync-and-async/spawn_blocking_block_on", &[RealTime]),
    ("ch17-sync-and-async/block_in_place", &[RealTime]),
    (
        "ch17-sync-and-async/futures_block_on_sleep",
        &[ExitCode(101)],
    ),
    // A real 300 ms sleep stands for the program's work. (On a paused clock, a read
    // of stdin on the blocking pool would keep time from jumping while it waits.)
    ("ch17-sync-and-async/stdin_hang", &[RealTime]),
    ("ch17-sync-and-async/stdin_thread", &[RealTime]),
    ("ch17-sync-and-async/stdin_shutdown_timeout", &[RealTime]),
    ("ch18-ecosystem/fs_batched", &[Measured]),
    ("ch19-mistakes/runtime_in_runtime", &[ExitCode(101)]),
    ("ch19-mistakes/blocking_client_in_async", &[ExitCode(101)]),
    (
        "ch19-mistakes/block_in_place_current_thread",
        &[ExitCode(101)],
    ),
    ("ch19-mistakes/spawn_without_runtime", &[ExitCode(101)]),
    ("ch19-mistakes/slow_poll", &[Measured]),
    // Its point is the real clock: the paused one does not move while a thread
    // blocks.
    ("ch19-mistakes/timeout_never_yields", &[RealTime]),
    // Threads that block for real, whose order the output shows: never beside a
    // listing that keeps every core busy.
    ("ch19-mistakes/blocking_outlives_abort", &[RealTime]),
    ("ch19-mistakes/lifo_slot", &[RealTime]),
    ("ch19-mistakes/slow_poll_every_task", &[Measured]),
    ("ch20-summary/threads_and_tasks", &[Measured, CpuHeavy]),
];

/// The facts about one listing.
pub fn facts(listing: &Listing) -> &'static [Fact] {
    let id = listing.id();
    FACTS
        .iter()
        .find(|(name, _)| *name == id)
        .map_or(&[], |(_, facts)| facts)
}

pub fn has(listing: &Listing, fact: Fact) -> bool {
    facts(listing).contains(&fact)
}

/// The clock a listing's output is checked on.
pub fn clock(listing: &Listing) -> Clock {
    if has(listing, RealTime) || has(listing, Measured) {
        Real
    } else {
        Paused
    }
}

pub fn exit_code(listing: &Listing) -> i32 {
    facts(listing)
        .iter()
        .find_map(|fact| match fact {
            ExitCode(code) => Some(*code),
            _ => None,
        })
        .unwrap_or(0)
}

/// The clock its timeline is drawn on, if the book draws one.
pub fn timeline(listing: &Listing) -> Option<Clock> {
    facts(listing).iter().find_map(|fact| match fact {
        Timeline(clock) => Some(*clock),
        _ => None,
    })
}

/// `Some(most requests in flight, if counted)` for a client of the quote service.
pub fn quote_client(listing: &Listing) -> Option<Option<u64>> {
    facts(listing).iter().find_map(|fact| match fact {
        QuoteClient(most) => Some(*most),
        _ => None,
    })
}

pub fn checks() -> Vec<Check> {
    vec![Check::new(
        "catalogue",
        "every listing named exists",
        || {
            let ids: Vec<String> = listings().iter().map(Listing::id).collect();
            let unknown: Vec<&str> = FACTS
                .iter()
                .map(|(id, _)| *id)
                .filter(|id| !ids.iter().any(|known| known == id))
                .collect();
            if unknown.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "tests/check/catalogue.rs names listings that do not exist: {unknown:?}"
                ))
            }
        },
    )]
}
