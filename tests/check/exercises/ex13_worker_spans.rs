//! Exercise 13's mistakes: a span entered across an `.await`, the jobs logged as a
//! field of the span, or the jobs numbered from 0.

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
            "The list of jobs shows up in the worker's span (`jobs=[…]`): a bare \
             `#[instrument]` records every argument of the function as a field of its \
             span, through its `Debug` output when it is not one of tracing's plain \
             values (a number, a bool, a string). Leave the jobs out with \
             `#[instrument(skip(jobs))]`."
                .to_string(),
        )
    } else if attempt.stdout().contains(FIRST_FROM_ZERO)
        && !attempt.expected.contains(FIRST_FROM_ZERO)
    {
        Some(
            "Your jobs are numbered from 0 (`job{n=0}`), the solution's from 1: \
             `enumerate()` counts from 0, as Python's `enumerate` does. Count from 1 \
             instead: `(1..).zip(jobs)`, or `n + 1`."
                .to_string(),
        )
    } else {
        None
    }
}

/// The span of a job numbered from 0.
const FIRST_FROM_ZERO: &str = "job{n=0}";
