//! Exercise 14's mistake: the client never closes its sending side, so the server
//! never sees the end of its lines.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    if !(attempt.hung() && attempt.stdout().is_empty()) {
        return None;
    }
    Some(
        "Neither client got its reply: each server task reads up to the end of the \
         stream, which comes only when the client closes its sending side, and each client \
         waited for a reply that never came. After the last line, \
         `stream.shutdown().await` closes the sending side only; then read the reply."
            .to_string(),
    )
}
