// ANCHOR: starter
use std::hint::black_box;
use std::ops::Range;

use course_support::pause_clock_if_asked;

/// Plain, blocking CPU work: adds up the numbers of `range`.
fn range_sum(range: Range<u64>) -> u64 {
    range.map(black_box).sum()
}

/// Your part: split `0..total` into `parts` ranges, add each up with `range_sum` on
/// tokio's blocking pool, all at the same time, then collect the sums in order:
/// print `part <n>, <range>: <sum>` for each, and return the total.
#[allow(unused)] // Until you fill it in and `main` uses it: see below.
mod starter {
    use super::*;

    pub async fn pooled_sum(total: u64, parts: u64) -> u64 {
        todo!("one `spawn_blocking` per range first, then await each handle")
    }
}

// Runs the solution below. To run yours, write `use starter::pooled_sum;`
// (then `cargo test` checks its output too).
use solution::pooled_sum;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    pause_clock_if_asked();
    let total = pooled_sum(10_000_000, 4).await;
    println!("total = {total}");
    // Three parts do not divide ten million evenly: no number may be lost.
    let total = pooled_sum(10_000_000, 3).await;
    println!("total = {total}");
}
// ANCHOR_END: starter

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
                (range, tokio::task::spawn_blocking(move || range_sum(work)))
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
