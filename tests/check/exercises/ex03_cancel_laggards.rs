//! Exercise 3's mistake: a task past the patience is left running.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let late = ["Ada", "Cy"]
        .into_iter()
        .find_map(|name| attempt.line(&format!("{name} finished after")))?;
    Some(format!(
        "`{}`: that task ran past the patience of 1.5 s, since nothing stopped it. A \
         timeout on a handle, or dropping it, only stops waiting: the task goes on. After \
         the patience, `abort` every task that `is_finished` says is not.",
        late.trim()
    ))
}
