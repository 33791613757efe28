// ANCHOR: all
//! The workshop's "Async overhead" cells in Rust: a function that adds two
//! numbers, called ten million times, plain, as an `async fn`, and through a boxed
//! future; then, per call, what suspending and spawning cost.

// ANCHOR: setup
use std::hint::black_box;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

use divan::Bencher;
use tokio::runtime::{Builder, Runtime};

/// As in the workshop: ten million calls.
const CALLS: u64 = 10_000_000;

/// Fewer calls for the slow cases: compare them per call.
const FEW_CALLS: u64 = 100_000;

fn main() {
    // Finds every `#[divan::bench]` function, runs it, prints a table.
    divan::main();
}

/// One thread, as the workshop's event loop. No timers, no I/O: nothing needs them.
fn runtime() -> Runtime {
    Builder::new_current_thread()
        .build()
        .expect("a runtime with no drivers builds")
}
// ANCHOR_END: setup

// ANCHOR: plain
fn add(a: u64, b: u64) -> u64 {
    a + b
}

// One iteration makes all ten million calls (`sample_size = 1`), and divan times
// 20 of them (`sample_count`): its times are per ten million calls, its rates per
// call.
#[divan::bench(sample_count = 20, sample_size = 1, items_count = CALLS)]
fn plain_fn() {
    for i in 0..CALLS {
        // `black_box` hides the inputs from the optimizer and pretends to use the
        // output, so each call must really be made.
        black_box(add(black_box(i), black_box(i)));
    }
}
// ANCHOR_END: plain

// ANCHOR: async
async fn add_async(a: u64, b: u64) -> u64 {
    a + b
}

async fn do_async() {
    for i in 0..CALLS {
        black_box(add_async(black_box(i), black_box(i)).await);
    }
}

#[divan::bench(sample_count = 20, sample_size = 1, items_count = CALLS)]
fn async_fn_block_on(bencher: Bencher) {
    let runtime = runtime();
    // One `block_on` drives the whole loop, as `await do()` does in the workshop.
    bencher.bench_local(|| runtime.block_on(do_async()));
}
// ANCHOR_END: async

// ANCHOR: poll_once
/// Polls a future once, with chapter 2's waker that does nothing: enough for a
/// future that never waits, and simple enough for the compiler to see through.
fn poll_once<F: Future>(future: F) -> F::Output {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("this future never waits"),
    }
}

#[divan::bench(sample_count = 20, sample_size = 1, items_count = CALLS)]
fn async_fn_polled_once() {
    poll_once(do_async());
}
// ANCHOR_END: poll_once

// ANCHOR: boxed
fn add_boxed(a: u64, b: u64) -> Pin<Box<dyn Future<Output = u64>>> {
    Box::pin(add_async(a, b)) // A heap allocation on every call
}

async fn do_boxed() {
    for i in 0..CALLS {
        // `black_box` on the box too, so that no optimizer can look inside it
        // to skip the allocation. `.await` calls `poll` through the box's table
        // of methods, and the box is freed at the end of the statement.
        black_box(black_box(add_boxed(black_box(i), black_box(i))).await);
    }
}

#[divan::bench(sample_count = 10, sample_size = 1, items_count = CALLS)]
fn boxed_future(bencher: Bencher) {
    let runtime = runtime();
    bencher.bench_local(|| runtime.block_on(do_boxed()));
}
// ANCHOR_END: boxed

// ANCHOR: suspend
async fn add_after_yield(a: u64, b: u64) -> u64 {
    // Really suspend: return `Pending` up to `block_on`, which polls again.
    tokio::task::yield_now().await;
    a + b
}

async fn do_suspending() {
    for i in 0..FEW_CALLS {
        black_box(add_after_yield(black_box(i), black_box(i)).await);
    }
}

#[divan::bench(sample_count = 20, sample_size = 1, items_count = FEW_CALLS)]
fn suspend_each_call(bencher: Bencher) {
    let runtime = runtime();
    bencher.bench_local(|| runtime.block_on(do_suspending()));
}
// ANCHOR_END: suspend

// ANCHOR: spawn
async fn do_spawning() {
    for i in 0..FEW_CALLS {
        // A task per call: allocated, queued, run, and its result handed back.
        let task = tokio::spawn(add_async(black_box(i), black_box(i)));
        black_box(task.await.expect("the task does not panic"));
    }
}

#[divan::bench(sample_count = 20, sample_size = 1, items_count = FEW_CALLS)]
fn spawn_each_call(bencher: Bencher) {
    let runtime = runtime();
    bencher.bench_local(|| runtime.block_on(do_spawning()));
}
// ANCHOR_END: spawn
// ANCHOR_END: all
