//! Exercise 13's mistakes: a span entered across an `.await`, or the jobs logged as a
//! field of the span.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let mixed = attempt
        .stdout()
        .lines()
        .find(|line| line.matches("worker{").count() > 1);
    if let Some(line) = mixed {
        Some(format!(
            "`{}`: a job's line carries another worker's span. A span entered with \
             `span.enter()` stays entered across the `.await`, while the other worker runs \
             on the same thread. Attach the span to the job's future with \
             `.instrument(span)`, which enters it only while that future is polled.",
            line.trim()
        ))
    } else if attempt.stdout().contains("jobs=") {
        Some(
            "The list of jobs shows up in the worker's span: leave it out with \
             `#[instrument(skip(jobs))]`."
                .to_string(),
        )
    } else {
        None
    }
}
