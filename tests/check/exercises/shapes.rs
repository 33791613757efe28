//! What any exercise's run can show, whatever the exercise: the general shapes of a
//! wrong attempt, each with the cause it points to. An exercise's own diagnosis
//! speaks first; these speak when it recognises nothing.
//!
//! They compare the version's output with the solution's, line by line, where a line
//! is a log line (`1.001s main World from Bob`): its time, and its text after the
//! time.

use super::Attempt;
use super::attempt::time;

/// The general shape of what went wrong, if the run shows one.
pub fn diagnose(attempt: &Attempt) -> Option<String> {
    blocked(attempt)
        .or_else(|| stopped_early(attempt))
        .or_else(|| one_after_another(attempt))
        .or_else(|| other_order(attempt))
}

/// A log line's time, and its text after the time.
fn timed(line: &str) -> Option<(f64, &str)> {
    let at = time(line)?;
    let (_, text) = line.trim_start().split_once("s ")?;
    Some((at, text))
}

/// The time of the last log line of `text`.
fn last_time(text: &str) -> Option<f64> {
    text.lines().filter_map(timed).map(|(at, _)| at).next_back()
}

/// The starter run as it is: its `todo!()` panicked. This speaks before any
/// exercise's own diagnosis, which would read the little it printed as a mistake.
pub fn not_filled_in(attempt: &Attempt) -> Option<String> {
    if !attempt.stderr().contains("panicked at")
        || !attempt.stderr().contains("not yet implemented")
    {
        return None;
    }
    Some(
        "Your version stopped at a `todo!()`, which panics with `not yet implemented`: \
         `main` runs the starter now, so fill in its `todo!()` (or switch `main` back to \
         `solution` meanwhile)."
            .to_string(),
    )
}

/// Every log line at 0.000s, some of them later in the solution's: no tokio timer
/// moved the clock, since a blocking call does not move the paused one.
fn blocked(attempt: &Attempt) -> Option<String> {
    let expected_end = last_time(attempt.expected)?;
    let times: Vec<f64> = attempt
        .stdout()
        .lines()
        .filter_map(timed)
        .map(|(at, _)| at)
        .collect();
    if expected_end < 0.1
        || times.iter().any(|&at| at > 0.0)
        || !times_differ(attempt)
    {
        return None;
    }
    Some(format!(
        "Every line of your version is stamped 0.000s, where the solution's reach \
         {expected_end:.3}s: no tokio timer moved the clock. A blocking call (such as \
         `std::thread::sleep`, Python's `time.sleep`) takes no time on the paused clock \
         this check runs on, and blocks the whole thread while it waits, on any clock. \
         Await tokio's timer instead: `tokio::time::sleep(duration).await`."
    ))
}

/// The solution's first lines, then nothing more: the program, or its tasks,
/// stopped before the work was done.
fn stopped_early(attempt: &Attempt) -> Option<String> {
    let printed: Vec<&str> = attempt.stdout().lines().collect();
    let expected: Vec<&str> = attempt.expected.lines().collect();
    if printed.len() >= expected.len() || expected[..printed.len()] != printed[..] {
        return None;
    }
    let after = match printed.last() {
        Some(line) => format!("after `{}`", line.trim()),
        None => "before its first line".to_string(),
    };
    let why = if attempt.hung() {
        "it went on running, but nothing it waited for ever came: something still \
         waits for a message, a task or a stream that nobody will send or end"
    } else {
        "it ended before its work was done: a task still running when `main` returns is \
         dropped with the runtime, a task whose `JoinSet` is dropped is aborted, and a \
         future nobody awaits never runs"
    };
    Some(format!(
        "Your version printed the solution's first {} of {} lines, then stopped {after}: \
         {why}.",
        printed.len(),
        expected.len()
    ))
}

/// The solution's lines, later: what should wait together waited one after the
/// other.
fn one_after_another(attempt: &Attempt) -> Option<String> {
    let end = last_time(attempt.stdout())?;
    let expected_end = last_time(attempt.expected)?;
    let same_text = texts(attempt.stdout()) == texts(attempt.expected);
    if !same_text || end < expected_end * 1.5 || expected_end < 0.1 {
        return None;
    }
    Some(format!(
        "Your version printed the solution's lines, but took until {end:.3}s where the \
         solution is done at {expected_end:.3}s: waits that should overlap came one after \
         the other. An `.await` waits there and then: start all the work first (spawn the \
         tasks, or gather the futures in `join!`, a `JoinSet` or a `FuturesUnordered`), \
         then await it."
    ))
}

