//! Each listing's whole output, compared with the files the book shows: a check per
//! listing, named after it (`cargo test hello_async`).
//!
//! A listing is `listings/<chapter>/src/bin/<name>.rs`. Its standard output must
//! match `listings/<chapter>/output/<name>.txt` whole; its standard error must be
//! empty, or match `<name>.stderr.txt` where that file exists. `BLESS=1 cargo test`
//! rewrites these files from a fresh run.
//!
//! Listings run on tokio's paused clock (`PAUSE_CLOCK=1`, see the support crate), so
//! their timestamps are exact and a one-second sleep costs no time. Those that run
//! in real time, measure, print in no fixed order or fail on purpose say so in their
//! chapter's `Cargo.toml` (`model.rs`). Benchmarks are not built here: `cargo bench`
//! runs them, and CI's clippy (`--all-targets`) compiles them.

use std::path::Path;
use std::time::Duration;

use crate::common::{Listing, bless, diff, listings, relative};
use crate::model::{Clock, FigureUnit, book};
use crate::runner::End;
use crate::{Check, exercises, runner};

/// How far a figure (`1.002s`, `2003.1 ms`) of a real-time listing may stray from
/// the expected file: far less than the one-second steps these listings show, far
/// more than a loaded machine delays a wake-up.
pub const TOLERANCE: Duration = Duration::from_millis(250);

/// A check for each listing.
pub fn checks() -> Vec<Check> {
    listings()
        .into_iter()
        .map(|listing| {
            let package = listing.chapter.clone();
            let group = runner::group(&listing, listing.facts().clock());
            Check::new("output", listing.id(), move || check(&listing))
                .running([package])
                .in_group(group)
        })
        .chain(crate::asserting!(
            "output comparison",
            cargo_home_is_masked_in_panic_messages,
            thread_ids_are_masked_in_panic_messages,
            unordered_lines_compare_as_a_set,
            sizes_are_figures_too,
            figures_compare_within_tolerance_and_text_exactly,
            measured_figures_are_free_but_other_numbers_are_not,
        ))
        .collect()
}

/// Runs one listing and compares what it printed with its files. An exercise is
/// checked as a reader's work (`exercises.rs`).
fn check(listing: &Listing) -> Result<(), String> {
    if let Some(exercise) = crate::model::exercise(listing) {
        return exercises::check_listing(&exercise);
    }
    let clock = listing.facts().clock();
    let expected_code = listing.facts().exit_code;
    let run = {
        let _turn = runner::turn(runner::group(listing, clock));
        runner::run(listing, runner::command(listing, clock))?
    };
    if run.end != End::Code(expected_code) {
        return Err(format!(
            "{}: exited with {:?}, expected {expected_code}\nstdout:\n{}\nstderr:\n{}",
            relative(&listing.source()),
            run.end,
            run.stdout,
            run.stderr
        ));
    }
    compare_run(listing, &run.stdout, &run.stderr, bless()).map_err(|problem| {
        format!(
            "{problem}\n(if the change is meant: `BLESS=1 cargo test {}`)",
            listing.name
        )
    })
}

