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
    } else if let Some((part, range, expected)) = other_range(attempt) {
        Some(format!(
            "Your {part} covered {range}, where the solution's covers {expected}: some \
             numbers fell between two ranges, or were added twice, and a total is not \
             {total}. (Ranges `total / parts` long stop short of `total` when `parts` does \
             not divide it: the division rounds down.) Compute both ends of part `n` from \
             `total` (`n * total / parts`), so that the last range ends at `total`."
        ))
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

/// The first `part <n>, <range>:` line whose range is not the solution's, in the same
/// place: `part <n>`, its range, and the solution's.
fn other_range<'a>(attempt: &'a Attempt) -> Option<(&'a str, &'a str, &'a str)> {
    let parts = |text: &'a str| {
        text.lines()
            .filter_map(|line| line.split_once(": ")?.0.split_once(", "))
            .filter(|(part, _)| part.starts_with("part "))
    };
    parts(attempt.stdout())
        .zip(parts(attempt.expected))
        .find(|(printed, expected)| printed.1 != expected.1)
        .map(|((part, range), (_, expected))| (part, range, expected))
}
