//! Exercise 16's mistakes: waiting for the slow worker past the grace period, or
//! aborting the quick one without a grace period.

use super::Attempt;

/// Half a millisecond: the log's times have three decimals.
const SLACK: f64 = 0.0005;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let end = attempt.time_of("stopped by themselves")?;
    let expected_end = attempt.expected_time_of("stopped by themselves")?;
    if end > expected_end + SLACK {
        Some(format!(
            "The shutdown lasted until {end:.3}s: it waited for the slow worker to finish \
             its five-second step, past the grace period of 1 s. Wait for the workers for \
             `grace` at most (`timeout`), then abort those still running."
        ))
    } else if attempt.stdout().contains(" 0 stopped by themselves")
        || attempt.line("quick:").is_none()
    {
        Some(
            "The quick worker was aborted too: give every worker the grace period to stop \
             by itself before aborting the ones still running."
                .to_string(),
        )
    } else {
        None
    }
}
