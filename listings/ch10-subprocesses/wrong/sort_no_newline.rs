// Exercise 10 done wrong on purpose: each line is written as it is, with no `\n`,
// as a reader who thinks of `lines` as lines already writes them (Python's
// `stdin.write` adds no newline either). `cargo test /wrong/` makes sure that the
// exercise's check rejects it with the message in sort_no_newline.txt.
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

    // WRONG, on purpose: each line is written without its newline, so `sort` reads
    // one line, every fruit joined.
    pub async fn sort_lines(lines: &[&str]) -> io::Result<Vec<String>> {
        let mut sort = Command::new("sort")
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let mut stdin = sort.stdin.take().expect("stdin is piped");
        let stdout = sort.stdout.take().expect("stdout is piped");
        let write = async move {
            for line in lines {
                stdin.write_all(line.as_bytes()).await?;
            }
            io::Result::Ok(())
        };
        let read = async {
            let mut sorted = Vec::new();
            let mut output = BufReader::new(stdout).lines();
            while let Some(line) = output.next_line().await? {
                sorted.push(line);
            }
            io::Result::Ok(sorted)
        };
        let ((), sorted) = tokio::try_join!(write, read)?;
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
