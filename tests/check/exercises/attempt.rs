//! What a diagnosis reads: a version's run, beside the solution's expected output.

use super::Verdict;
use crate::runner::Output;

/// A version's run, as its exercise's diagnosis sees it.
pub struct Attempt<'a> {
    pub output: &'a Output,
    /// What the solution prints: `output/<exercise>.txt`.
    pub expected: &'a str,
    pub verdict: &'a Verdict,
}

impl Attempt<'_> {
    pub fn stdout(&self) -> &str {
        &self.output.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.output.stderr
    }

    /// Whether it was still running at its hang limit.
    pub fn hung(&self) -> bool {
        matches!(self.verdict, Verdict::Hung)
    }

    /// The first line of its output that contains `text`.
    pub fn line(&self, text: &str) -> Option<&str> {
        self.stdout().lines().find(|line| line.contains(text))
    }

    /// The time at the start of its first line that contains `text` (`1.001s main
    /// …`).
    pub fn time_of(&self, text: &str) -> Option<f64> {
        self.line(text).and_then(time)
    }

    /// The same in the solution's output.
    pub fn expected_time_of(&self, text: &str) -> Option<f64> {
        let line = self.expected.lines().find(|line| line.contains(text))?;
        time(line)
    }

    /// The number after `label` on its first line that has it.
    pub fn number_after(&self, label: &str) -> Option<f64> {
        number_after(self.stdout(), label)
    }

    /// The same in the solution's output.
    pub fn expected_number_after(&self, label: &str) -> Option<f64> {
        number_after(self.expected, label)
    }
}

/// The time a log line starts with: `1.001s main Hello` is 1.001.
pub fn time(line: &str) -> Option<f64> {
    line.trim_start().split_once("s ")?.0.parse().ok()
}

fn number_after(text: &str, label: &str) -> Option<f64> {
    let line = text.lines().find(|line| line.contains(label))?;
    let after = &line[line.find(label)? + label.len()..];
    let number: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().ok()
}

pub fn log_times_are_read() {
    assert_eq!(time("1.001s main World from Bob"), Some(1.001));
    assert_eq!(time("client 1: 3 lines"), None);
    assert_eq!(
        number_after("x\nTotal time: 6001.000 ms\n", "Total time:"),
        Some(6001.0)
    );
}
