// Exercise 2 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in count_polls.txt.
// rustc warns of `cx`, unused, as it warns you (the check makes sure of it); only CI's
// clippy, run with `-D warnings`, is told to let it be.
#![cfg_attr(clippy, allow(unused_variables))]
#![allow(unused_imports)] // What only the solution uses.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use course_support::init_logging;
use tokio::task::yield_now;
use tokio::time::sleep;
use tracing::info;

/// Your part: a future that runs `inner` and counts how many times it is polled.
/// When `inner` is ready, it is ready too, with `inner`'s output and the count.
// Unused until `main` uses it (see below), `self` unchanged until you fill it in.
#[allow(dead_code, unused_mut)]
mod starter {
    use super::*;

    pub struct CountPolls<F> {
        // Polling a future takes it as `Pin<&mut F>`: pinned, never to move again.
        // Pinned in a box, `inner` stays put even when `CountPolls` moves, and
        // `self.inner.as_mut()` lends it as the `Pin<&mut F>` that `poll` wants.
        inner: Pin<Box<F>>,
        polls: u32,
    }

    pub fn count_polls<F: Future>(inner: F) -> CountPolls<F> {
        CountPolls {
            inner: Box::pin(inner),
            polls: 0,
        }
    }

    impl<F: Future> Future for CountPolls<F> {
        type Output = (F::Output, u32);

        // WRONG, on purpose: the inner future is polled with a context of its own,
        // whose waker does nothing, instead of `cx`. Its wake-up never reaches this
        // task.
        fn poll(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Self::Output> {
            self.polls += 1;
            let mut own = Context::from_waker(std::task::Waker::noop());
            match self.inner.as_mut().poll(&mut own) {
                Poll::Ready(output) => Poll::Ready((output, self.polls)),
                Poll::Pending => Poll::Pending,
            }
        }
    }
}

// Runs the solution below. To run yours, write `use starter::count_polls;`
// (then `cargo test ex02` checks it).
use starter::count_polls;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    init_logging();

    let (sum, polls) = count_polls(async { 2 + 3 }).await;
    info!("async {{ 2 + 3 }}: {sum}, polls: {polls}");

    let ((), polls) = count_polls(sleep(Duration::from_secs(1))).await;
    info!("a one-second sleep, polls: {polls}");

    let ((), polls) = count_polls(async {
        sleep(Duration::from_secs(1)).await;
        sleep(Duration::from_secs(2)).await;
    })
    .await;
    info!("two sleeps in a row, polls: {polls}");

    let ((), polls) = count_polls(async {
        for _ in 0..3 {
            yield_now().await;
        }
    })
    .await;
    info!("three yield_now, polls: {polls}");
}
