//! The exercises, checked as a reader's work.
//!
//! An exercise is a listing `listings/<chapter>/src/bin/exNN_<name>.rs` that its
//! chapter's `Cargo.toml` declares (`[package.metadata.book.exercises.exNN_<name>]`):
//! a starter with a `todo!()` for the reader, and the book's solution, which `main`
//! uses until the reader switches it to the starter. `cargo test exNN` runs its one
//! check, the reader's check: whichever version `main` uses must print what the
//! solution prints. When it does not, the check says what differs and, when the
//! exercise's diagnosis (`exercises/exNN_<name>.rs`, found by the exercise's name)
//! recognises a mistake in what the run shows, what is wrong and how to put it right.
//! It never suggests `BLESS`: an exercise's expected output is the solution's.
//! (`BLESS=1` rewrites it only while `main` uses the solution.)
//!
//! Each exercise's wrong versions are committed (`wrong.rs` checks them).

mod attempt;
mod shapes;
mod wrong;

use std::path::Path;

pub use attempt::Attempt;

use crate::Check;
use crate::common::{bless, diff, relative};
use crate::model::{self, Clock, Exercise};
use crate::outputs::compare_run;
use crate::runner::{self, End, Output};

// `diagnosis(name)`, and a module for each `exercises/<exercise>.rs` (build.rs).
include!(concat!(env!("OUT_DIR"), "/diagnoses.rs"));

/// An exercise's diagnosis: what is wrong with a version, in words that say what
/// happened and what to do instead, when its run shows a mistake it recognises.
pub type Diagnose = fn(&Attempt) -> Option<String>;

/// What the reader's check made of a version that does not pass.
#[derive(Debug)]
pub enum Verdict {
    /// It ended as the solution does, and printed something else: this difference.
    Differs(String),
    /// It ended with another exit code, or was killed by a signal.
    EndedBadly,
    /// It was still running at its hang limit, and was stopped.
    Hung,
}

/// A version that did not pass: its diagnosis, if its exercise's recognised the
/// mistake, and the whole message for the reader.
pub struct Rejection {
    pub diagnosis: Option<String>,
    pub message: String,
}

/// Whether the exercise's `main` runs the book's solution (as committed), rather
/// than the reader's starter.
pub fn uses_solution(source: &str) -> bool {
    source
        .lines()
        .any(|line| line.starts_with("use solution::"))
}

/// The reader's check of an exercise listing, run from its `output` check.
pub fn check_listing(exercise: &Exercise) -> Result<(), String> {
    let source = exercise.listing.source();
    let text = std::fs::read_to_string(&source)
        .map_err(|err| format!("{}: {err}", relative(&source)))?;
    // Rewrite the expected output only from the solution, never from a reader's
    // version.
    let bless = bless() && uses_solution(&text);
    let program = runner::program(&exercise.listing.name);
    check(exercise, &program, bless).map_err(|rejection| rejection.message)
}

/// Runs `program`, a version of `exercise`, and compares what it prints with what
/// the solution prints. A rejection says what is wrong, for a reader.
pub fn check(
    exercise: &Exercise,
    program: &Path,
    bless: bool,
) -> Result<(), Rejection> {
    let listing = &exercise.listing;
    let clock = listing.facts().clock();
    let output = {
        let _turn = runner::turn(runner::group(listing, clock));
        let command = runner::command_for(program, clock);
        runner::run_for(listing, command, exercise.hang_limit).map_err(plain)?
    };
    let file = listing.stdout_file();
    let expected = std::fs::read_to_string(&file)
        .map_err(|err| plain(format!("{}: {err}", relative(&file))))?;
    let verdict = match output.end {
        End::Hung => Verdict::Hung,
        End::Code(code) if code == listing.facts().exit_code => {
            match compare_run(listing, &output.stdout, &output.stderr, bless) {
                Ok(()) => return Ok(()),
                Err(difference) => Verdict::Differs(difference),
            }
        }
        End::Code(_) | End::Signal => Verdict::EndedBadly,
    };
    let attempt = Attempt {
        output: &output,
        expected: &expected,
        verdict: &verdict,
    };
    // A `todo!()` left in first, then the exercise's own diagnosis, then the general
    // shapes of a mistake.
    let diagnosis = shapes::not_filled_in(&attempt)
        .or_else(|| diagnosis(&listing.name).and_then(|diagnose| diagnose(&attempt)))
        .or_else(|| shapes::diagnose(&attempt));
    let message = message(exercise, &attempt, diagnosis.as_deref());
    Err(Rejection { diagnosis, message })
}

/// A problem of the check itself (a file it cannot read, a program it cannot start).
fn plain(problem: String) -> Rejection {
    Rejection {
        diagnosis: None,
        message: problem,
    }
}

