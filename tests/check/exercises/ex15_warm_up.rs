//! Exercise 15's mistakes: waiting for the workers to end instead of to be warm,
//! opening the doors at the first worker warm, or holding each worker back until all
//! are warm.

use super::Attempt;

/// Half a millisecond: the log's times have three decimals.
const SLACK: f64 = 0.0005;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let open = attempt.time_of("open the doors")?;
    let served = attempt.time_of("worker 1 has served")?;
    let warm = attempt.expected_time_of("open the doors")?;
    let first_served = attempt.expected_time_of("worker 1 has served")?;
    if open > warm + SLACK {
        Some(format!(
            "The doors opened at {open:.3}s, once the workers had stopped serving, not at \
             {warm:.3}s, when the last one was warm: `start_all` waited for the tasks to \
             end. Have each worker say when it is warm, and wait for that."
        ))
    } else if open < warm - SLACK {
        Some(format!(
            "The doors opened at {open:.3}s, before every worker was warm (the last one \
             is at {warm:.3}s): `start_all` woke at the first news, not when the count \
             said all. A watch receiver's `changed()` returns at the next change, \
             whatever the value; wait for the value you need instead, \
             `wait_for(|&warm| warm == count)`, as with Python's \
             `Condition.wait_for(predicate)`."
        ))
    } else if served > first_served + SLACK {
        Some(format!(
            "Worker 1 finished serving at {served:.3}s, not {first_served:.3}s: it waited \
             for the others to be warm before serving, as at a `Barrier`, which holds every task \
             that waits at it until the last arrives. Only `start_all` waits; each worker \
             says it is warm (a `watch` channel's count) and serves at once."
        ))
    } else {
        None
    }
}
