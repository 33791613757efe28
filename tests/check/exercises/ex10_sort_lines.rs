//! Exercise 10's mistake: the child's stdin held open while its output is read.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    if !(attempt.hung() && attempt.stdout().is_empty()) {
        return None;
    }
    Some(
        "Your version waited for `sort`'s output for ever: `sort` prints only once its \
         input has ended, and your program still held `stdin`, the writing end of that \
         pipe, while it read. Drop `stdin` when the last line is written (an `async move` \
         block that owns it drops it when it ends), and read at the same time."
            .to_string(),
    )
}