/// The message for a reader: the diagnosis, how the run ended if not as the
/// solution's does, and what it printed against what the solution prints.
fn message(
    exercise: &Exercise,
    attempt: &Attempt,
    diagnosis: Option<&str>,
) -> String {
    let listing = &exercise.listing;
    let mut message = format!("{}: not right yet.\n", relative(&listing.source()));
    if let Some(why) = diagnosis {
        message.push_str(&format!("\n{}\n", wrap(why)));
    }
    if listing.facts().clock() == Clock::Paused && shapes::times_differ(attempt) {
        message.push_str(&format!("\n{}\n", wrap(PAUSED_CLOCK)));
    }
    let Output {
        stdout,
        stderr,
        end,
    } = attempt.output;
    match attempt.verdict {
        Verdict::Hung => message.push_str(&format!(
            "\n{}\n",
            wrap(&format!(
                "It was still running after {} s, and was stopped (the solution ends \
                 in well under a second).",
                exercise.hang_limit.as_secs()
            ))
        )),
        Verdict::EndedBadly => message.push_str(&format!(
            "\nIt exited with code {}, and printed on standard error:\n{}",
            match end {
                End::Code(code) => code.to_string(),
                _ => "none (killed by a signal)".to_string(),
            },
            if stderr.is_empty() { "(nothing)\n" } else { stderr },
        )),
        Verdict::Differs(_) => {}
    }
    match attempt.verdict {
        Verdict::Differs(difference) => message.push_str(&format!("\n{difference}")),
        _ => {
            // It did not end as the solution does: show what it printed, against
            // the solution.
            let file = listing.stdout_file();
            message
                .push_str(&format!("\n{}", diff(&file, attempt.expected, stdout)));
        }
    }
    message.push_str("(+ is what your version printed, - what the solution prints)");
    mask_ports(&message)
}

/// What a reader whose times differ needs to know about the clock of the check.
const PAUSED_CLOCK: &str = "This check runs your version on tokio's paused clock, as \
    `cargo test` runs the book's listings: the clock stands still while a task runs, \
    and jumps to the next timer when every task waits, so the times are exact. A tokio \
    `sleep` takes no real time on it; a blocking call such as `std::thread::sleep` \
    holds the thread and moves that clock not at all. `cargo run` uses the real clock.";

/// Wraps a paragraph at 85 columns, the width of the book's code blocks.
fn wrap(text: &str) -> String {
    // Whole words only: no word broken, not even at a hyphen.
    let options = textwrap::Options::new(85)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
}

/// `127.0.0.1:40213` becomes `127.0.0.1:<port>`: a port is new on every run.
fn mask_ports(text: &str) -> String {
    let mut masked = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("127.0.0.1:") {
        let after = &rest[at + "127.0.0.1:".len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        masked.push_str(&rest[..at]);
        masked.push_str("127.0.0.1:");
        masked.push_str(if digits > 0 { "<port>" } else { "" });
        rest = &after[digits..];
    }
    masked.push_str(rest);
    masked
}

/// A check per wrong version, one that every exercise has a diagnosis, and the
/// tests of the helpers.
pub fn checks() -> Vec<Check> {
    let mut checks = wrong::checks();
    checks.push(Check::new(
        "exercise",
        "every exercise has a diagnosis, and every diagnosis an exercise",
        every_exercise_has_a_diagnosis,
    ));
    checks.extend(crate::asserting!(
        "exercise",
        attempt::log_times_are_read,
        shapes::a_todo_left_in_is_recognised,
        shapes::a_blocked_run_is_recognised,
        shapes::lines_missing_after_a_point_are_recognised,
        shapes::waits_one_after_another_are_recognised,
        shapes::lines_in_another_order_are_recognised,
        ports_are_masked,
        paragraphs_wrap_at_85_columns,
    ));
    checks
}

fn every_exercise_has_a_diagnosis() -> Result<(), String> {
    let exercises = model::book().exercises();
    let mut problems: Vec<String> = exercises
        .iter()
        .filter(|exercise| diagnosis(&exercise.listing.name).is_none())
        .map(|exercise| {
            format!(
                "{}: no diagnosis, tests/check/exercises/{}.rs",
                exercise.listing.id(),
                exercise.listing.name
            )
        })
        .collect();
    for name in DIAGNOSED {
        if !exercises
            .iter()
            .any(|exercise| exercise.listing.name == *name)
        {
            problems
                .push(format!("tests/check/exercises/{name}.rs: no such exercise"));
        }
    }
    crate::book::report("diagnoses", problems)
}

fn ports_are_masked() {
    assert_eq!(
        mask_ports("for url (http://127.0.0.1:40213/api/random?max_length=20)"),
        "for url (http://127.0.0.1:<port>/api/random?max_length=20)"
    );
}

fn paragraphs_wrap_at_85_columns() {
    let text = "a five-second ".repeat(10);
    let wrapped = wrap(&text);
    assert!(wrapped.lines().all(|line| line.len() <= 85), "{wrapped}");
    assert_eq!(wrapped.lines().next().map(str::len), Some(85));
    assert!(
        !wrapped.lines().any(|line| line.ends_with('-')),
        "{wrapped}"
    );
    assert_eq!(wrapped.split_whitespace().count(), 20);
}
