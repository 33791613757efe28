//! Exercise 12's mistakes: a last sleep before giving up, or other delays than the
//! solution's.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let gave_up = attempt.time_of("giving up")?;
    let expected = attempt.expected_time_of("giving up")?;
    let last = attempt.time_of("attempt 4:")?;
    if gave_up > expected && Some(last) == attempt.expected_time_of("attempt 4:") {
        Some(format!(
            "The stream ended at {gave_up:.3}s, {:.1} s after the last attempt: it waited \
             once more before it found no attempt was left. Check for the last attempt \
             before the sleep, and end the stream at once.",
            gave_up - last
        ))
    } else if attempt.stdout().lines().count() == attempt.expected.lines().count() {
        Some(
            "The attempts come at other times than the solution's: wait 100 ms before the \
             first attempt, and twice as long before each one after it."
                .to_string(),
        )
    } else {
        None
    }
}
