//! Exercise 16's mistakes: waiting for the slow worker past the grace period,
//! counting an ended worker as running (`len()` of the set), never cancelling the
//! token, or aborting the quick one without a grace period.

use super::Attempt;

/// Half a millisecond: the log's times have three decimals.
const SLACK: f64 = 0.0005;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let end = attempt.time_of(SUMMARY)?;
    let expected_end = attempt.expected_time_of(SUMMARY)?;
    if end > expected_end + SLACK {
        Some(format!(
            "The shutdown lasted until {end:.3}s: it waited for the slow worker to finish \
             its five-second step, past the grace period of 1 s. Wait for the workers for \
             `grace` at most (`timeout`), then abort those still running."
        ))
    } else if let Some(quick) = attempt.line(QUICK) {
        if summary(attempt.stdout()) == summary(attempt.expected) {
            return None;
        }
        Some(format!(
            "The quick worker stopped by itself (`{}`), yet your version does not count \
             it so: a `JoinSet` keeps a task that has ended until `join_next` (or \
             `try_join_next`) takes it out, and `len()` counts it until then, as it \
             counts the tasks still running. Take the workers out as they end during the \
             grace period, counting them (`join_next` in a loop, under `timeout`); what \
             is left after that is still running.",
            &quick[quick.find(QUICK)?..]
        ))
    } else if end > expected_end - SLACK {
        Some(
            "No worker stopped by itself, though your version waited the grace period: \
             nobody asked them to. They stop when they see their token cancelled: call \
             `token.cancel()` first, then give them the grace period."
                .to_string(),
        )
    } else {
        Some(
            "The quick worker was aborted too: give every worker the grace period to stop \
             by itself before aborting the ones still running."
                .to_string(),
        )
    }
}

/// The quick worker's line.
const QUICK: &str = "quick:";

/// The words after the two counts, on `main`'s last line.
const SUMMARY: &str = "stopped by themselves";

/// A log line's text, after its time.
fn text_of(line: &str) -> &str {
    line.trim_start()
        .split_once("s ")
        .map_or(line, |(_, text)| text)
}

/// The text of the counts' line.
fn summary(text: &str) -> Option<&str> {
    text.lines()
        .find(|line| line.contains(SUMMARY))
        .map(text_of)
}
