//! Exercise 8's mistakes: the requests sent one after the other, or the answers
//! counted only once all are in (or by a loop that tasks, spawned, run ahead of).

use super::Attempt;

const IN_FLIGHT: &str = "Requests in flight at most:";
const PROGRESS: &str = "answers counted,";

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    one_at_a_time(attempt).or_else(|| counted_at_the_end(attempt))
}

fn one_at_a_time(attempt: &Attempt) -> Option<String> {
    let most = attempt.number_after(IN_FLIGHT)?;
    let all = attempt.expected_number_after(IN_FLIGHT)?;
    if most >= all {
        return None;
    }
    Some(format!(
        "At most {most} {} in flight: the exercise asks for all {all} at once. A future \
         does nothing until it is awaited (polled): a request's future, made in the loop \
         or kept in a `Vec`, sends nothing until its turn comes to be awaited, so awaiting \
         them in turn sends them one after another. Poll them together: `join_all` does, \
         but hands over the answers only once all are in; a `FuturesUnordered` gives each \
         answer as it comes (`next().await`), ready to be counted.",
        if most == 1.0 { "request" } else { "requests" }
    ))
}

/// The progress lines, `10 answers counted, 20 requests still in flight`, of the
/// version and of the solution: each counted answer with the requests in flight.
fn counted_at_the_end(attempt: &Attempt) -> Option<String> {
    let progress = |text: &str| -> Vec<(f64, f64)> {
        text.lines()
            .filter_map(|line| {
                let (counted, rest) = line.split_once(&format!(" {PROGRESS} "))?;
                let in_flight = rest.split_once(' ')?.0;
                Some((counted.parse().ok()?, in_flight.parse().ok()?))
            })
            .collect()
    };
    let expected = progress(attempt.expected);
    let printed = progress(attempt.stdout());
    if printed.is_empty() {
        return Some(
            "Your version printed no progress (`10 answers counted, …`): call \
             `progress(&counts)` each time you count an answer."
                .to_string(),
        );
    }
    let (counted, in_flight, still) = printed.iter().find_map(|&(counted, in_flight)| {
        let &(_, still) = expected.iter().find(|&&(same, _)| same == counted)?;
        (in_flight < still).then_some((counted, in_flight, still))
    })?;
    Some(format!(
        "When your version had counted {counted} answers, {in_flight} requests were still \
         in flight, where the solution has {still} still waiting: more answers had come \
         in than your count had taken. Either it counted only once the answers were in \
         (`join_all` and `try_join_all` poll the requests together, but give their \
         answers only when the last one has come), or the requests ran as tasks (`spawn`, \
         a `JoinSet`), which go on by themselves while your loop counts, so how many are \
         still in flight changes from run to run. Put the futures in a \
         `FuturesUnordered`: they run only when it is polled, and `next().await` hands \
         over each answer as it comes, to be counted before the others go on."
    ))
}
