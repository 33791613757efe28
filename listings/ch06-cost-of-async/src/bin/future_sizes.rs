// ANCHOR: all
use std::pin::Pin;
use std::time::Duration;

use tokio::task::yield_now;
use tracing::info;

// ANCHOR: fns
/// Never waits: the future holds its two arguments until it is first polled.
async fn add(a: u64, b: u64) -> u64 {
    a + b
}

/// Uses the buffer after the `.await`, so the future must keep all 1024 bytes.
async fn wait_then_sum() -> u32 {
    let buffer = [1u8; 1024];
    yield_now().await;
    buffer.iter().map(|&byte| u32::from(byte)).sum()
}

/// Done with the buffer before the `.await`, but `buffer.iter()` borrowed it, and a
/// borrowed local is kept until its scope ends: all 1024 bytes again.
async fn sum_then_wait() -> u32 {
    let buffer = [1u8; 1024];
    let sum = buffer.iter().map(|&byte| u32::from(byte)).sum();
    yield_now().await;
    sum
}

/// Adds up the bytes of a buffer it takes by value.
fn checksum(buffer: [u8; 1024]) -> u32 {
    buffer.iter().map(|&byte| u32::from(byte)).sum()
}

/// The same, but the buffer goes to `checksum` by value, never borrowed here: though
/// still in scope at the `.await`, it is not kept.
async fn checksum_then_wait() -> u32 {
    let buffer = [1u8; 1024];
    let sum = checksum(buffer);
    yield_now().await;
    sum
}

/// The block ends the buffer's scope before the `.await`: only `sum` is kept.
async fn sum_in_block_then_wait() -> u32 {
    let sum = {
        let buffer = [1u8; 1024];
        buffer.iter().map(|&byte| u32::from(byte)).sum()
    };
    yield_now().await;
    sum
}

/// Chapter 1's `hello`: across its `.await` it holds tokio's `Sleep`.
async fn hello() {
    info!("Hello");
    tokio::time::sleep(Duration::from_secs(1)).await;
    info!("World");
}

/// A future that awaits another holds it whole, inside its own state...
async fn outer() -> u32 {
    wait_then_sum().await
}

/// ...unless it puts it on the heap first: then it holds only a pointer.
async fn outer_boxed() -> u32 {
    Box::pin(wait_then_sum()).await
}
// ANCHOR_END: fns

// ANCHOR: main
/// Prints how many bytes a value takes where it stands: here, on `main`'s stack.
fn print_size<T: ?Sized>(name: &str, value: &T) {
    println!("{name:<24}{:>5} bytes", size_of_val(value));
}

// No runtime: creating a future runs none of its body, so nothing here needs one.
fn main() {
    print_size("add", &add(1, 2));
    print_size("wait_then_sum", &wait_then_sum());
    print_size("sum_then_wait", &sum_then_wait());
    print_size("checksum_then_wait", &checksum_then_wait());
    print_size("sum_in_block_then_wait", &sum_in_block_then_wait());
    print_size("hello", &hello());
    print_size("outer", &outer());
    print_size("outer_boxed", &outer_boxed());

    // A boxed future is a pointer to the heap allocation that holds it.
    let boxed = Box::pin(wait_then_sum());
    print_size("Box::pin", &boxed);
    // Behind `dyn Future` the pointer is wide: the data, and its table of methods.
    let erased: Pin<Box<dyn Future<Output = u32>>> = Box::pin(wait_then_sum());
    print_size("Pin<Box<dyn Future>>", &erased);
    print_size("  and on the heap", &*erased);
}
// ANCHOR_END: main
// ANCHOR_END: all
