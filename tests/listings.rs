//! Runs every listing program and compares all it prints with the files the book shows.
//!
//! A listing is `listings/<chapter>/src/bin/<name>.rs`. Its standard output must match
//! `listings/<chapter>/output/<name>.txt` whole; its standard error must be empty, or
//! match `<name>.stderr.txt` where that file exists. `BLESS=1 cargo test` rewrites
//! these files from a fresh run.
//!
//! Listings run on tokio's paused clock (`PAUSE_CLOCK=1`, see the support crate), so
//! their timestamps are exact and a one-second sleep costs no time. The few that must
//! run in real time are listed in `REAL_TIME`, those that measure in `MEASURED`, those
//! whose lines come in no fixed order in `UNORDERED`.
//! Benchmarks are built here too, but not run: `cargo bench` runs them.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{Listing, bless, build_listings, diff, listings, relative, root, target_dir};

/// Listings whose point needs the real clock: a blocking call does not move the
/// paused one, and a timeout around real I/O fires on it at once. Their text must match
/// exactly and their figures within `TOLERANCE`.
const REAL_TIME: &[&str] = &[
    "ch01-hello-world/hello_sync",
    "ch01-hello-world/hello_blocking",
    "ch03-runtime/multi_thread",
    "ch10-subprocesses/deadlock",
];

/// How far a figure (`1.002s`, `2003.1 ms`) of a real-time listing may stray from the
/// expected file: far less than the one-second steps these listings show, far more
/// than a loaded machine delays a wake-up.
const TOLERANCE: Duration = Duration::from_millis(250);

/// Listings that measure (speed-ups, durations of CPU work): their text must match
/// exactly, but every figure with a unit of time (`812 ms`, `1.2 s`), of memory
/// (`9.34 KiB`, `91.2 MiB`) or a ratio (`1.97x`) is theirs to change from run to run.
/// The page shows a real run's figures.
const MEASURED: &[&str] = &[
    "ch05-starving/threads",
    "ch07-http-sync/fetch_sync",
    "ch08-http-concurrent/join_set",
    "ch08-http-concurrent/futures_unordered",
    "ch08-http-concurrent/join_all",
    "ch09-http-limited/semaphore",
    "ch09-http-limited/buffer_unordered",
    "ch09-http-limited/spawn_with_permit",
    "ch09-http-limited/measure",
    "ch13-debugging/debug_mode",
    "ch13-debugging/metrics",
    "ch18-mistakes/slow_poll",
    "ch18-mistakes/slow_poll_every_task",
    "ch19-summary/threads_and_tasks",
];

/// Listings whose lines come in an order that depends on the network or the threads,
/// such as answers printed as they arrive: their lines are compared as a set (sorted).
const UNORDERED: &[&str] = &[
    "ch08-http-concurrent/join_set",
    "ch08-http-concurrent/futures_unordered",
    "ch08-http-concurrent/join_all",
    "ch09-http-limited/semaphore",
    "ch09-http-limited/buffer_unordered",
    "ch09-http-limited/spawn_with_permit",
];

/// Listings that end with an error on purpose, and the exit code they end with.
const EXIT_CODES: &[(&str, i32)] = &[
    ("ch02-futures/poll_after_ready", 101),
    ("ch18-mistakes/runtime_in_runtime", 101),
    ("ch18-mistakes/blocking_client_in_async", 101),
    ("ch18-mistakes/block_in_place_current_thread", 101),
    ("ch18-mistakes/spawn_without_runtime", 101),
];

/// A listing that runs longer than this has hung.
const TIME_LIMIT: Duration = Duration::from_secs(60);

#[test]
fn every_listing_prints_its_expected_output() {
    let listings = listings();
    assert!(!listings.is_empty(), "no listing found under listings/");
    build_listings();
    // The real-time listings run first, by themselves: their figures must stay within
    // `TOLERANCE`, which the CPU-heavy listings of the second round could upset on a
    // 2-core machine. Within a round, every listing runs at once.
    let (real_time, others): (Vec<&Listing>, Vec<&Listing>) = listings
        .iter()
        .partition(|listing| REAL_TIME.contains(&listing.id().as_str()));
    let mut failures = check_all(&real_time);
    failures.extend(check_all(&others));
    assert!(
        failures.is_empty(),
        "{} of {} listings differ from their expected output \
         (`BLESS=1 cargo test` rewrites the files):\n\n{}",
        failures.len(),
        listings.len(),
        failures.join("\n")
    );
}

/// Runs the listings all at once; returns what went wrong.
fn check_all(listings: &[&Listing]) -> Vec<String> {
    thread::scope(|scope| {
        let runs: Vec<_> = listings
            .iter()
            .map(|listing| scope.spawn(move || check(listing)))
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().unwrap().err())
            .collect()
    })
}

