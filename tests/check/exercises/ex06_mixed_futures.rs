//! Exercise 6's mistake: measuring the box instead of the future inside it.

use super::Attempt;

pub fn diagnose(attempt: &Attempt) -> Option<String> {
    let size = attempt.number_after("add(2, 3):")?;
    let same = ["sum_buffer():", "an async block:"]
        .iter()
        .all(|label| attempt.number_after(label) == Some(size));
    // A box is one pointer, two with a table of methods: 16 bytes at most.
    if !same || size > 16.0 {
        return None;
    }
    Some(format!(
        "Every future measured {size} bytes: that is the size of a box, a pointer (and its \
         table of methods, for a `Job`), not of the future inside. Take \
         `size_of_val(&future)` before `Box::pin` takes the future."
    ))
}
