// Exercise 10 done wrong on purpose, its classic mistake: the starter filled in
// wrongly (in `mod starter`), `main` switched to it. `cargo test /wrong/` makes sure
// that the exercise's check rejects it with the message in sort_lines.txt.
#![allow(unused_imports)] // What only the solution uses.

use std::io;
use std::process::Stdio;

use course_support::{Report, pause_clock_if_asked};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

/// Your part: start `sort`, write `lines` to its input, one a line, and return the
/// lines it prints, in its order. Fail if `sort` does not exit with success.
#[allow(dead_code)] // Unused until `main` uses it: see below.
mod starter {
    use super::*;

    // WRONG, on purpose: `stdin` is still alive, in this function, while it reads:
    // `sort` never sees the end of its input, and never prints.
    pub async fn sort_lines(lines: &[&str]) -> io::Result<Vec<String>> {
        let mut sort = Command::new("sort")
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let mut stdin = sort.stdin.take().expect("stdin is piped");
        let stdout = sort.stdout.take().expect("stdout is piped");
        for line in lines {
            stdin.write_all(format!("{line}\n").as_bytes()).await?;
        }
        let mut sorted = Vec::new();
        let mut output = BufReader::new(stdout).lines();
        while let Some(line) = output.next_line().await? {
            sorted.push(line);
        }
        let status = sort.wait().await?;
        if !status.success() {
            return Err(io::Error::other(format!("sort failed: {status}")));
        }
        Ok(sorted)
    }
}

// Runs the solution below. To run yours, write `use starter::sort_lines;`
// (then `cargo test ex10` checks it).
use starter::sort_lines;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    pause_clock_if_asked();
    let fruit = ["pear", "apple", "fig", "Banana", "cherry", "date"];
    for (n, line) in sort_lines(&fruit).await?.iter().enumerate() {
        println!("{}. {line}", n + 1);
    }
    Ok(())
}
