//! Exercise 10's mistakes: the child's stdin held open while its output is read; the
//! lines written with no newline between them, so `sort` sees one line.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    stdin_held(attempt).or_else(|| one_line(attempt))
}

fn stdin_held(attempt: &Attempt) -> Option<String> {
    (attempt.hung() && attempt.stdout().is_empty()).then(|| {
        "Your version waited for `sort`'s output for ever: `sort` prints only once its \
         input has ended, and your program still held `stdin`, the writing end of that \
         pipe, while it read. Drop `stdin` when the last line is written (an `async move` \
         block that owns it drops it when it ends), and read at the same time."
            .to_string()
    })
}

/// One line, which holds every one of the solution's, joined.
fn one_line(attempt: &Attempt) -> Option<String> {
    let [line] = attempt.stdout().lines().collect::<Vec<_>>()[..] else {
        return None;
    };
    let joined = item(line);
    let items: Vec<&str> = attempt.expected.lines().map(item).collect();
    let length: usize = items.iter().map(|item| item.len()).sum();
    if items.len() < 2
        || joined.len() != length
        || !items.iter().all(|i| joined.contains(i))
    {
        return None;
    }
    Some(format!(
        "`sort` gave back one line, `{joined}`: your {} lines, joined. `sort` sorts \
         lines, and a line ends at a newline, which `write_all` does not add: it writes \
         the bytes it is given, no more. Write a `\\n` after each line \
         (`format!(\"{{line}}\\n\")`), as Python's `write` needs one too.",
        items.len()
    ))
}

/// A line of the listing's output without its number: `2. apple` is `apple`.
fn item(line: &str) -> &str {
    line.split_once(". ").map_or(line, |(_, item)| item)
}
