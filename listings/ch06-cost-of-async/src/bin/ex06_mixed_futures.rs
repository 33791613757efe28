// ANCHOR: starter
use std::pin::Pin;

use tokio::task::yield_now;

/// One type for futures of any type with this output: a pinned box on the heap, its
/// `poll` called through a table of methods.
type Job = Pin<Box<dyn Future<Output = u64>>>;

async fn add(a: u64, b: u64) -> u64 {
    a + b
}

/// Holds its 4 KiB buffer across the `.await`.
async fn sum_buffer() -> u64 {
    let buffer = [1u8; 4096];
    yield_now().await;
    buffer.iter().map(|&byte| u64::from(byte)).sum()
}

/// Your part: `job` prints `<name>: <size> bytes`, the size of `future` before it is
/// boxed, and returns it as a `Job`; `run_all` awaits the jobs one after the other
/// and returns the sum of their outputs.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    pub fn job<F: Future<Output = u64> + 'static>(name: &str, future: F) -> Job {
        todo!(
            "print {name}'s size, {} bytes, then pin it in a box",
            size_of_val(&future)
        )
    }

    pub async fn run_all(jobs: Vec<Job>) -> u64 {
        todo!(
            "await each of the {} jobs, add up their outputs",
            jobs.len()
        )
    }
}

// Runs the solution below. To run yours, write `use starter::{job, run_all};`
// (then `cargo test ex06` checks it).
use solution::{job, run_all};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let factor = 10;
    // Three futures of three types: without the boxes, no `Vec` could hold them.
    let jobs = vec![
        job("add(2, 3)", add(2, 3)),
        job("sum_buffer()", sum_buffer()),
        job("an async block", async move { add(1, 2).await * factor }),
    ];
    println!("each Job: {} bytes, whatever it holds", size_of::<Job>());
    println!("total = {}", run_all(jobs).await);
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub fn job<F: Future<Output = u64> + 'static>(name: &str, future: F) -> Job {
        // The size is the future's type's, known when compiling.
        println!("{name}: {} bytes", size_of_val(&future));
        // One heap allocation, of that size. The `Job` is two pointers: one to the
        // future on the heap, one to the table of `F`'s methods. (`'static`, because
        // a `Job` may borrow nothing.)
        Box::pin(future)
    }

    pub async fn run_all(jobs: Vec<Job>) -> u64 {
        let mut total = 0;
        for job in jobs {
            // A pinned box is a future itself: awaiting it polls what it holds.
            total += job.await;
        }
        total
    }
}
// ANCHOR_END: solution