/// Runs one listing and compares what it printed with its files.
fn check(listing: &Listing) -> Result<(), String> {
    let id = listing.id();
    let real_time = REAL_TIME.contains(&id.as_str());
    let measured = MEASURED.contains(&id.as_str());
    let expected_code = EXIT_CODES
        .iter()
        .find(|(name, _)| *name == id)
        .map_or(0, |(_, code)| *code);

    let run = run(listing, real_time || measured)?;
    if run.code != Some(expected_code) {
        return Err(format!(
            "{}: exited with {:?}, expected {expected_code}\nstdout:\n{}\nstderr:\n{}",
            relative(&listing.source()),
            run.code,
            run.stdout,
            run.stderr
        ));
    }
    let figures = if measured {
        Figures::Free
    } else if real_time {
        Figures::Close
    } else {
        Figures::Exact
    };
    let order = if UNORDERED.contains(&id.as_str()) {
        Order::Any
    } else {
        Order::Same
    };
    compare(&listing.stdout_file(), &run.stdout, figures, order, true)?;
    compare(&listing.stderr_file(), &run.stderr, figures, order, false)
}

/// Whether the lines of a run must come in the expected file's order.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    Same,
    Any,
}

/// How the figures of a run must match the expected file.
#[derive(Clone, Copy)]
enum Figures {
    /// Character for character: the paused clock makes them exact.
    Exact,
    /// Within `TOLERANCE`: real time.
    Close,
    /// Any figure: measurements.
    Free,
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the listing's built program, from the repository root, with a clean environment
/// for the variables that change what it prints.
fn run(listing: &Listing, real_time: bool) -> Result<Run, String> {
    let program = target_dir().join(&listing.name);
    let mut command = Command::new(&program);
    command
        .current_dir(root())
        .env("RUST_BACKTRACE", "0")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if real_time {
        command.env_remove("PAUSE_CLOCK");
    } else {
        command.env("PAUSE_CLOCK", "1");
    }
    let mut child = command
        .spawn()
        .map_err(|err| format!("{}: cannot start: {err}", program.display()))?;

    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || read_all(&mut stdout));
    let err = thread::spawn(move || read_all(&mut stderr));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            return Err(format!(
                "{}: still running after {TIME_LIMIT:?}, killed",
                relative(&listing.source())
            ));
        }
        thread::sleep(Duration::from_millis(10));
    };
    Ok(Run {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: mask_cargo_home(&mask_thread_ids(&err.join().unwrap())),
    })
}

/// A panic message names the thread by its OS id, new on every run:
/// `thread 'main' (4242) panicked at ...`. The expected files say `(<id>)` instead.
fn mask_thread_ids(text: &str) -> String {
    text.lines()
        .map(
            |line| match (line.find("' ("), line.find(") panicked at")) {
                (Some(open), Some(close)) if line.starts_with("thread '") && open < close => {
                    format!("{}' (<id>{}\n", &line[..open], &line[close..])
                }
                _ => format!("{line}\n"),
            },
        )
        .collect()
}

/// A panic inside a dependency names its file under cargo's home, a path of this machine:
/// `panicked at /home/me/.cargo/registry/src/index.crates.io-<hash>/tokio-1.54.1/src/...`.
/// The expected files say `panicked at $CARGO/tokio-1.54.1/src/...`, as trybuild does.
fn mask_cargo_home(text: &str) -> String {
    const REGISTRY: &str = "/registry/src/";
    text.lines()
        .map(
            |line| match (line.find("panicked at /"), line.find(REGISTRY)) {
                (Some(at), Some(registry)) if at < registry => {
                    let index_and_path = &line[registry + REGISTRY.len()..];
                    let path = index_and_path.split_once('/').map_or("", |(_, path)| path);
                    format!("{}panicked at $CARGO/{path}\n", &line[..at])
                }
                _ => format!("{line}\n"),
            },
        )
        .collect()
}

fn read_all(pipe: &mut impl Read) -> String {
    let mut text = String::new();
    pipe.read_to_string(&mut text).unwrap();
    text
}

/// Compares a run's output with its file, or rewrites the file under `BLESS=1`.
/// A missing file is an empty expected output, except for standard output, which every
/// listing must have.
fn compare(
    file: &Path,
    actual: &str,
    figures: Figures,
    order: Order,
    required: bool,
) -> Result<(), String> {
    if bless() {
        if actual.is_empty() && !required {
            let _ = std::fs::remove_file(file);
        } else {
            std::fs::write(file, actual).unwrap();
        }
        return Ok(());
    }
    let expected = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(_) if !required => String::new(),
        Err(err) => return Err(format!("{}: cannot read: {err}", relative(file))),
    };
    let same = if order == Order::Any {
        same_text(&sorted_lines(&expected), &sorted_lines(actual), figures)
    } else {
        same_text(&expected, actual, figures)
    };
    if same {
        Ok(())
    } else {
        Err(format!(
            "{}: the output differs\n{}",
            relative(file),
            diff(file, &expected, actual)
        ))
    }
}

fn same_text(expected: &str, actual: &str, figures: Figures) -> bool {
    match figures {
        Figures::Exact => expected == actual,
        Figures::Close => same_within_tolerance(expected, actual),
        Figures::Free => split_figures(expected).0 == split_figures(actual).0,
    }
}

