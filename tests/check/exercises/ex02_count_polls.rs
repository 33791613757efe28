//! Exercise 2's mistakes: `poll` that never polls `inner`, or polls it with another
//! context than its own, or counts only the polls that end in `Ready`.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let stdout = attempt.stdout();
    if attempt.hung() && !stdout.contains("async { 2 + 3 }") {
        Some(
            "Your version never finished even `async { 2 + 3 }`, which is ready at its \
             first poll: poll `inner` at each call to `poll`, and when it is ready, be \
             ready too, with its output and the count."
                .to_string(),
        )
    } else if attempt.hung() && !stdout.contains("a one-second sleep") {
        Some(
            "Your version never got past the one-second sleep. The sleep was polled, \
             said `Pending`, and its wake-up reached nobody, so the task was never polled \
             again. Poll `inner` with the context your `poll` was given (`cx`): the waker \
             the sleep keeps must be this task's."
                .to_string(),
        )
    } else if let Some(polls) = attempt
        .number_after("sleep, polls:")
        .filter(|&polls| polls == 1.0)
    {
        let expected = attempt.expected_number_after("sleep, polls:")?;
        Some(format!(
            "A one-second sleep counted {polls} poll, where the solution counts \
             {expected}: the first poll finds the sleep `Pending` (it keeps the waker, and \
             the task waits), the next comes when the timer wakes the task, and finds it \
             ready. Count every call to `poll`, also those where `inner` answers \
             `Pending`, not only the one that finds it ready."
        ))
    } else {
        None
    }
}
