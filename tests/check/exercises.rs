//! The exercises of chapters 1 to 16, checked as a reader's work.
//!
//! An exercise is a listing `listings/<chapter>/src/bin/exNN_<name>.rs`: a starter
//! with a `todo!()` for the reader, and the book's solution, which `main` uses until
//! the reader switches it to the starter. `cargo test exNN` runs its one check, the
//! reader's check: whichever version `main` uses must print what the solution
//! prints. When it does not, the check says what differs and, when it recognises a
//! classic mistake in the output, what is wrong and how to put it right
//! (`diagnose`). It never suggests `BLESS`: an exercise's expected output is the
//! solution's. (`BLESS=1` rewrites it only while `main` uses the solution.)
//!
//! Every exercise's classic mistake is committed as a wrong version,
//! `listings/<chapter>/wrong/<name>.rs`, built as the example `wrong_<name>`: the
//! starter with its `todo!()` filled in wrongly and `main` switched to it, nothing
//! else changed. A check per wrong version (`cargo test /wrong/`) runs the reader's
//! check on it, and makes sure it is rejected with the message kept beside it,
//! `wrong/<name>.txt`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::Check;
use crate::catalogue;
use crate::common::{Listing, bless, chapters, diff, file_name, read_dir, relative};
use crate::outputs::compare_run;
use crate::runner::{self, Run};

/// A version still running after this long has hung: every exercise's solution ends
/// in well under a second of real time (on the paused clock, or against the local
/// quote service), so this is no timing claim, only how long a reader waits to hear
/// so.
pub const HANG: Duration = Duration::from_secs(4);

/// The exercises whose classic mistake takes seconds of real time and still ends:
/// the sequential versions of chapter 5 (each part waits up to half a second for the
/// others) and of the HTTP chapters (each request waits for the service's 100 ms).
/// They must be told what is wrong, not that they hung, even on a loaded machine.
const SLOW: &[&str] = &["ex05_", "ex07_", "ex08_", "ex09_"];

/// How long a version of `listing` may run before it counts as hung.
fn hang_limit(listing: &Listing) -> Duration {
    if SLOW.iter().any(|prefix| listing.name.starts_with(prefix)) {
        Duration::from_secs(20)
    } else {
        HANG
    }
}

/// Whether a listing is an exercise: its name is `exNN_<something>`.
pub fn is_exercise(listing: &Listing) -> bool {
    listing.name.strip_prefix("ex").is_some_and(|rest| {
        rest.len() > 3
            && rest[..2].bytes().all(|b| b.is_ascii_digit())
            && &rest[2..3] == "_"
    })
}

/// Whether the exercise's `main` runs the book's solution (as committed), rather
/// than the reader's starter.
pub fn uses_solution(source: &str) -> bool {
    source
        .lines()
        .any(|line| line.starts_with("use solution::"))
}

/// The reader's check of an exercise listing, run from its `output` check.
pub fn check_listing(listing: &Listing) -> Result<(), String> {
    let source = std::fs::read_to_string(listing.source())
        .map_err(|err| format!("{}: {err}", relative(&listing.source())))?;
    // Rewrite the expected output only from the solution, never from a reader's
    // version.
    let bless = bless() && uses_solution(&source);
    check(listing, &runner::program(&listing.name), bless)
}

