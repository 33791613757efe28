//! Exercise 5's mistakes: the parts run one at a time, or the ranges miss or repeat
//! numbers.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let at_once = attempt.number_after("parts at once, at most:")?;
    let total = attempt.expected_number_after("total =")?;
    if at_once == 1.0 {
        Some(
            "One part at a time: each part was awaited before the next one was started, \
             so the blocking pool never ran two at once. Start every part with \
             `spawn_blocking` first, then await the handles in order."
                .to_string(),
        )
    } else if attempt.number_after("total =") != Some(total) {
        Some(format!(
            "A total is not {total}: some numbers fell between two ranges, or were added \
             twice. Compute both ends of part `n` from `total` (`n * total / parts`), so \
             that the last range ends at `total`."
        ))
    } else {
        None
    }
}
