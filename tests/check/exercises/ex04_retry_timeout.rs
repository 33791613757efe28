//! Exercise 4's mistake: an attempt that ran out of time goes on in the background.

use super::Attempt;
use super::attempt::time;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    // An attempt that ends after its own deadline went on in the background.
    let (number, ended, deadline) = attempt.stdout().lines().find_map(|line| {
        let (_, rest) = line.split_once("attempt ")?;
        let number = rest.strip_suffix(" ends")?;
        let ended = time(line)?;
        let deadline = attempt.time_of(&format!("attempt {number}: deadline"))?;
        (ended > deadline).then(|| (number.to_string(), ended, deadline))
    })?;
    Some(format!(
        "Attempt {number} ran out of time at {deadline:.3}s, yet it ended at {ended:.3}s: \
         it went on in the background while the next attempts ran. `timeout(limit, \
         fetch_quote(attempt))` drops the call at the deadline; a timeout on a spawned \
         task's handle only stops waiting for it."
    ))
}