/// Runs `program`, a version of the exercise `listing`, and compares what it prints
/// with what the solution prints. The error says what is wrong, for a reader.
pub fn check(listing: &Listing, program: &Path, bless: bool) -> Result<(), String> {
    let clock = catalogue::clock(listing);
    let run = {
        let _turn = runner::turn(runner::group(listing, clock));
        runner::run_for(
            listing,
            runner::command_for(program, clock),
            hang_limit(listing),
        )?
    };
    let expected = std::fs::read_to_string(listing.stdout_file())
        .map_err(|err| format!("{}: {err}", relative(&listing.stdout_file())))?;
    let (stdout, stderr, code) = match &run {
        Run::Ended(output) => (&output.stdout, &output.stderr, Some(output.code)),
        Run::Killed { stdout, stderr } => (stdout, stderr, None),
    };
    let outcome = Outcome {
        stdout,
        stderr,
        code,
        expected: &expected,
    };
    let compared = if code == Some(Some(catalogue::exit_code(listing))) {
        compare_run(listing, stdout, stderr, bless)
    } else {
        Err(String::new())
    };
    let Err(difference) = compared else {
        return Ok(());
    };

    let mut message = format!("{}: not right yet.\n", relative(&listing.source()));
    if let Some(why) = diagnose(&listing.name, &outcome) {
        message.push_str(&format!("\n{}\n", wrap(&why)));
    }
    match code {
        None => message.push_str(&format!(
            "\n{}\n",
            wrap(&format!(
                "It was still running after {} s, and was stopped (the solution ends \
                 in well under a second).",
                hang_limit(listing).as_secs()
            ))
        )),
        Some(code) if code != Some(catalogue::exit_code(listing)) => {
            message.push_str(&format!(
                "\nIt exited with code {}, and printed on standard error:\n{}",
                code.map_or("none (killed by a signal)".to_string(), |code| code
                    .to_string()),
                if stderr.is_empty() {
                    "(nothing)\n"
                } else {
                    stderr
                },
            ));
        }
        Some(_) => {}
    }
    if difference.is_empty() {
        // It did not end as the solution does: show what it printed, against the
        // solution.
        message.push_str(&format!(
            "\n{}",
            diff(&listing.stdout_file(), &expected, stdout)
        ));
    } else {
        message.push_str(&format!("\n{difference}"));
    }
    message.push_str("(+ is what your version printed, - what the solution prints)");
    Err(mask_ports(&message))
}

/// What a run printed, and how it ended: `code` is `None` if it hung and was
/// stopped.
struct Outcome<'a> {
    stdout: &'a str,
    stderr: &'a str,
    code: Option<Option<i32>>,
    expected: &'a str,
}

impl Outcome<'_> {
    fn hung(&self) -> bool {
        self.code.is_none()
    }

    /// The first line of the output that contains `text`.
    fn line(&self, text: &str) -> Option<&str> {
        self.stdout.lines().find(|line| line.contains(text))
    }

    /// The time at the start of the first line that contains `text` (`1.001s main
    /// …`).
    fn time_of(&self, text: &str) -> Option<f64> {
        self.line(text).and_then(time)
    }

    /// The same in the solution's output.
    fn expected_time_of(&self, text: &str) -> Option<f64> {
        self.expected
            .lines()
            .find(|line| line.contains(text))
            .and_then(time)
    }

    /// The number after `label` on the first line that has it.
    fn number_after(&self, label: &str) -> Option<f64> {
        number_after(self.stdout, label)
    }
}

