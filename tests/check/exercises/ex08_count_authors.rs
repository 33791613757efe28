//! Exercise 8's mistake: fewer requests in flight than the exercise asks for.

use super::Attempt;

const IN_FLIGHT: &str = "Requests in flight at most:";

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let most = attempt.number_after(IN_FLIGHT)?;
    let all = attempt.expected_number_after(IN_FLIGHT)?;
    if most >= all {
        return None;
    }
    Some(format!(
        "At most {most} {} in flight: the exercise asks for all {all} at once. Make every \
         request's future first (into a `FuturesUnordered`, say), then take the answers as \
         they come, instead of awaiting each request before sending the next.",
        if most == 1.0 { "request" } else { "requests" }
    ))
}
