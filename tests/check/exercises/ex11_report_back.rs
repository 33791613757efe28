//! Exercise 11's mistakes: a sender of results outlives the workers, so the channel
//! never closes; the workers are aborted before their first job (their `JoinSet`
//! dropped); a crew of another size than `main` asks for (the `workers` parameter
//! ignored).

use std::collections::BTreeSet;

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    never_closed(attempt)
        .or_else(|| aborted(attempt))
        .or_else(|| crew_sizes(attempt))
}

fn never_closed(attempt: &Attempt) -> Option<String> {
    attempt.hung().then(|| {
        "The results channel never closed, so `main` waited for ever for one more \
         result: a sender of results was still alive after every worker had stopped. \
         Only the workers may hold one: drop the one `start_pool` made, or move it into \
         a worker."
            .to_string()
    })
}

/// Every crew's end, and not one result: the workers stopped before their first job.
fn aborted(attempt: &Attempt) -> Option<String> {
    let ends = |text: &str| text.lines().filter(|line| line.contains(END)).count();
    let results = attempt
        .stdout()
        .lines()
        .filter(|line| line.contains(RESULT));
    if ends(attempt.stdout()) != ends(attempt.expected) || results.count() > 0 {
        return None;
    }
    Some(
        "Every crew's results channel closed before a single result: every worker had \
         stopped, or been stopped, before its first job. A task spawned into a \
         `JoinSet` lives only as long as the set: dropping a `JoinSet` aborts every \
         task in it (https://docs.rs/tokio/1.54.1/tokio/task/struct.JoinSet.html), and \
         a set made in `start_pool` is dropped when it returns. Here nothing needs to \
         wait on the workers, since the results channel closing says they are done: \
         spawn them with `tokio::spawn`, whose tasks run on when their `JoinHandle` is \
         dropped (detached on purpose). Or return the `JoinSet` with the receiver, and \
         keep it alive while `main` reads."
            .to_string(),
    )
}

/// How many workers reported in each crew, not as many as the solution's.
fn crew_sizes(attempt: &Attempt) -> Option<String> {
    let (sizes, expected) = (crews(attempt.stdout()), crews(attempt.expected));
    if sizes.len() != expected.len() || sizes == expected {
        return None;
    }
    let listed = |sizes: &[usize]| {
        let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
        sizes.join(", then ")
    };
    Some(format!(
        "`main` starts crews of {} workers, and in your version {} workers reported: \
         `start_pool` does not spawn as many workers as its `workers` parameter says \
         (rustc warns of an unused variable `workers` when it ignores it). Spawn them \
         in a loop over `1..=workers`, naming each `Worker {{n}}`.",
        listed(&expected),
        listed(&sizes),
    ))
}

const RESULT: &str = " has slept for ";
const END: &str = "no more results";

/// The number of workers that reported in each crew, a crew ending at its `END`.
fn crews(text: &str) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut names = BTreeSet::new();
    for line in text.lines() {
        if let Some(before) =
            line.split(RESULT).next().filter(|_| line.contains(RESULT))
        {
            names
                .insert(before.split(" main ").last().unwrap_or(before).to_string());
        } else if line.contains(END) {
            sizes.push(std::mem::take(&mut names).len());
        }
    }
    sizes
}
