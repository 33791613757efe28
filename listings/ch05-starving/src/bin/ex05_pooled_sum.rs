// ANCHOR: starter
use std::hint::black_box;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering::SeqCst};
use std::time::{Duration, Instant};

use course_support::pause_clock_if_asked;

/// The parts started so far, the parts adding up now, and the most at once.
static STARTED: AtomicU64 = AtomicU64::new(0);
static RUNNING: AtomicU64 = AtomicU64::new(0);
static MOST_RUNNING: AtomicU64 = AtomicU64::new(0);

/// Plain, blocking CPU work: adds up the numbers of `range`, one of `parts` parts.
/// It counts the parts that run at the same time. So that the count is the same on a
/// fast machine as on a slow one, a part waits (half a second at most) until all
/// `parts` have started before it adds: parts started together all overlap, parts
/// started one after the other never do.
fn range_sum(range: Range<u64>, parts: u64) -> u64 {
    let now = RUNNING.fetch_add(1, SeqCst) + 1;
    MOST_RUNNING.fetch_max(now, SeqCst);
    STARTED.fetch_add(1, SeqCst);
    let waiting = Instant::now();
    while STARTED.load(SeqCst) < parts
        && waiting.elapsed() < Duration::from_millis(500)
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    let sum = range.map(black_box).sum();
    RUNNING.fetch_sub(1, SeqCst);
    sum
}

/// The most parts that ran at once since the last call; starts the count afresh.
fn parts_at_once() -> u64 {
    STARTED.store(0, SeqCst);
    MOST_RUNNING.swap(0, SeqCst)
}

/// Your part: split `0..total` into `parts` ranges, add each up with
/// `range_sum(range, parts)` on tokio's blocking pool, all at the same time, then
/// collect the sums in order: print `part <n>, <range>: <sum>` for each, and return
/// the total.
#[allow(dead_code, unused_imports)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    pub async fn pooled_sum(total: u64, parts: u64) -> u64 {
        todo!(
            "{parts} parts of 0..{total}: a `spawn_blocking` each, then await them"
        )
    }
}

// Runs the solution below. To run yours, write `use starter::pooled_sum;`
// (then `cargo test ex05` checks it).
use solution::pooled_sum;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    pause_clock_if_asked();
    let total = pooled_sum(10_000_000, 4).await;
    println!(
        "total = {total}; parts at once, at most: {}",
        parts_at_once()
    );
    // Three parts do not divide ten million evenly: no number may be lost.
    let total = pooled_sum(10_000_000, 3).await;
    println!(
        "total = {total}; parts at once, at most: {}",
        parts_at_once()
    );
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn pooled_sum(total: u64, parts: u64) -> u64 {
        // Start every part before awaiting any, or they would run one after the
        // other.
        let handles: Vec<_> = (0..parts)
            .map(|part| {
                // Ends computed from `total`, so that the last range ends at
                // `total`.
                let range = part * total / parts..(part + 1) * total / parts;
                // `move`: the closure runs on another thread, so it owns its range.
                let work = range.clone();
                (
                    range,
                    tokio::task::spawn_blocking(move || range_sum(work, parts)),
                )
            })
            .collect();
        let mut sum = 0;
        for (part, (range, handle)) in handles.into_iter().enumerate() {
            // Awaiting a handle leaves the runtime's thread free meanwhile.
            let part_sum = handle.await.expect("`range_sum` does not panic");
            println!("part {part}, {range:?}: {part_sum}");
            sum += part_sum;
        }
        sum
    }
}
// ANCHOR_END: solution