/// The lines of a text in sorted order, figures masked first so that they do not
/// decide the order.
fn sorted_lines(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_by_cached_key(|line| split_figures(line).0);
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The same text, with each figure in seconds or milliseconds within `TOLERANCE`.
fn same_within_tolerance(expected: &str, actual: &str) -> bool {
    let (expected_text, expected_figures) = split_figures(expected);
    let (actual_text, actual_figures) = split_figures(actual);
    expected_text == actual_text
        && expected_figures
            .iter()
            .zip(&actual_figures)
            .all(|(e, a)| (e - a).abs() <= TOLERANCE.as_secs_f64())
}

/// Replaces each figure followed by a unit of time (`s`, ` ms`, ` µs`, ` ns`), of memory
/// (` KiB`, ` MiB`) or by `x` (a ratio) with `#`, and returns the text and the figures
/// (times in seconds, sizes in bytes; only `MEASURED` listings print sizes).
fn split_figures(text: &str) -> (String, Vec<f64>) {
    let mut shape = String::new();
    let mut figures = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        shape.push_str(&rest[..start]);
        let digits = &rest[start..];
        let len = digits
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(digits.len());
        let (number, after) = digits.split_at(len);
        let unit = [
            (" ms", 1e-3),
            (" µs", 1e-6),
            (" ns", 1e-9),
            (" KiB", 1024.0),
            (" MiB", 1_048_576.0),
            ("s", 1.0),
            ("x", 1.0),
        ]
        .into_iter()
        .find(|(unit, _)| {
            after.starts_with(unit)
                && !after[unit.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        let scale = if let Some((_, scale)) = unit {
            scale
        } else {
            shape.push_str(number);
            rest = after;
            continue;
        };
        figures.push(number.parse::<f64>().unwrap_or(f64::NAN) * scale);
        shape.push('#');
        rest = after;
    }
    shape.push_str(rest);
    (shape, figures)
}

#[test]
fn cargo_home_is_masked_in_panic_messages() {
    let stderr = "thread 'main' (<id>) panicked at /root/.cargo/registry/src/\
                  index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/lib.rs:9:5:\nboom\n";
    let masked = "thread 'main' (<id>) panicked at $CARGO/tokio-1.54.1/src/lib.rs:9:5:\nboom\n";
    assert_eq!(mask_cargo_home(stderr), masked);
}

#[test]
fn thread_ids_are_masked_in_panic_messages() {
    let stderr = "\nthread 'main' (4242) panicked at src/main.rs:7:27:\nboom\n";
    let masked = "\nthread 'main' (<id>) panicked at src/main.rs:7:27:\nboom\n";
    assert_eq!(mask_thread_ids(stderr), masked);
}

#[test]
fn every_listing_named_in_a_table_exists() {
    let ids: Vec<String> = listings().iter().map(Listing::id).collect();
    let named = REAL_TIME
        .iter()
        .chain(MEASURED)
        .chain(UNORDERED)
        .chain(EXIT_CODES.iter().map(|(id, _)| id));
    for id in named {
        assert!(
            ids.contains(&id.to_string()),
            "tests/listings.rs names {id}, which does not exist"
        );
    }
}

#[test]
fn unordered_lines_compare_as_a_set() {
    let expected = "b\na 1 ms\nTotal time: 3 ms\n";
    let shuffled = "a 2 ms\nTotal time: 9 ms\nb\n";
    let missing = "a 2 ms\nTotal time: 9 ms\nc\n";
    let sorted = |text| sorted_lines(text);
    assert!(same_text(
        &sorted(expected),
        &sorted(shuffled),
        Figures::Free
    ));
    assert!(!same_text(
        &sorted(expected),
        &sorted(missing),
        Figures::Free
    ));
    assert!(!same_text(
        &sorted(expected),
        &sorted(shuffled),
        Figures::Exact
    ));
}

#[test]
fn sizes_are_figures_too() {
    let (shape, figures) = split_figures("9.50 KiB each, 2.0 MiB in all, 604 bytes\n");
    assert_eq!(shape, "# KiB each, # MiB in all, 604 bytes\n");
    assert_eq!(figures, [9728.0, 2_097_152.0]);
}

#[test]
fn figures_compare_within_tolerance_and_text_exactly() {
    let expected = "0.000s main Hello\n1.001s main World\nTotal time: 2001.342 ms\n";
    let close = "0.000s main Hello\n1.180s main World\nTotal time: 2150.000 ms\n";
    let late = "0.000s main Hello\n2.001s main World\nTotal time: 2001.342 ms\n";
    let other = "0.000s main World\n1.001s main World\nTotal time: 2001.342 ms\n";
    assert!(same_within_tolerance(expected, close));
    assert!(!same_within_tolerance(expected, late));
    assert!(!same_within_tolerance(expected, other));
}

#[test]
fn measured_figures_are_free_but_other_numbers_are_not() {
    let (shape, figures) = split_figures("4 threads: 812.5 ms, 1.97x faster, 3 seconds\n");
    assert_eq!(shape, "4 threads: # ms, #x faster, 3 seconds\n");
    assert_eq!(figures, [0.8125, 1.97]);
}
