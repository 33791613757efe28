//! Exercise 4's mistakes: an attempt that ran out of time goes on in the background,
//! or the pause between attempts takes no time on tokio's clock.

use super::Attempt;
use super::attempt::time;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    went_on(attempt).or_else(|| no_pause(attempt))
}

fn went_on(attempt: &Attempt) -> Option<String> {
    // An attempt that ends after its own deadline went on in the background.
    let (number, ended, deadline) = attempt.stdout().lines().find_map(|line| {
        let (_, rest) = line.split_once("attempt ")?;
        let number = rest.strip_suffix(" ends")?;
        let ended = time(line)?;
        let deadline = attempt.time_of(&format!("attempt {number}: deadline"))?;
        (ended > deadline).then(|| (number.to_string(), ended, deadline))
    })?;
    Some(format!(
        "Attempt {number} ran out of time at {deadline:.3}s, yet it ended at {ended:.3}s: \
         it went on in the background while the next attempts ran. `timeout(limit, \
         fetch_quote(attempt))` drops the call at the deadline; a timeout on a spawned \
         task's handle only stops waiting for it."
    ))
}

/// Attempt 2 starts sooner after attempt 1's deadline than the solution's pause.
fn no_pause(attempt: &Attempt) -> Option<String> {
    let pause = |deadline: Option<f64>, start: Option<f64>| Some(start? - deadline?);
    let taken = pause(
        attempt.time_of("attempt 1: deadline"),
        attempt.time_of("attempt 2 starts"),
    )?;
    let expected = pause(
        attempt.expected_time_of("attempt 1: deadline"),
        attempt.expected_time_of("attempt 2 starts"),
    )?;
    if taken > expected - 0.1 {
        return None;
    }
    Some(format!(
        "Attempt 2 started {taken:.3} s after attempt 1 ran out of time, where the \
         solution pauses {expected:.3} s: the pause took no time on tokio's clock. Either \
         there was none, or it was a blocking call, `std::thread::sleep` (Python's \
         `time.sleep`): it holds the thread, so nothing else on it runs meanwhile, and on \
         the paused clock this check runs on it moves the clock not at all. Pause with \
         tokio's timer: `sleep(pause).await`."
    ))
}
