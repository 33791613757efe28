//! Exercise 6's mistakes: measuring the box instead of the future inside it, or
//! measuring it only when it runs.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    boxed(attempt).or_else(|| printed_when_run(attempt))
}

fn boxed(attempt: &Attempt) -> Option<String> {
    let size = attempt.number_after("add(2, 3):")?;
    let same = ["sum_buffer():", "an async block:"]
        .iter()
        .all(|label| attempt.number_after(label) == Some(size));
    // A box is one pointer, two with a table of methods: 16 bytes at most.
    if !same || size > 16.0 {
        return None;
    }
    Some(format!(
        "Every future measured {size} bytes: that is the size of a box, a pointer (and its \
         table of methods, for a `Job`), not of the future inside. Take \
         `size_of_val(&future)` before `Box::pin` takes the future."
    ))
}

/// A future's size printed after `each Job`, which `main` prints once every job is
/// made: it was printed when the job ran.
fn printed_when_run(attempt: &Attempt) -> Option<String> {
    const EACH: &str = "each Job:";
    // The solution prints every size before that line.
    let sizes_first = attempt
        .expected
        .lines()
        .take_while(|line| !line.contains(EACH))
        .any(|line| line.ends_with(" bytes"));
    let each = attempt
        .stdout()
        .lines()
        .position(|line| line.contains(EACH))?;
    let late = attempt
        .stdout()
        .lines()
        .skip(each + 1)
        .find(|line| sizes_first && line.ends_with(" bytes"))?;
    Some(format!(
        "Your version printed `{late}` after `{}`, when the job ran rather than when \
         `job` made it: code in an `async` block runs only once its future is polled, \
         here when `run_all` awaits it. Print the size in `job` itself, before \
         `Box::pin` takes the future.",
        attempt.stdout().lines().nth(each)?.trim()
    ))
}
