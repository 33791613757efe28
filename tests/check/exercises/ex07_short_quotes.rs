//! Exercise 7's mistake: a 404, the service's "no quote that short", taken for a
//! failure.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    if !attempt.stderr().contains("404 Not Found") {
        return None;
    }
    Some(
        "Your version stopped with an error at the service's `404 Not Found`, which is how \
         it says that no quote is that short: an answer to expect, not a failure. Look at \
         `response.status()` before `error_for_status()`, and return `Ok(None)` for a 404."
            .to_string(),
    )
}
