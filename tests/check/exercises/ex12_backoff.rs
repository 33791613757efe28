//! Exercise 12's mistakes: another number of attempts than asked for, a last sleep
//! before giving up, or other delays than the solution's. A blocking sleep (every
//! line at 0.000s) is left to the general shapes.

use super::Attempt;
use super::attempt::time;

const ATTEMPT: &str = ": refused";

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let attempts =
        |text: &str| text.lines().filter(|line| line.contains(ATTEMPT)).count();
    let (given, asked) = (attempts(attempt.stdout()), attempts(attempt.expected));
    let blocked = attempt.stdout().lines().all(|line| time(line) == Some(0.0));
    if blocked {
        return None;
    }
    if given != asked {
        return Some(format!(
            "Your stream gave {given} attempts where `main` asks for {asked}: they are \
             numbered from 1 to `attempts`, both included. End the stream only once the \
             next attempt's number is past `attempts` (`attempt > attempts`)."
        ));
    }
    let last = attempt
        .expected
        .lines()
        .rfind(|line| line.contains(ATTEMPT))?;
    let last = last.split_once("s ")?.1;
    let gave_up = attempt.time_of("giving up")?;
    let expected = attempt.expected_time_of("giving up")?;
    let last_at = attempt.time_of(last)?;
    if gave_up > expected && Some(last_at) == attempt.expected_time_of(last) {
        Some(format!(
            "The stream ended at {gave_up:.3}s, {:.1} s after the last attempt: it waited \
             once more before it found no attempt was left. Check for the last attempt \
             before the sleep, and end the stream at once.",
            gave_up - last_at
        ))
    } else if attempt.stdout().lines().count() == attempt.expected.lines().count() {
        Some(
            "The attempts come at other times than the solution's: wait 100 ms before the \
             first attempt, and twice as long before each one after it."
                .to_string(),
        )
    } else {
        None
    }
}
