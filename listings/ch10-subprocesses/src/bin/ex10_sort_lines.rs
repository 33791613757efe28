// ANCHOR: starter
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

    pub async fn sort_lines(lines: &[&str]) -> io::Result<Vec<String>> {
        todo!("sort {lines:?}: both pipes, write and read, close its input, wait")
    }
}

// Runs the solution below. To run yours, write `use starter::sort_lines;`
// (then `cargo test ex10` checks it).
use solution::sort_lines;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Report> {
    pause_clock_if_asked();
    let fruit = ["pear", "apple", "fig", "Banana", "cherry", "date"];
    for (n, line) in sort_lines(&fruit).await?.iter().enumerate() {
        println!("{}. {line}", n + 1);
    }
    Ok(())
}
// ANCHOR_END: starter

#[allow(unused)] // Once `main` runs your version, this one is unused: no warnings.
// ANCHOR: solution
mod solution {
    use super::*;

    pub async fn sort_lines(lines: &[&str]) -> io::Result<Vec<String>> {
        let mut sort = Command::new("sort")
            // The child inherits our environment, locale included, and the locale
            // decides the order. "C" sorts by bytes: the same on every machine.
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .kill_on_drop(true) // On an early return, take `sort` down with us.
            .spawn()?;
        let mut stdin = sort.stdin.take().expect("stdin is piped");
        let stdout = sort.stdout.take().expect("stdout is piped");

        // `async move`: the block owns `stdin`, so it drops it when it is done,
        // which closes sort's input. Only then does `sort` know it has every line.
        // (An async block's error type must be spelled out: `?` alone cannot tell
        // which it is.)
        let write = async move {
            for line in lines {
                stdin.write_all(format!("{line}\n").as_bytes()).await?;
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
        // Write and read at the same time. `sort` reads all its input before it
        // prints, but a program that answers as it reads, like `tee`, would fill its
        // output pipe while we only write: reading alongside never deadlocks.
        // `try_join!` runs both in this task and stops at the first error.
        let ((), sorted) = tokio::try_join!(write, read)?;

        // Its output has ended; collect its exit status, so no zombie is left.
        let status = sort.wait().await?;
        if !status.success() {
            return Err(io::Error::other(format!("sort failed: {status}")));
        }
        Ok(sorted)
    }
}
// ANCHOR_END: solution
