//! Chapter 16's Ctrl-C listing, interrupted for real: started in real time, sent
//! SIGINT once it says it is working, it must start no new job, finish every job it
//! started, print a summary that adds up, and exit with code 0.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::model::Clock;
use crate::{Check, runner};

/// The listing these checks are about.
const LISTING: &str = "ctrl_c_batch";

pub fn checks() -> Vec<Check> {
    crate::asserting!(
        "ctrl-c",
        ctrl_c_lets_running_jobs_finish_and_starts_no_new_one,
        the_interrupted_run_on_the_page_adds_up,
        the_summary_line_is_read_whole,
    )
    .into_iter()
    .map(|check| {
        check
            .running([runner::listing(LISTING).chapter])
            .in_group(Some(runner::Group::RealTime))
    })
    .collect()
}

/// Longer than the whole batch takes without a Ctrl-C (about 3 s): past this, it
/// hangs.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// The job number of a line such as `0.601s main job 4: started`, if it ends with
/// `what`.
fn job(line: &str, what: &str) -> Option<u32> {
    let rest = line.split_once(" job ")?.1;
    let (id, event) = rest.split_once(": ")?;
    (event == what).then(|| id.parse().ok()).flatten()
}

/// The figures of the summary line, `12 jobs: 6 started, 6 done, 6 never started`.
fn summary(line: &str) -> Option<[u32; 4]> {
    let (jobs, rest) = line.split_once(" jobs: ")?;
    let (started, rest) = rest.split_once(" started, ")?;
    let (done, rest) = rest.split_once(" done, ")?;
    let never = rest.strip_suffix(" never started")?;
    Some([
        jobs.parse().ok()?,
        started.parse().ok()?,
        done.parse().ok()?,
        never.parse().ok()?,
    ])
}

fn ctrl_c_lets_running_jobs_finish_and_starts_no_new_one() {
    let listing = runner::listing(LISTING);
    let _turn = runner::turn(runner::group(&listing, Clock::Real));
    let mut child = runner::command(&listing, Clock::Real)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ctrl_c_batch starts");

    // Read its lines on a thread, so that a listing that hangs cannot hang the test.
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = mpsc::channel();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            sender.send(line.unwrap()).unwrap();
        }
    });
    let mut stderr = child.stderr.take().unwrap();
    let errors = thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });

    // Wait until a job has started, then press Ctrl-C.
    let mut seen = Vec::new();
    while !seen.iter().any(|line: &String| line.ends_with(": started")) {
        match lines.recv_timeout(TIME_LIMIT) {
            Ok(line) => seen.push(line),
            Err(_) => {
                runner::kill_group(child.id());
                panic!(
                    "no job started within {TIME_LIMIT:?}; it printed:\n{seen:#?}"
                );
            }
        }
    }
    let kill = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(kill.success(), "kill -INT failed");

    let code =
        runner::wait(&listing, &mut child).unwrap_or_else(|err| panic!("{err}"));
    reader.join().unwrap();
    seen.extend(lines.try_iter());
    let output = seen.join("\n");
    let stderr = errors.join().unwrap();

    assert_eq!(
        code,
        Some(0),
        "it should exit with 0 after Ctrl-C\nstdout:\n{output}\nstderr:\n{stderr}"
    );
    assert!(stderr.is_empty(), "it wrote to stderr:\n{stderr}");

    check_interrupted_run(&seen);
}

/// What an interrupted run must show: the Ctrl-C, no job started after it, every job
/// started done once, and a summary that adds up.
fn check_interrupted_run(seen: &[String]) {
    let output = seen.join("\n");
    // It saw the Ctrl-C, and started no job after it.
    let ctrl_c = seen
        .iter()
        .position(|line| line.contains("Ctrl-C: no new jobs"))
        .unwrap_or_else(|| panic!("it never said it saw the Ctrl-C:\n{output}"));
    assert!(
        seen[ctrl_c..]
            .iter()
            .all(|line| job(line, "started").is_none()),
        "a job started after the Ctrl-C:\n{output}"
    );

    // Every job that started was done, each once.
    let started: Vec<u32> = seen.iter().filter_map(|l| job(l, "started")).collect();
    let done: Vec<u32> = seen.iter().filter_map(|l| job(l, "done")).collect();
    let started_set: BTreeSet<u32> = started.iter().copied().collect();
    let done_set: BTreeSet<u32> = done.iter().copied().collect();
    assert_eq!(
        started.len(),
        started_set.len(),
        "a job started twice:\n{output}"
    );
    assert_eq!(
        done.len(),
        done_set.len(),
        "a job was done twice:\n{output}"
    );
    assert_eq!(
        started_set, done_set,
        "not every job started was done:\n{output}"
    );

    // The summary adds up, and the Ctrl-C cut the batch short.
    let last = seen.last().map(String::as_str).unwrap_or_default();
    let [jobs, started_count, done_count, never] =
        summary(last).unwrap_or_else(|| panic!("no summary at the end:\n{output}"));
    assert_eq!(started_count as usize, started.len(), "{output}");
    assert_eq!(done_count as usize, done.len(), "{output}");
    assert_eq!(started_count + never, jobs, "{output}");
    assert!(
        never > 0,
        "every job had started before the Ctrl-C came:\n{output}"
    );
}

/// The interrupted run the chapter shows, from a real run, meets the same checks.
fn the_interrupted_run_on_the_page_adds_up() {
    let file = runner::listing(LISTING)
        .dir()
        .join(format!("measured/{LISTING}_interrupted.txt"));
    let text = std::fs::read_to_string(&file).unwrap();
    let seen: Vec<String> = text.lines().map(String::from).collect();
    check_interrupted_run(&seen);
}

fn the_summary_line_is_read_whole() {
    assert_eq!(
        summary("12 jobs: 6 started, 6 done, 6 never started"),
        Some([12, 6, 6, 6])
    );
    assert_eq!(summary("12 jobs: 6 started, 6 done"), None);
    assert_eq!(job("0.601s main job 4: started", "started"), Some(4));
    assert_eq!(job("0.601s main job 4: done", "started"), None);
}
