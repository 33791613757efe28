//! Builds the listing programs and runs them. Every check that runs a listing goes
//! through here: its environment (clock, quote service, timeline, logging), its time
//! limit and its clean-up are set in this one place.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process, kill_process_group};
use wait_timeout::ChildExt;

use crate::common::{Listing, relative, root};
use crate::model::Clock;

/// A listing that runs longer than this has hung.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Builds every program of the workspace, as `cargo run` would, and the examples (the
/// exercises' wrong versions), if any of `packages` is needed. Always all of them:
/// built one package at a time, their dependencies would be built with other features
/// (cargo unifies features over what it builds together), and built again for the next
/// full run. When nothing changed, this takes a fraction of a second and says nothing;
/// otherwise it says how far it has come, every few seconds.
///
/// The compiler's warnings are printed as a terminal shows them, but for those a wrong
/// version declares (`warns`), which `warned` gives: cargo repeats a program's
/// warnings even when it finds it built, so they are there on every run.
///
/// A chapter whose manifest says `checks-opt-level` is built with that `opt-level`:
/// its programs keep the cores busy for seconds in a debug build, which is their point
/// on the page, not what the checks compare. Cargo keeps both builds side by side
/// (seen in `target/debug/deps`: one `starve-<hash>` for each), so switching between
/// `cargo run` and `cargo test` copies a program into place rather than rebuilding it
/// (0.2 s, measured on chapter 5). With `BLESS=1` it is built as `cargo run` builds it, so the figures that a
/// bless writes (timelines, measured outputs) are those a reader sees.
///
/// When no file of the repository changed since the last build that succeeded (its
/// fingerprint, `common::tree_fingerprint`, is kept in `target/debug/`, with the
/// warnings it recorded) and every program it made is still there, this does not run
/// cargo at all: a warm `cargo test ex01` is that much quicker.
pub fn build(packages: &[&str]) {
    if packages.is_empty() {
        return;
    }
    let record = root().join("target/debug/book-checks-listings.json");
    let key = (crate::common::tree_fingerprint(), crate::layout::bless());
    if let Ok(text) = std::fs::read_to_string(&record)
        && let Ok((built_from, warned)) =
            serde_json::from_str::<((u64, bool), Vec<Warned>)>(&text)
        && built_from == key
        && crate::model::book().programs_exist()
    {
        let _ = WARNED.set(warned);
        return;
    }
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "--workspace", "--bins", "--examples"]);
    if !crate::layout::bless() {
        for (package, level) in crate::model::book().checks_opt_levels() {
            cargo.arg(format!(
                "--config=profile.dev.package.{package}.opt-level={level}"
            ));
        }
    }
    let mut cargo = cargo
        // One JSON message per crate or program built, and per message of the
        // compiler, on stdout.
        .arg("--message-format=json-diagnostic-rendered-ansi")
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    let declared: Vec<Warned> = crate::model::book()
        .exercises()
        .iter()
        .flat_map(|exercise| &exercise.wrong)
        .filter_map(|wrong| {
            Some(Warned {
                package: wrong.exercise.chapter.clone(),
                target: wrong.example(),
                lint: wrong.lint.clone()?,
            })
        })
        .collect();
    let mut warned = Vec::new();
    let mut progress = Progress::new(format!(
        "building the listings and the exercises' wrong versions, {} programs (cargo \
         build --workspace --bins --examples)",
        crate::model::book().program_count()
    ));
    let messages = BufReader::new(cargo.stdout.take().unwrap());
    for line in messages.lines() {
        let Ok(message) = serde_json::from_str(&line.expect("cargo's messages"))
        else {
            continue;
        };
        progress.message(&message);
        if let Some(warning) = Warned::of(&message)
            && declared.contains(&warning)
        {
            warned.push(warning);
        } else if let Some(rendered) = message["message"]["rendered"].as_str() {
            eprint!("{rendered}");
        }
    }
    let status = cargo.wait().expect("cargo runs");
    progress.done();
    assert!(status.success(), "the listings do not build");
    let text = serde_json::to_string(&(key, &warned)).unwrap();
    // Without the record, the next run only asks cargo again.
    let _ = std::fs::write(&record, text);
    let _ = WARNED.set(warned);
}

/// A warning of the compiler about a program: its package's name, the program's, and
/// the lint's.
#[derive(PartialEq, serde::Serialize, serde::Deserialize)]
struct Warned {
    package: String,
    target: String,
    lint: String,
}

impl Warned {
    fn of(message: &serde_json::Value) -> Option<Warned> {
        if message["reason"] != "compiler-message"
            || message["message"]["level"] != "warning"
        {
            return None;
        }
        let manifest = Path::new(message["manifest_path"].as_str()?);
        Some(Warned {
            package: crate::common::file_name(manifest.parent()?),
            target: message["target"]["name"].as_str()?.to_string(),
            lint: message["message"]["code"]["code"].as_str()?.to_string(),
        })
    }
}

