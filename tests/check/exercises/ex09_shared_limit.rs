//! Exercise 9's mistakes: no permit held (every request out at once), a limit per
//! batch instead of one for the whole program, or fewer requests at once than the
//! limit allows.

use super::Attempt;

const IN_FLIGHT: &str = "Requests in flight at most:";
const BATCHES: [&str; 2] = ["First batch:", "Second batch:"];

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let most = attempt.number_after(IN_FLIGHT)?;
    let limit = attempt.expected_number_after(IN_FLIGHT)?;
    // Every request of both batches, as the solution counts them.
    let all: f64 = BATCHES
        .iter()
        .filter_map(|batch| attempt.expected_number_after(batch))
        .sum();
    if most > limit && most >= all {
        Some(format!(
            "{most} requests in flight at most: all {all} at once, as if there were no \
             limit: no request held a permit while it ran. `let _ = \
             limit.acquire().await…` takes one and holds none: `_` is not a name, so the permit is \
             dropped, and given back, on that very line. Give it a name, `let _permit = \
             …`: it lives to the end of its block, after the request."
        ))
    } else if most > limit {
        Some(format!(
            "{most} requests in flight at most: the limit is {limit} for the whole program, \
             both batches together. A limit of each batch's own (`buffer_unordered({limit})`, \
             or a semaphore made in `fetch_batch`) lets each batch have {limit} out. Make \
             each request hold a permit of the shared `limit` while it runs."
        ))
    } else if most < limit {
        Some(format!(
            "Only {most} {} in flight at most, where the limit allows {limit}: send the \
             requests concurrently, and let the semaphore hold them back.",
            if most == 1.0 { "request" } else { "requests" }
        ))
    } else {
        None
    }
}