/// The time a log line starts with: `1.001s main Hello` is 1.001.
fn time(line: &str) -> Option<f64> {
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

/// What is wrong with a version of exercise `name`, if its output shows a mistake
/// the exercise is about: in words that say what happened and what to do instead.
fn diagnose(name: &str, run: &Outcome) -> Option<String> {
    let number: u32 = name.get(2..4)?.parse().ok()?;
    let why = match number {
        1 => {
            let total = run.number_after("Total time:")?;
            if !run.stdout.contains("World") {
                "No greeting said World: the program ended before its tasks had finished. \
                 Await every handle before returning."
                    .to_string()
            } else if total > 3001.5 {
                format!(
                    "The greetings took {total} ms in all, the sum of the waits: they ran one \
                     after the other, each awaited before the next one started. Start all \
                     three first (`tokio::spawn`), then await the handles: 3001 ms, the \
                     longest wait."
                )
            } else {
                return None;
            }
        }
        2 => {
            if run.hung() && !run.stdout.contains("async { 2 + 3 }") {
                "Your version never finished even `async { 2 + 3 }`, which is ready at its \
                 first poll: poll `inner` at each call to `poll`, and when it is ready, be \
                 ready too, with its output and the count."
                    .to_string()
            } else if run.hung() && !run.stdout.contains("a one-second sleep") {
                "Your version never got past the one-second sleep. The sleep was polled, \
                 said `Pending`, and its wake-up reached nobody, so the task was never polled \
                 again. Poll `inner` with the context your `poll` was given (`cx`): the waker \
                 the sleep keeps must be this task's."
                    .to_string()
            } else if run.stdout.contains("sleep, polls: 1") {
                "A one-second sleep counted 1 poll: count every call to `poll`, also those \
                 where `inner` answers `Pending`."
                    .to_string()
            } else {
                return None;
            }
        }
        3 => {
            let late = ["Ada", "Cy"]
                .into_iter()
                .find_map(|name| run.line(&format!("{name} finished after")))?;
            format!(
                "`{}`: that task ran past the patience of 1.5 s, since nothing stopped it. A \
                 timeout on a handle, or dropping it, only stops waiting: the task goes on. \
                 After the patience, `abort` every task that `is_finished` says is not.",
                late.trim()
            )
        }
        4 => {
            // An attempt that ends after its own deadline went on in the background.
            let late = run.stdout.lines().find_map(|line| {
                let (_, attempt) = line.split_once("attempt ")?;
                let attempt = attempt.strip_suffix(" ends")?;
                let ended = time(line)?;
                let deadline =
                    run.time_of(&format!("attempt {attempt}: deadline"))?;
                (ended > deadline).then(|| (attempt.to_string(), ended, deadline))
            })?;
            let (attempt, ended, deadline) = late;
            format!(
                "Attempt {attempt} ran out of time at {deadline:.3}s, yet it ended at \
                 {ended:.3}s: it went on in the background while the next attempts ran. \
                 `timeout(limit, fetch_quote(attempt))` drops the call at the deadline; a \
                 timeout on a spawned task's handle only stops waiting for it."
            )
        }
        5 => {
            let at_once = run.number_after("parts at once, at most:")?;
            if at_once == 1.0 {
                "One part at a time: each part was awaited before the next one was started, \
                 so the blocking pool never ran two at once. Start every part with \
                 `spawn_blocking` first, then await the handles in order."
                    .to_string()
            } else if !run.stdout.contains("total = 49999995000000") {
                "A total is not 49999995000000: some numbers fell between two ranges, or \
                 were added twice. Compute both ends of part `n` from `total` (`n * total / \
                 parts`), so that the last range ends at `total`."
                    .to_string()
            } else {
                return None;
            }
        }
        6 => {
            let size = run.number_after("add(2, 3):")?;
            let same = ["sum_buffer():", "an async block:"]
                .iter()
                .all(|label| run.number_after(label) == Some(size));
            if !same || size > 16.0 {
                return None;
            }
            format!(
                "Every future measured {size} bytes: that is the size of a box, a pointer \
                 (and its table of methods, for a `Job`), not of the future inside. Take \
                 `size_of_val(&future)` before `Box::pin` takes the future."
            )
        }
        7 => {
            if !run.stderr.contains("404 Not Found") {
                return None;
            }
            "Your version stopped with an error at the service's `404 Not Found`, which is \
             how it says that no quote is that short: an answer to expect, not a failure. \
             Look at `response.status()` before `error_for_status()`, and return `Ok(None)` \
             for a 404."
                .to_string()
        }
        8 => {
            let most = run.number_after("Requests in flight at most:")?;
            if most >= 30.0 {
                return None;
            }
            format!(
                "At most {most} {} in flight: the exercise asks for all 30 at once. Make every \
                 request's future first (into a `FuturesUnordered`, say), then take the answers \
                 as they come, instead of awaiting each request before sending the next.",
                if most == 1.0 { "request" } else { "requests" }
            )
        }
        9 => {
            let most = run.number_after("Requests in flight at most:")?;
            if most > 3.0 {
                format!(
                    "{most} requests in flight at most: the limit is 3 for the whole program, \
                     both batches together. A limit of each batch's own (`buffer_unordered(3)`, \
                     or a semaphore made in `fetch_batch`) lets each batch have 3 out. Make \
                     each request hold a permit of the shared `limit` while it runs."
                )
            } else if most < 3.0 {
                format!(
                    "Only {most} {} in flight at most, where the limit allows 3: send the \
                     requests concurrently, and let the semaphore hold them back.",
                    if most == 1.0 { "request" } else { "requests" }
                )
            } else {
                return None;
            }
        }
        10 => {
            if !(run.hung() && run.stdout.is_empty()) {
                return None;
            }
            "Your version waited for `sort`'s output for ever: `sort` prints only once its \
             input has ended, and your program still held `stdin`, the writing end of that \
             pipe, while it read. Drop `stdin` when the last line is written (an `async move` \
             block that owns it drops it when it ends), and read at the same time."
                .to_string()
        }
        11 => {
            if !run.hung() || run.stdout.contains("no more results") {
                return None;
            }
            "The results channel never closed, so `main` waited for ever for one more result: \
             a sender of results was still alive after every worker had stopped. Only the \
             workers may hold one: drop the one `start_pool` made, or move it into a worker."
                .to_string()
        }
        12 => {
            let gave_up = run.time_of("giving up")?;
            let expected = run.expected_time_of("giving up")?;
            let last = run.time_of("attempt 4:")?;
            if gave_up > expected && last == run.expected_time_of("attempt 4:")? {
                format!(
                    "The stream ended at {gave_up:.3}s, {:.1} s after the last attempt: it \
                     waited once more before it found no attempt was left. Check for the last \
                     attempt before the sleep, and end the stream at once.",
                    gave_up - last
                )
            } else if run.stdout.lines().count() == run.expected.lines().count() {
                "The attempts come at other times than the solution's: wait 100 ms before \
                 the first attempt, and twice as long before each one after it."
                    .to_string()
            } else {
                return None;
            }
        }
        13 => {
            if let Some(line) = run
                .stdout
                .lines()
                .find(|line| line.matches("worker{").count() > 1)
            {
                format!(
                    "`{}`: a job's line carries another worker's span. A span entered with \
                     `span.enter()` stays entered across the `.await`, while the other worker \
                     runs on the same thread. Attach the span to the job's future with \
                     `.instrument(span)`, which enters it only while that future is polled.",
                    line.trim()
                )
            } else if run.stdout.contains("jobs=") {
                "The list of jobs shows up in the worker's span: leave it out with \
                 `#[instrument(skip(jobs))]`."
                    .to_string()
            } else {
                return None;
            }
        }
        14 => {
            if !(run.hung() && run.stdout.is_empty()) {
                return None;
            }
            "Neither client got its reply: each server task reads up to the end of the \
             stream, which comes only when the client closes its sending side, and each \
             client waited for a reply that never came. After the last line, \
             `stream.shutdown().await` closes the sending side only; then read the reply."
                .to_string()
        }
        15 => {
            let open = run.time_of("open the doors")?;
            let served = run.time_of("worker 1 has served")?;
            if open > 3.001 + 0.0005 {
                format!(
                    "The doors opened at {open:.3}s, once the workers had stopped serving, not \
                     at 3.001s, when the last one was warm: `start_all` waited for the tasks \
                     to end. Have each worker say when it is warm, and wait for that."
                )
            } else if served > 3.502 + 0.0005 {
                format!(
                    "Worker 1 finished serving at {served:.3}s, not 3.502s: it waited for the \
                     others to be warm before serving, as at a `Barrier`. Only `start_all` \
                     waits; each worker serves as soon as it is warm."
                )
            } else {
                return None;
            }
        }
        16 => {
            let end = run.time_of("stopped by themselves")?;
            if end > 2.002 + 0.0005 {
                format!(
                    "The shutdown lasted until {end:.3}s: it waited for the slow worker to \
                     finish its five-second step, past the grace period of 1 s. Wait for the \
                     workers for `grace` at most (`timeout`), then abort those still running."
                )
            } else if run.stdout.contains(" 0 stopped by themselves")
                || run.line("quick:").is_none()
            {
                "The quick worker was aborted too: give every worker the grace period to \
                 stop by itself before aborting the ones still running."
                    .to_string()
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(why)
}

/// Wraps a paragraph at 85 columns, the width of the book's code blocks.
fn wrap(text: &str) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > 85 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
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

/// A wrong version of an exercise, `listings/<chapter>/wrong/<name>.rs`.
struct Wrong {
    /// The exercise it gets wrong.
    exercise: Listing,
    source: PathBuf,
}

impl Wrong {
    fn example(&self) -> String {
        format!("wrong_{}", file_stem(&self.source))
    }

    /// The message the reader's check must reject it with.
    fn message_file(&self) -> PathBuf {
        self.source.with_extension("txt")
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Every wrong version, with its exercise; an error for one that matches none.
fn wrong_versions() -> Vec<Result<Wrong, String>> {
    let mut all = Vec::new();
    for chapter in chapters() {
        for source in read_dir(&chapter.join("wrong")) {
            if source.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let stem = file_stem(&source);
            let exercise = read_dir(&chapter.join("src/bin"))
                .into_iter()
                .map(|file| file_stem(&file))
                .find(|name| {
                    name.starts_with("ex") && name.get(5..) == Some(stem.as_str())
                })
                .map(|name| Listing {
                    chapter: file_name(&chapter),
                    name,
                });
            all.push(match exercise {
                Some(exercise) => Ok(Wrong { exercise, source }),
                None => Err(format!(
                    "{}: no exercise `src/bin/exNN_{stem}.rs` in its chapter",
                    relative(&source)
                )),
            });
        }
    }
    all
}

/// A check per wrong version, and one that every exercise has one.
pub fn checks() -> Vec<Check> {
    let mut checks: Vec<Check> = wrong_versions()
        .into_iter()
        .map(|wrong| match wrong {
            Ok(wrong) => {
                let name = format!(
                    "{}/wrong/{}",
                    wrong.exercise.chapter,
                    file_stem(&wrong.source)
                );
                let package = wrong.exercise.chapter.clone();
                Check::new("exercise", name, move || is_rejected(&wrong))
                    .running([package])
            }
            Err(problem) => {
                Check::new("exercise", "wrong versions", move || Err(problem))
            }
        })
        .collect();
    checks.push(Check::new(
        "exercise",
        "every exercise has a wrong version",
        every_exercise_has_a_wrong_version,
    ));
    checks.extend(crate::asserting!(
        "exercise",
        log_times_are_read,
        ports_are_masked,
    ));
    checks
}

fn every_exercise_has_a_wrong_version() -> Result<(), String> {
    let covered: Vec<String> = wrong_versions()
        .into_iter()
        .filter_map(Result::ok)
        .map(|wrong| wrong.exercise.id())
        .collect();
    let missing: Vec<String> = crate::common::listings()
        .iter()
        .filter(|listing| is_exercise(listing) && !covered.contains(&listing.id()))
        .map(|listing| relative(&listing.source()))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "exercises with no wrong version in their chapter's `wrong/`: {missing:?}"
        ))
    }
}

/// The wrong version is the exercise's starter with only `mod starter` filled in and
/// `main` switched to it; the reader's check rejects it with a message that says
/// what is wrong (a diagnosis, not only a diff), and that message is the one kept
/// beside it.
fn is_rejected(wrong: &Wrong) -> Result<(), String> {
    let source = relative(&wrong.source);
    let text = std::fs::read_to_string(&wrong.source)
        .map_err(|err| format!("{source}: {err}"))?;
    let exercise = std::fs::read_to_string(wrong.exercise.source())
        .map_err(|err| format!("{}: {err}", relative(&wrong.exercise.source())))?;
    // Its header: comment lines, and `#![allow(unused_imports)]` for what only the
    // solution uses.
    let text: String = text
        .lines()
        .skip_while(|line| line.starts_with("//") || line.starts_with("#![allow("))
        .skip_while(|line| line.is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    let (before, after) = outside_mod_starter(&text)
        .ok_or_else(|| format!("{source}: no `mod starter {{` … `}}`"))?;
    let starter = as_switched(&starter_part(&exercise));
    let (expected_before, expected_after) = outside_mod_starter(&starter)
        .ok_or_else(|| {
            format!(
                "{}: no `mod starter` in its starter",
                relative(&wrong.exercise.source())
            )
        })?;
    if (before, after) != (expected_before, expected_after) {
        return Err(format!(
            "{source} must be the starter of {} with `main` switched to it, changed only \
             inside `mod starter`:\n{}{}",
            relative(&wrong.exercise.source()),
            diff(&wrong.exercise.source(), expected_before, before),
            diff(&wrong.exercise.source(), expected_after, after),
        ));
    }

    let program = runner::program("examples").join(wrong.example());
    let message = match check(&wrong.exercise, &program, false) {
        Ok(()) => {
            return Err(format!(
                "{source}: the reader's check of {} accepts this wrong version",
                wrong.exercise.name
            ));
        }
        Err(message) => message,
    };
    if message.contains("BLESS") {
        return Err(format!("{source}: the message suggests BLESS:\n{message}"));
    }
    let run_again = |problem: String| {
        format!(
            "{problem}\n(once the message is right: `BLESS=1 cargo test /wrong/`)"
        )
    };
    if !message.contains("not right yet.\n\n")
        || message
            .lines()
            .nth(2)
            .is_none_or(|line| line.starts_with("---") || line.starts_with("It "))
    {
        return Err(run_again(format!(
            "{source}: rejected, but with no word on what is wrong (see `diagnose`):\n{message}"
        )));
    }
    let file = wrong.message_file();
    if bless() {
        std::fs::write(&file, format!("{message}\n"))
            .map_err(|err| err.to_string())?;
        return Ok(());
    }
    let kept = std::fs::read_to_string(&file).unwrap_or_default();
    if kept != format!("{message}\n") {
        return Err(run_again(format!(
            "{}: the rejection message differs\n{}",
            relative(&file),
            diff(&file, &kept, &format!("{message}\n"))
        )));
    }
    Ok(())
}

/// The lines between `// ANCHOR: starter` and `// ANCHOR_END: starter`.
fn starter_part(source: &str) -> String {
    source
        .lines()
        .skip_while(|line| line.trim() != "// ANCHOR: starter")
        .skip(1)
        .take_while(|line| line.trim() != "// ANCHOR_END: starter")
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The starter with `main` switched to it, as a reader switches it.
fn as_switched(starter: &str) -> String {
    starter
        .lines()
        .map(|line| match line.strip_prefix("use solution::") {
            Some(rest) => format!("use starter::{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

/// The text before `mod starter {` (that line included) and after the `}` that
/// closes it.
fn outside_mod_starter(text: &str) -> Option<(&str, &str)> {
    let open = text.find("\nmod starter {\n")? + "\nmod starter {\n".len();
    let close = open + text[open..].find("\n}\n")? + 1;
    Some((&text[..open], &text[close..]))
}

fn log_times_are_read() {
    assert_eq!(time("1.001s main World from Bob"), Some(1.001));
    assert_eq!(time("client 1: 3 lines"), None);
    assert_eq!(
        number_after("x\nTotal time: 6001.000 ms\n", "Total time:"),
        Some(6001.0)
    );
}

fn ports_are_masked() {
    assert_eq!(
        mask_ports("for url (http://127.0.0.1:40213/api/random?max_length=20)"),
        "for url (http://127.0.0.1:<port>/api/random?max_length=20)"
    );
}
