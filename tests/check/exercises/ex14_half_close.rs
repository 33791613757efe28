//! Exercise 14's mistakes: the client never closes its sending side, so the server
//! never sees the end of its lines; the lines sent with no newline between them.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    never_closed(attempt).or_else(|| run_together(attempt))
}

fn never_closed(attempt: &Attempt) -> Option<String> {
    (attempt.hung() && attempt.stdout().is_empty()).then(|| {
        "Neither client got its reply: each server task reads up to the end of the \
         stream, which comes only when the client closes its sending side, and each \
         client waited for a reply that never came. Writing and flushing (as asyncio's \
         `drain()`) do not end the stream. After the last line, \
         `stream.shutdown().await` closes the sending side only (asyncio's \
         `write_eof()`); then read the reply."
            .to_string()
    })
}

/// The server counted one line for every client, where the solution's counts more.
fn run_together(attempt: &Attempt) -> Option<String> {
    let (counted, expected) = (lines(attempt.stdout()), lines(attempt.expected));
    if counted.len() != expected.len() || counted.iter().any(|&lines| lines != 1) {
        return None;
    }
    let most = *expected.iter().max()?;
    (most > 1).then(|| {
        format!(
            "The server counted 1 line for each client, where the first one sends \
             {}: the lines went out with nothing between them, and ran together. \
             `write_all` sends exactly the bytes it is given, and adds no newline: send a \
             `\\n` after each line (`format!(\"{{line}}\\n\")`).",
            expected[0]
        )
    })
}

/// The number of lines in each client's reply (`client 1: 3 lines, 9 words`).
fn lines(text: &str) -> Vec<usize> {
    text.lines()
        .filter_map(|line| {
            line.split_once(": ")?
                .1
                .split_once(" lines")?
                .0
                .parse()
                .ok()
        })
        .collect()
}
