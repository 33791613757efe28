//! Exercise 3's mistakes: a task past the patience left running (a timeout on its
//! handle, or its handle dropped), or no patience at all (a sleep never awaited, or a
//! blocking one).

use super::Attempt;

/// Where tokio's docs say what dropping a handle does.
const JOIN_HANDLE_DOCS: &str = "https://docs.rs/tokio/1.54.1/tokio/task/struct.JoinHandle.html";

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    // When the solution aborts the late tasks: the patience, on the paused clock.
    let abort = attempt.expected_time_of("is not finished")?;
    // The tasks the solution cancels.
    let late: Vec<&str> = attempt
        .expected
        .lines()
        .filter_map(|line| line.strip_suffix(" was cancelled")?.rsplit(' ').next())
        .collect();
    timed_out(attempt, &late, abort)
        .or_else(|| detached(attempt, &late, abort))
        .or_else(|| no_patience(attempt, abort))
}

/// A late task's handle awaited to its end: a timeout on it stopped only the waiting.
fn timed_out(attempt: &Attempt, late: &[&str], abort: f64) -> Option<String> {
    let line = first_line(attempt, late, "{} finished after")?;
    Some(format!(
        "`{}`: that task ran past the patience (the solution aborts it at {abort:.3}s), \
         since nothing stopped it. A timeout on a handle only stops waiting: the task goes \
         on. After the patience, `abort` every task that `is_finished` says is not.",
        line.trim()
    ))
}

/// A late task's job done after the patience, its handle gone: it was detached.
fn detached(attempt: &Attempt, late: &[&str], abort: f64) -> Option<String> {
    let line = first_line(attempt, late, "{}'s job is done")?;
    Some(format!(
        "`{}`: that job went on after your `cancel_laggards` was done with it (the \
         solution aborts it at {abort:.3}s). Dropping a `JoinHandle` does not cancel its \
         task, it detaches it ({JOIN_HANDLE_DOCS}): the runtime polls a spawned task, \
         handle or not, until it ends. (A future you drop is cancelled, since nothing \
         polls it again; a task is not a future you hold.) Call `abort` on the handle of \
         each late task, then await the handle: it answers that the task was cancelled.",
        line.trim()
    ))
}

/// The late tasks aborted before the patience: `cancel_laggards` did not wait.
fn no_patience(attempt: &Attempt, abort: f64) -> Option<String> {
    let at = attempt.time_of("is not finished")?;
    if at >= abort {
        return None;
    }
    Some(format!(
        "Your version aborted the tasks at {at:.3}s, where the solution waits until \
         {abort:.3}s: the tasks never had the patience's time to run. Either the wait was \
         a future never awaited (`sleep(patience);` makes a sleep and drops it: a future \
         does nothing until awaited, and rustc warns, `unused_must_use`), or it was a \
         blocking call, `std::thread::sleep` (Python's `time.sleep`): it holds the thread, \
         so no task runs meanwhile, and on the paused clock this check runs on it moves \
         the clock not at all. Await tokio's timer: `sleep(patience).await`."
    ))
}

/// The first line of the version's output that says `pattern` of one of `names`
/// (`{}` stands for the name).
fn first_line<'a>(attempt: &'a Attempt, names: &[&str], pattern: &str) -> Option<&'a str> {
    let texts: Vec<String> = names.iter().map(|name| pattern.replace("{}", name)).collect();
    attempt
        .stdout()
        .lines()
        .find(|line| texts.iter().any(|text| line.contains(text.as_str())))
}