/// Compares what a run of `listing` printed with its files, as its facts say
/// (figures exact, close or free; lines in order or not), or rewrites the files if
/// `bless`.
pub fn compare_run(
    listing: &Listing,
    stdout: &str,
    stderr: &str,
    bless: bool,
) -> Result<(), String> {
    let clock = listing.facts().clock();
    let figures = if listing.facts().measured {
        Figures::Free
    } else if clock == Clock::Real {
        Figures::Close
    } else {
        Figures::Exact
    };
    let order = if listing.facts().unordered {
        Order::Any
    } else {
        Order::Same
    };
    let stderr = mask_cargo_home(&mask_thread_ids(stderr));
    compare(&listing.stdout_file(), stdout, figures, order, true, bless).and_then(
        |()| {
            compare(
                &listing.stderr_file(),
                &stderr,
                figures,
                order,
                false,
                bless,
            )
        },
    )
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

/// A panic message names the thread by its OS id, new on every run:
/// `thread 'main' (4242) panicked at ...`. The expected files say `(<id>)` instead.
fn mask_thread_ids(text: &str) -> String {
    text.lines()
        .map(
            |line| match (line.find("' ("), line.find(") panicked at")) {
                (Some(open), Some(close))
                    if line.starts_with("thread '") && open < close =>
                {
                    format!("{}' (<id>{}\n", &line[..open], &line[close..])
                }
                _ => format!("{line}\n"),
            },
        )
        .collect()
}

/// A panic inside a dependency names its file under cargo's home, a path of this
/// machine: `panicked at
/// /home/me/.cargo/registry/src/index.crates.io-<hash>/tokio-1.54.1/src/...`. The
/// expected files say `panicked at $CARGO/tokio-1.54.1/src/...`, as trybuild does.
fn mask_cargo_home(text: &str) -> String {
    const REGISTRY: &str = "/registry/src/";
    text.lines()
        .map(
            |line| match (line.find("panicked at /"), line.find(REGISTRY)) {
                (Some(at), Some(registry)) if at < registry => {
                    let index_and_path = &line[registry + REGISTRY.len()..];
                    let path =
                        index_and_path.split_once('/').map_or("", |(_, path)| path);
                    format!("{}panicked at $CARGO/{path}\n", &line[..at])
                }
                _ => format!("{line}\n"),
            },
        )
        .collect()
}

/// Compares a run's output with its file, or rewrites the file under `BLESS=1`. A
/// missing file is an empty expected output, except for standard output, which every
/// listing must have.
fn compare(
    file: &Path,
    actual: &str,
    figures: Figures,
    order: Order,
    required: bool,
    bless: bool,
) -> Result<(), String> {
    if bless {
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

/// Replaces each figure (a number followed by one of the root `Cargo.toml`'s
/// `figure-units`: of time, of memory, or `x` for a ratio) with `#`, and returns the
/// text and the figures (times in seconds, sizes in bytes; only `measured` listings
/// print sizes).
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
        let unit = book().figure_units.iter().find(|FigureUnit { unit, .. }| {
            after.starts_with(unit.as_str())
                && !after[unit.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        let Some(FigureUnit { scale, .. }) = unit else {
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

fn cargo_home_is_masked_in_panic_messages() {
    let stderr = "thread 'main' (<id>) panicked at /root/.cargo/registry/src/\
                  index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/lib.rs:9:5:\nboom\n";
    let masked = "thread 'main' (<id>) panicked at $CARGO/tokio-1.54.1/src/lib.rs:9:5:\nboom\n";
    assert_eq!(mask_cargo_home(stderr), masked);
}

fn thread_ids_are_masked_in_panic_messages() {
    let stderr = "\nthread 'main' (4242) panicked at src/main.rs:7:27:\nboom\n";
    let masked = "\nthread 'main' (<id>) panicked at src/main.rs:7:27:\nboom\n";
    assert_eq!(mask_thread_ids(stderr), masked);
}

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

fn sizes_are_figures_too() {
    let (shape, figures) =
        split_figures("9.50 KiB each, 2.0 MiB in all, 604 bytes\n");
    assert_eq!(shape, "# KiB each, # MiB in all, 604 bytes\n");
    assert_eq!(figures, [9728.0, 2_097_152.0]);
}

fn figures_compare_within_tolerance_and_text_exactly() {
    let expected = "0.000s main Hello\n1.001s main World\nTotal time: 2001.342 ms\n";
    let close = "0.000s main Hello\n1.180s main World\nTotal time: 2150.000 ms\n";
    let late = "0.000s main Hello\n2.001s main World\nTotal time: 2001.342 ms\n";
    let other = "0.000s main World\n1.001s main World\nTotal time: 2001.342 ms\n";
    assert!(same_within_tolerance(expected, close));
    assert!(!same_within_tolerance(expected, late));
    assert!(!same_within_tolerance(expected, other));
}

fn measured_figures_are_free_but_other_numbers_are_not() {
    let (shape, figures) =
        split_figures("4 threads: 812.5 ms, 1.97x faster, 0.50 seconds, 3 tasks\n");
    assert_eq!(shape, "4 threads: # ms, #x faster, # seconds, 3 tasks\n");
    assert_eq!(figures, [0.8125, 1.97, 0.5]);
}
