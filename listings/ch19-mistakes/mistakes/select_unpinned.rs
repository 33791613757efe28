// ANCHOR: all
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    course_support::init_logging();
    let deadline = tokio::time::sleep(Duration::from_millis(350));
    let mut ticks = tokio::time::interval(Duration::from_millis(100));
    loop {
        tokio::select! {
            // Polls the same sleep on every turn, through a `&mut`.
            _ = &mut deadline => break,
            _ = ticks.tick() => tracing::info!("tick"),
        }
    }
    tracing::info!("deadline");
}
// ANCHOR_END: all
