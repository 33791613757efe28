//! Chapter 10's promise that its listings leave no process running behind them: each
//! listing whose chapter's manifest says `starts-processes`.
//!
//! Each listing runs in a process group of its own, and every program it starts
//! joins that group (none of them asks for another). Once the listing has exited, no
//! live process may be left in the group. A second test makes sure the check can
//! fail: a shell that starts `sleep` in the background and exits does leave one. (A
//! `tee` whose input is a pipe from the listing cannot outlive it: the pipe closes
//! when the listing exits, and `tee` exits at the end of its input. A `sleep` has no
//! such tie, which is why `kill_on_drop` matters for it.)

use std::fs;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::listings;
use crate::model::Clock;
use crate::{Check, runner};

/// A check for each listing that starts processes, on each clock, and one that the
/// check can fail.
pub fn checks() -> Vec<Check> {
    let mut checks = Vec::new();
    for listing in listings()
        .into_iter()
        .filter(|listing| listing.facts().starts_processes)
    {
        // On the paused clock, as the outputs are checked, and on the real one, as
        // `cargo run` runs it.
        for clock in [Clock::Paused, Clock::Real] {
            let listing = listing.clone();
            let package = listing.chapter.clone();
            let name = format!("{} on the {clock:?} clock", listing.id());
            checks.push(
                Check::new("leaves no process running", name, move || {
                    let left = left_running(&mut runner::command(&listing, clock));
                    if left.is_empty() {
                        Ok(())
                    } else {
                        Err(format!("{} left these running: {left:?}", listing.id()))
                    }
                })
                .running([package]),
            );
        }
    }
    checks.push(Check::asserting(
        "leaves no process running",
        "the check finds a process left running",
        the_check_finds_a_process_left_running,
    ));
    checks
}

/// How long a process killed as its parent exited may take to die.
const GRACE: Duration = Duration::from_secs(2);

/// The live processes (zombies left out) in the process group `group`, as
/// `pid (command)`.
fn live_members(group: u32) -> Vec<(u32, String)> {
    let mut members = Vec::new();
    for entry in fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue; // Not a process.
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue; // It has just exited.
        };
        // `pid (command) state ppid pgrp ...`; the command may hold spaces or
        // brackets, so the fields start after the last `)`.
        let Some((name, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let (state, pgrp) = (fields[0], fields[2]);
        if pgrp == group.to_string() && !matches!(state, "Z" | "X") {
            members.push((pid, format!("{name})")));
        }
    }
    members
}

/// Runs `command` to its end in a new process group; returns the processes of that
/// group still alive `GRACE` after it exited, after killing them.
fn left_running(command: &mut Command) -> Vec<String> {
    let mut child = command
        .process_group(0) // A new group, numbered after the child's pid.
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let group = child.id();
    let status = child.wait().unwrap();
    assert!(status.success(), "{command:?} failed: {status}");
    let deadline = Instant::now() + GRACE;
    let mut members = live_members(group);
    while !members.is_empty() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(20));
        members = live_members(group);
    }
    // Leave nothing behind ourselves.
    for (pid, _) in &members {
        runner::kill(*pid);
    }
    members.into_iter().map(|(_, name)| name).collect()
}

fn the_check_finds_a_process_left_running() {
    let left = left_running(Command::new("sh").args(["-c", "sleep 600 &"]));
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].ends_with("(sleep)"), "{left:?}");
}
