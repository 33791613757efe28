// ANCHOR: all
use std::pin::pin;
use std::task::{Context, Waker};

fn main() {
    let mut context = Context::from_waker(Waker::noop());
    let mut future = pin!(async { "Hello World" });

    println!("{:?}", future.as_mut().poll(&mut context));
    // Polling a finished future is a bug: this one panics.
    println!("{:?}", future.as_mut().poll(&mut context));
}
// ANCHOR_END: all