static WARNED: std::sync::OnceLock<Vec<Warned>> = std::sync::OnceLock::new();

/// Whether the compiler warned with `lint` about the program `target` of `package`,
/// in this run's build (`build`).
pub fn warned(package: &str, target: &str, lint: &str) -> bool {
    WARNED.get().is_some_and(|warned| {
        warned.iter().any(|warning| {
            warning.package == package
                && warning.target == target
                && warning.lint == lint
        })
    })
}

/// What a build of programs prints on stderr: what it builds, once cargo's JSON
/// messages show that it builds something (an artifact built, not found fresh, or no
/// message for `QUIET` after the first, as when one crate takes long to compile); then,
/// every `EVERY` until it ends, how many crates and programs it built; and one line at
/// the end. Nothing when everything was built already: cargo then sends its messages
/// at once and ends, and a wait for another cargo's lock sends none.
pub struct Progress {
    state: std::sync::Arc<Mutex<Counts>>,
    stop: Option<std::sync::mpsc::Sender<()>>,
    ticker: Option<thread::JoinHandle<()>>,
}

struct Counts {
    what: String,
    started: Instant,
    crates_built: usize,
    programs_built: usize,
    last_message: Option<Instant>,
    /// When it last printed a line, if it has.
    said: Option<Instant>,
}

impl Counts {
    fn say(&mut self) {
        if self.said.is_none() {
            eprintln!("book-checks: {}", self.what);
        }
        eprintln!(
            "book-checks: {} crates and {} programs built, {:.0?}",
            self.crates_built,
            self.programs_built,
            self.started.elapsed()
        );
        self.said = Some(Instant::now());
    }

    /// Called every `TICK`.
    fn tick(&mut self) {
        let due = match (self.said, self.last_message) {
            (Some(said), _) => said.elapsed() >= Progress::EVERY,
            (None, Some(last)) => last.elapsed() >= Progress::QUIET,
            (None, None) => false,
        };
        if due {
            self.say();
        }
    }
}

impl Progress {
    const TICK: Duration = Duration::from_millis(500);
    const QUIET: Duration = Duration::from_secs(2);
    const EVERY: Duration = Duration::from_secs(5);

    /// `what`: the line that says what is built.
    pub fn new(what: String) -> Progress {
        let state = std::sync::Arc::new(Mutex::new(Counts {
            what,
            started: Instant::now(),
            crates_built: 0,
            programs_built: 0,
            last_message: None,
            said: None,
        }));
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let ticking = state.clone();
        let ticker = thread::spawn(move || {
            // Until `done` drops the sender.
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(Self::TICK)
            {
                ticking.lock().unwrap().tick();
            }
        });
        Progress {
            state,
            stop: Some(stop),
            ticker: Some(ticker),
        }
    }

    /// One of cargo's JSON messages: counts what was built rather than found fresh.
    pub fn message(&mut self, message: &serde_json::Value) {
        let mut counts = self.state.lock().unwrap();
        counts.last_message = Some(Instant::now());
        if message["reason"] != "compiler-artifact" || message["fresh"] == true {
            return;
        }
        if message["executable"].is_string() {
            counts.programs_built += 1;
        } else {
            counts.crates_built += 1;
        }
        if counts.said.is_none() {
            counts.say();
        }
    }

    /// The build ended: stops the lines, and says how much it built, if it said
    /// anything before.
    pub fn done(&mut self) {
        drop(self.stop.take());
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        let counts = self.state.lock().unwrap();
        if counts.said.is_some() {
            eprintln!(
                "book-checks: built {} crates and {} programs in {:.0?}",
                counts.crates_built,
                counts.programs_built,
                counts.started.elapsed()
            );
        }
    }
}

/// Where cargo put the programs: beside this test program's own `deps/` folder.
pub fn program(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join(name)
}

/// A listing's program, ready to run from the repository's root on `clock`, with
/// every variable that changes what it prints set or cleared: it starts its own
/// quote service, writes no timeline, logs at its own level, and prints no
/// backtrace. Its standard input is empty, and it runs in a process group of its
/// own.
pub fn command(listing: &Listing, clock: Clock) -> Command {
    command_for(&program(&listing.name), clock)
}

/// The same for any program of the workspace, such as an example's
/// (`target/debug/examples/<name>`).
pub fn command_for(program: &Path, clock: Clock) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(root())
        .env("RUST_BACKTRACE", "0")
        .env_remove("RUST_LOG")
        .env_remove("QUOTES_URL")
        .env_remove("TIMELINE")
        .stdin(Stdio::null())
        .process_group(0);
    match clock {
        Clock::Paused => command.env("PAUSE_CLOCK", "1"),
        Clock::Real => command.env_remove("PAUSE_CLOCK"),
    };
    command
}

