// ANCHOR: all
use std::pin::pin;
use std::time::Duration;

use course_support::{Report, init_logging};
use tokio::task::JoinSet;
use tokio::time::sleep;
use tracing::info;

/// How many jobs the batch has, and how many run at once.
const JOBS: u32 = 12;
const WORKERS: usize = 3;

// ANCHOR: job
/// One job: it takes between half a second and a second, depending on its number.
async fn job(id: u32) {
    info!("job {id}: started");
    sleep(Duration::from_millis(500 + 100 * u64::from(id % 5))).await;
    info!("job {id}: done");
}
// ANCHOR_END: job

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    init_logging();
    // The handler for Ctrl-C is installed when this future is first polled: the
    // `biased` select! below polls it first, before any job has had a turn.
    let mut ctrl_c = pin!(tokio::signal::ctrl_c());
    let mut waiting = 1..=JOBS;
    let mut running = JoinSet::new();
    let (mut started, mut done) = (0, 0);
    let mut stopping = false;

    loop {
        // Keep WORKERS jobs running while there are jobs left, unless stopping.
        while !stopping
            && running.len() < WORKERS
            && let Some(id) = waiting.next()
        {
            running.spawn(job(id));
            started += 1;
        }
        if running.is_empty() {
            break;
        }
        tokio::select! {
            biased;
            result = &mut ctrl_c, if !stopping => {
                result?;
                stopping = true;
                let left = running.len();
                info!("Ctrl-C: no new jobs; waiting for the {left} running");
            }
            // `join_next` is cancel safe: losing the race to Ctrl-C loses no result.
            Some(result) = running.join_next() => {
                result?;
                done += 1;
            }
        }
    }

    let never_started = waiting.count();
    println!(
        "{JOBS} jobs: {started} started, {done} done, {never_started} never started"
    );
    Ok(())
}
// ANCHOR_END: main
// ANCHOR_END: all
