// ANCHOR: all
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: future
/// A future that is ready only on its fourth poll.
struct Countdown {
    remaining: u32,
}

impl Future for Countdown {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.remaining == 0 {
            return Poll::Ready("Liftoff!");
        }
        println!("{}...", self.remaining);
        self.remaining -= 1;
        // Ask to be polled again. Return `Pending` without arranging a wake-up,
        // and nothing ever polls this future again.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: future

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let message = Countdown { remaining: 3 }.await;
    println!("{message}");
}
// ANCHOR_END: main
// ANCHOR_END: all
