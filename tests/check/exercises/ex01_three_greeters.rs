//! Exercise 1's mistakes: the program ends before its tasks do, or the greeters run
//! one after the other.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let total = attempt.number_after("Total time:")?;
    // The solution's total: the longest wait, as the greeters wait together.
    let longest = attempt.expected_number_after("Total time:")?;
    if !attempt.stdout().contains("Hello") {
        Some(
            "Not one greeting, not even a Hello: the tasks never ran. A spawned task waits \
             for its turn, which on this one-thread runtime comes when the running task waits at \
             an `.await`; `three_greeters` returned without one, `main` ended, \
             and the runtime, shutting down, dropped the tasks unstarted. Keep the \
             `JoinHandle` that each `tokio::spawn` returns, and await every one before \
             returning."
                .to_string(),
        )
    } else if !attempt.stdout().contains("World") {
        Some(
            "No greeting said World: the program ended before its tasks had finished, and \
             the runtime, shutting down, dropped them. Await every handle before returning."
                .to_string(),
        )
    } else if total > longest + 0.5 {
        Some(format!(
            "The greetings took {total} ms in all, the sum of the waits: they ran one \
             after the other, each awaited before the next one started. Start all three \
             first (`tokio::spawn`), then await the handles: {longest:.0} ms, the longest \
             wait."
        ))
    } else {
        None
    }
}