/// What a run printed (all of it, or what it had printed when it was killed), and
/// how it ended.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub end: End,
}

/// How a run ended.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum End {
    /// It exited with this code.
    Code(i32),
    /// A signal ended it (a crash, say).
    Signal,
    /// It was still running at its time limit, and was killed.
    Hung,
}

/// Runs `command` to its end, or kills it after `TIME_LIMIT`, which is an error.
pub fn run(listing: &Listing, command: Command) -> Result<Output, String> {
    let output = run_for(listing, command, TIME_LIMIT)?;
    if output.end == End::Hung {
        return Err(hung(listing));
    }
    Ok(output)
}

/// Runs `command` to its end, or kills it (its whole process group) after `limit`.
pub fn run_for(
    listing: &Listing,
    mut command: Command,
    limit: Duration,
) -> Result<Output, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("{}: cannot start: {err}", listing.id()))?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || read_all(&mut stdout));
    let err = thread::spawn(move || read_all(&mut stderr));
    let ended = wait_for(&mut child, limit);
    let (stdout, stderr) = (out.join().unwrap(), err.join().unwrap());
    let end = match ended {
        Some(Some(code)) => End::Code(code),
        Some(None) => End::Signal,
        None => End::Hung,
    };
    Ok(Output {
        stdout,
        stderr,
        end,
    })
}

/// Waits for the program to end; past `TIME_LIMIT`, kills its process group.
pub fn wait(listing: &Listing, child: &mut Child) -> Result<Option<i32>, String> {
    wait_for(child, TIME_LIMIT).ok_or_else(|| hung(listing))
}

/// What a listing that ran past `TIME_LIMIT` gets told.
fn hung(listing: &Listing) -> String {
    format!(
        "{}: still running after {TIME_LIMIT:?}, killed",
        relative(&listing.source())
    )
}

/// Waits for the program to end: `Some(its exit code)`, or `None` if it was still
/// running after `limit`, and its process group has been killed.
fn wait_for(child: &mut Child, limit: Duration) -> Option<Option<i32>> {
    if let Some(status) = child.wait_timeout(limit).unwrap() {
        return Some(status.code());
    }
    kill_group(child.id());
    child.wait().unwrap();
    None
}

/// Kills every process of the group that `leader` started (`command` gives each
/// listing a group of its own). A group that has ended already is left as it is.
pub fn kill_group(leader: u32) {
    if let Some(leader) = Pid::from_raw(leader as i32) {
        let _ = kill_process_group(leader, Signal::KILL);
    }
}

/// Kills one process, if it is still there.
pub fn kill(pid: u32) {
    if let Some(pid) = Pid::from_raw(pid as i32) {
        let _ = kill_process(pid, Signal::KILL);
    }
}

fn read_all(pipe: &mut impl Read) -> String {
    let mut text = String::new();
    pipe.read_to_string(&mut text).unwrap();
    text
}

/// The runs that must not share the machine with each other: those whose figures are
/// checked on the real clock (`RealTime`), and those that keep every core busy
/// (`CpuHeavy`). Runs of one group share the machine with each other and with any
/// other check; a run of one group waits while a run of the other goes on.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Group {
    RealTime,
    CpuHeavy,
}

/// The group running `listing` on `clock` belongs to, if any.
pub fn group(listing: &Listing, clock: Clock) -> Option<Group> {
    if listing.facts().cpu_heavy {
        Some(Group::CpuHeavy)
    } else if clock == Clock::Real && !listing.facts().measured {
        Some(Group::RealTime)
    } else {
        None
    }
}

/// How many runs of each group are going on: `[real time, CPU heavy]`.
static RUNNING: Mutex<[usize; 2]> = Mutex::new([0, 0]);
static ENDED: Condvar = Condvar::new();

/// The machine, held for a run of a group until dropped.
pub struct Turn(Option<Group>);

/// Waits until no run of the other group goes on, and holds the machine for `group`.
pub fn turn(group: Option<Group>) -> Turn {
    if let Some(group) = group {
        let (mine, other) = indices(group);
        let mut running = RUNNING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        while running[other] > 0 {
            running = ENDED
                .wait(running)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        running[mine] += 1;
    }
    Turn(group)
}

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(group) = self.0 {
            let mut running = RUNNING
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            running[indices(group).0] -= 1;
            ENDED.notify_all();
        }
    }
}

fn indices(group: Group) -> (usize, usize) {
    match group {
        Group::RealTime => (0, 1),
        Group::CpuHeavy => (1, 0),
    }
}

/// The listing program `name`, whichever chapter it is in: a program's name is
/// unique in the workspace, since cargo puts them all in one folder.
pub fn listing(name: &str) -> Listing {
    crate::common::listings()
        .into_iter()
        .find(|listing| listing.name == name)
        .unwrap_or_else(|| panic!("no listing program named {name}"))
}