/// The solution's lines, in another order.
fn other_order(attempt: &Attempt) -> Option<String> {
    let mut printed: Vec<&str> = attempt.stdout().lines().collect();
    let mut expected: Vec<&str> = attempt.expected.lines().collect();
    if printed == expected {
        return None;
    }
    printed.sort_unstable();
    expected.sort_unstable();
    if printed != expected {
        return None;
    }
    Some(
        "Your version printed every line of the solution, times included, in another \
         order: the same things happened at the same moments, and what decided which came \
         first is the order in which your code starts, awaits or logs them."
            .to_string(),
    )
}

/// The text of each line, without its time.
fn texts(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| timed(line).map_or(line, |(_, text)| text))
        .collect()
}

/// Whether a log line's time differs from the solution's for the same text: then
/// the reader may wonder what clock the check runs on.
pub fn times_differ(attempt: &Attempt) -> bool {
    let expected: Vec<(f64, &str)> =
        attempt.expected.lines().filter_map(timed).collect();
    attempt
        .stdout()
        .lines()
        .filter_map(timed)
        .any(|(at, text)| {
            expected
                .iter()
                .any(|&(expected_at, same)| same == text && expected_at != at)
        })
}

/// What `shapes` makes of `printed`, against the solution's `expected`.
fn shape_of(printed: &str, expected: &str, hung: bool) -> Option<String> {
    shape_with_stderr(printed, "", expected, hung)
}

fn shape_with_stderr(
    printed: &str,
    stderr: &str,
    expected: &str,
    hung: bool,
) -> Option<String> {
    let output = crate::runner::Output {
        stdout: printed.to_string(),
        stderr: stderr.to_string(),
        end: crate::runner::End::Code(0),
    };
    let verdict = if hung {
        super::Verdict::Hung
    } else {
        super::Verdict::Differs(String::new())
    };
    let attempt = Attempt {
        output: &output,
        expected,
        verdict: &verdict,
    };
    not_filled_in(&attempt).or_else(|| diagnose(&attempt))
}

const SOLUTION: &str = "0.000s main Hello from Ada\n0.000s main Hello from Bob\n\
    1.001s main World from Bob\n3.001s main World from Ada\n";

pub fn a_blocked_run_is_recognised() {
    let blocked = "0.000s main Hello from Ada\n0.000s main World from Ada\n\
        0.000s main Hello from Bob\n0.000s main World from Bob\n";
    let why = shape_of(blocked, SOLUTION, false).unwrap();
    assert!(
        why.starts_with("Every line of your version is stamped 0.000s"),
        "{why}"
    );
    assert!(shape_of(SOLUTION, SOLUTION, false).is_none());
}

pub fn lines_missing_after_a_point_are_recognised() {
    let early = "0.000s main Hello from Ada\n0.000s main Hello from Bob\n";
    let why = shape_of(early, SOLUTION, false).unwrap();
    assert!(
        why.contains("first 2 of 4 lines, then stopped after"),
        "{why}"
    );
    assert!(why.contains("ended before its work was done"), "{why}");
    let why = shape_of(early, SOLUTION, true).unwrap();
    assert!(why.contains("nothing it waited for ever came"), "{why}");
}

pub fn waits_one_after_another_are_recognised() {
    let late = "0.000s main Hello from Ada\n3.001s main Hello from Bob\n\
        4.002s main World from Bob\n6.003s main World from Ada\n";
    let why = shape_of(late, SOLUTION, false).unwrap();
    assert!(
        why.contains("took until 6.003s where the solution is done at 3.001s"),
        "{why}"
    );
}

pub fn lines_in_another_order_are_recognised() {
    let swapped = "0.000s main Hello from Bob\n0.000s main Hello from Ada\n\
        1.001s main World from Bob\n3.001s main World from Ada\n";
    let why = shape_of(swapped, SOLUTION, false).unwrap();
    assert!(why.contains("in another order"), "{why}");
    // Other lines altogether: no general shape to name.
    assert!(shape_of("Total time: 12 ms\n", SOLUTION, false).is_none());
}

pub fn a_todo_left_in_is_recognised() {
    let stderr = "thread 'main' (17630) panicked at src/bin/ex.rs:26:9:\n\
        not yet implemented: give the 3 tasks 1.5s\n";
    let why = shape_with_stderr("", stderr, SOLUTION, false).unwrap();
    assert!(why.contains("stopped at a `todo!()`"), "{why}");
    // Another panic is not a `todo!()`.
    let other =
        "thread 'main' panicked at src/bin/ex.rs:3:1:\nindex out of bounds\n";
    let why = shape_with_stderr("", other, SOLUTION, false).unwrap();
    assert!(!why.contains("todo!()"), "{why}");
}
