//! Chapter 17's claims about reading stdin, with stdin a pipe that stays open, as a
//! terminal where nobody types: `stdin_hang` is still running `HANG` after it said
//! `main returns` (tokio's read of stdin cannot be cancelled, and the runtime waits
//! for it), and ends as soon as it is given a line; each fix ends by itself. In each
//! case it prints its saved output (its chapter's `output/`) whole.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::common::diff;
use crate::model::Clock;
use crate::{Check, runner};

/// How long the hanging listing must keep running after `main returns`.
const HANG: Duration = Duration::from_secs(2);

/// Far longer than any of them needs to end, once it can.
const LIMIT: Duration = Duration::from_secs(20);

pub fn checks() -> Vec<Check> {
    crate::asserting!(
        "stdin",
        stdin_hang_waits_for_a_line_at_shutdown,
        stdin_thread_ends_with_stdin_open,
        stdin_shutdown_timeout_ends_with_stdin_open,
    )
    .into_iter()
    .map(|check| {
        check
            .running([runner::listing("stdin_hang").chapter])
            .in_group(Some(runner::Group::RealTime))
    })
    .collect()
}

/// A listing started on the real clock with its stdin a pipe, its stdout read line by
/// line on a thread (so that a listing that hangs cannot hang the check).
struct Started {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr: JoinHandle<String>,
    expected: String,
    file: PathBuf,
}

fn start(name: &str) -> Started {
    let listing = runner::listing(name);
    let file = listing.stdout_file();
    let expected = std::fs::read_to_string(&file).unwrap();
    let mut child = runner::command(&listing, Clock::Real)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the listing starts");
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = sender.send(line.unwrap());
        }
    });
    let mut pipe = child.stderr.take().unwrap();
    let stderr = thread::spawn(move || {
        let mut text = String::new();
        pipe.read_to_string(&mut text).unwrap();
        text
    });
    Started {
        child,
        stdin,
        lines,
        stderr,
        expected,
        file,
    }
}

impl Started {
    /// Reads lines until `last`, or panics after `LIMIT`.
    fn read_until(&self, last: &str, seen: &mut Vec<String>) {
        while seen.last().map(String::as_str) != Some(last) {
            match self.lines.recv_timeout(LIMIT) {
                Ok(line) => seen.push(line),
                Err(_) => {
                    runner::kill_group(self.child.id());
                    panic!(
                        "no line {last:?} within {LIMIT:?}; it printed:\n{seen:#?}"
                    );
                }
            }
        }
    }

    /// Waits up to `limit` for it to end: its exit code, or `None` if still running.
    fn ended_within(&mut self, limit: Duration) -> Option<Option<i32>> {
        let ended = self.child.wait_timeout(limit).unwrap();
        ended.map(|status| status.code())
    }

    /// Checks that it ended with 0, printing its saved output whole and nothing on
    /// stderr. Its stdin is still open.
    fn ended_as_saved(self, mut seen: Vec<String>, code: Option<Option<i32>>) {
        let Some(code) = code else {
            runner::kill_group(self.child.id());
            panic!("still running after {LIMIT:?}; it printed:\n{seen:#?}");
        };
        drop(self.stdin);
        let stderr = self.stderr.join().unwrap();
        // Its stdout is closed: the reading thread sends its last lines and stops.
        seen.extend(self.lines.iter());
        let output: String = seen.iter().map(|line| format!("{line}\n")).collect();
        assert_eq!(
            code,
            Some(0),
            "exit code\nstdout:\n{output}\nstderr:\n{stderr}"
        );
        assert!(stderr.is_empty(), "it wrote to stderr:\n{stderr}");
        assert!(
            output == self.expected,
            "{}",
            diff(&self.file, &self.expected, &output)
        );
    }
}

fn stdin_hang_waits_for_a_line_at_shutdown() {
    let _turn = runner::turn(Some(runner::Group::RealTime));
    let mut run = start("stdin_hang");
    let mut seen = Vec::new();
    run.read_until("main returns", &mut seen);
    // `main` has returned, and the process goes on, waiting for a line.
    if let Some(code) = run.ended_within(HANG) {
        panic!("it ended ({code:?}) with stdin open; it printed:\n{seen:#?}");
    }
    // The user presses Enter: the read returns, and the runtime's shutdown ends.
    run.stdin.write_all(b"\n").unwrap();
    run.stdin.flush().unwrap();
    let code = run.ended_within(LIMIT);
    run.ended_as_saved(seen, code);
}

/// A fix: with stdin open and nobody typing, it ends by itself once its work is done.
fn ends_with_stdin_open(name: &str) {
    let _turn = runner::turn(Some(runner::Group::RealTime));
    let mut run = start(name);
    let code = run.ended_within(LIMIT);
    run.ended_as_saved(Vec::new(), code);
}

fn stdin_thread_ends_with_stdin_open() {
    ends_with_stdin_open("stdin_thread");
}

fn stdin_shutdown_timeout_ends_with_stdin_open() {
    ends_with_stdin_open("stdin_shutdown_timeout");
}
