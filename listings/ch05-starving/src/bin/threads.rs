// ANCHOR: all
use std::hint::black_box;
use std::thread;
use std::time::Instant;

const TOTAL: u64 = 100_000_000;

// ANCHOR: split
/// Adds up `0..TOTAL` on `threads` threads, each taking one slice of the range.
fn parallel_sum(threads: u64) -> u64 {
    let slice = TOTAL / threads;
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|i| {
                let range = i * slice..(i + 1) * slice;
                scope.spawn(move || range.map(black_box).sum::<u64>())
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap())
            .sum()
    })
}
// ANCHOR_END: split

// ANCHOR: main
fn main() {
    let mut one_thread = None;
    for threads in [1, 2, 4] {
        let start = Instant::now();
        let sum = parallel_sum(threads);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let baseline = *one_thread.get_or_insert(ms);
        println!(
            "{threads} thread(s): sum = {sum} in {ms:.0} ms, {:.2}x as fast as one",
            baseline / ms
        );
    }
}
// ANCHOR_END: main
// ANCHOR_END: all
