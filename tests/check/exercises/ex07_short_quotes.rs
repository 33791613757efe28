//! Exercise 7's mistakes: a 404, the service's "no quote that short", taken for a
//! failure, or the limit never sent.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    not_found(attempt).or_else(|| too_long(attempt))
}

fn not_found(attempt: &Attempt) -> Option<String> {
    if !attempt.stderr().contains("404 Not Found") {
        return None;
    }
    Some(
        "Your version stopped with an error at the service's `404 Not Found`, which is how \
         it says that no quote is that short: an answer to expect, not a failure. Look at \
         `response.status()` before `error_for_status()`, and return `Ok(None)` for a 404."
            .to_string(),
    )
}

/// A quote longer than the limit it was asked for: `At most 20: <quote> (<author>)`.
fn too_long(attempt: &Attempt) -> Option<String> {
    let (limit, quote) = attempt.stdout().lines().find_map(|line| {
        let (limit, rest) = line.strip_prefix("At most ")?.split_once(": ")?;
        let (quote, _author) = rest.rsplit_once(" (")?;
        let limit: usize = limit.parse().ok()?;
        (quote.chars().count() > limit).then_some((limit, quote))
    })?;
    Some(format!(
        "For at most {limit} characters, your version got `{quote}`, {} characters long: \
         the service picks among all its quotes unless the URL asks for a limit. Send \
         `max_length` in the query, `/api/random?max_length={{max_length}}`. (rustc \
         warned that `max_length` was never used.)",
        quote.chars().count()
    ))
}
