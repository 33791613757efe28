// ANCHOR: all
use std::thread;
use std::time::Duration;

use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: thread
    // A thread of our own reads stdin, outside the runtime: nobody waits for it.
    let (sender, mut lines) = mpsc::channel::<String>(16);
    thread::spawn(move || {
        for line in std::io::stdin().lines() {
            let Ok(line) = line else { break };
            // Waits while the channel is full; fails once the receiver is gone.
            if sender.blocking_send(line).is_err() {
                break;
            }
        }
    });
    // ANCHOR_END: thread

    let work = tokio::time::sleep(Duration::from_millis(300)); // the program's work
    tokio::pin!(work);
    loop {
        tokio::select! {
            // Once stdin is closed, `recv` gives `None` and this branch is left out.
            Some(line) = lines.recv() => println!("you typed: {line}"),
            () = &mut work => break,
        }
    }
    println!("work done");
    println!("main returns");
    // The reading thread may still be blocked in `read`: the process ends anyway.
}
// ANCHOR_END: all
