//! Exercise 9's mistakes: a limit per batch instead of one for the whole program, or
//! fewer requests at once than the limit allows.

use super::Attempt;

const IN_FLIGHT: &str = "Requests in flight at most:";

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let most = attempt.number_after(IN_FLIGHT)?;
    let limit = attempt.expected_number_after(IN_FLIGHT)?;
    if most > limit {
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
