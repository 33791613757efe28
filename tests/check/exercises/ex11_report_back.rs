//! Exercise 11's mistake: a sender of results outlives the workers, so the channel
//! never closes.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    if !attempt.hung() || attempt.stdout().contains("no more results") {
        return None;
    }
    Some(
        "The results channel never closed, so `main` waited for ever for one more result: \
         a sender of results was still alive after every worker had stopped. Only the \
         workers may hold one: drop the one `start_pool` made, or move it into a worker."
            .to_string(),
    )
}
