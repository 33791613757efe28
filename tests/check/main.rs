//! Every check of the book, one test each: `cargo test` runs them all, and `cargo
//! test <part of a name>` runs the ones whose names hold it, such as `cargo test
//! ex01` for chapter 1's exercise. `cargo test -- --list` names them all.
//!
//! This is one test program (libtest-mimic) rather than one per file, so that every
//! check runs in parallel with the others and the listings are built once. What each
//! module checks:
//!
//! - `outputs`: each listing's whole output, against the file the book includes;
//! - `exercises`: an exercise's output as a reader's work (`cargo test ex01`), and
//!   each exercise's committed wrong version, which that check must reject;
//! - `timelines`: each timeline picture, against a fresh traced run;
//! - `http`, `subprocesses`, `shutdown`, `stdin`, `sockets`, `quote_service`: the
//!   claims of the chapters whose listings talk to servers, start processes, handle
//!   Ctrl-C or read stdin;
//! - `book`: the book itself (includes, code blocks, commands, exercises, the
//!   build);
//! - `quizzes`: each chapter's quiz, and each `Tracing` question's answer against
//!   a build and run of its program.
//!
//! This folder is a package of its own, `book-checks`. The compiler's and clippy's
//! messages are checked by the root package (`tests/compiler_messages.rs`), whose
//! small set of dependencies keeps trybuild's own build of them short.

mod book;
mod common;
mod exercises;
mod http;
mod layout;
mod model;
mod outputs;
mod quizzes;
mod runner;
mod shutdown;
mod stdin;
mod subprocesses;
mod timelines;

use libtest_mimic::{Arguments, Trial};

/// A check, and the packages whose programs it runs: if the run selects any such
/// check, the programs are built before the checks start; a run that selects none
/// (`cargo test -- book`, say) builds nothing.
pub struct Check {
    trial: Trial,
    runs: Vec<String>,
    group: Option<runner::Group>,
    first: bool,
}

impl Check {
    /// A check named `kind name`, which fails with the message it returns.
    pub fn new(
        kind: &str,
        name: impl Into<String>,
        check: impl FnOnce() -> Result<(), String> + Send + 'static,
    ) -> Check {
        let name = name.into();
        let label = format!("[{kind}] {name}");
        let timed = move || {
            let started = std::time::Instant::now();
            let result = check();
            // `CHECK_TIMES=1 cargo test` says where the time goes.
            if std::env::var_os("CHECK_TIMES").is_some() {
                eprintln!("{:8.3} s  {label}", started.elapsed().as_secs_f64());
            }
            result
        };
        Check {
            trial: Trial::test(name, move || timed().map_err(Into::into))
                .with_kind(kind),
            runs: Vec::new(),
            group: None,
            first: false,
        }
    }

    /// A check that fails by panicking, as an `assert!` does.
    pub fn asserting(kind: &str, name: impl Into<String>, check: fn()) -> Check {
        Check::new(kind, name, move || {
            check();
            Ok(())
        })
    }

    /// Declares that this check runs programs of these chapter packages.
    pub fn running(
        mut self,
        packages: impl IntoIterator<Item = impl Into<String>>,
    ) -> Check {
        self.runs.extend(packages.into_iter().map(Into::into));
        self
    }

    /// Declares the group its runs belong to (see `runner::Group`). The real-time
    /// checks start first, and the light ones use the cores while those wait on the
    /// clock; the CPU-heavy ones start last, once no real-time run is left to wait
    /// for.
    pub fn in_group(mut self, group: Option<runner::Group>) -> Check {
        self.group = group;
        self
    }

    /// Whether it starts before the others: one that takes seconds of one core,
    /// started among the last, would end alone.
    pub fn started_first(mut self, first: bool) -> Check {
        self.first = first;
        self
    }

    /// A check that runs only when asked for with `--ignored`.
    pub fn ignored(mut self) -> Check {
        self.trial = self.trial.with_ignored_flag(true);
        self
    }
}

/// Several checks of one kind, each a function that panics on failure:
/// `asserting!("outputs", a_test, another_test)`.
#[macro_export]
macro_rules! asserting {
    ($kind:expr, $($check:path),+ $(,)?) => {
        vec![$($crate::Check::asserting($kind, stringify!($check), $check)),+]
    };
}

fn main() {
    let mut args = Arguments::from_args();
    // Most checks wait on a program, a timer or a socket rather than the CPU: more
    // of them at once than there are cores keeps the machine busy.
    if args.test_threads.is_none() && std::env::var_os("RUST_TEST_THREADS").is_none()
    {
        args.test_threads = Some(16);
    }

    // The checks run as on a fresh machine, whatever this shell exports: the
    // listings start their own quote service, on the clock each check chooses.
    // (Removed before any thread starts, so nothing reads the environment
    // meanwhile.)
    for variable in ["QUOTES_URL", "PAUSE_CLOCK", "TIMELINE", "RUST_LOG"] {
        // SAFETY: no other thread runs yet.
        unsafe { std::env::remove_var(variable) };
    }

    let mut checks = Vec::new();
    checks.extend(outputs::checks());
    checks.extend(exercises::checks());
    checks.extend(timelines::checks());
    checks.extend(http::checks());
    checks.extend(subprocesses::checks());
    checks.extend(shutdown::checks());
    checks.extend(stdin::checks());
    checks.extend(book::checks());
    checks.extend(quizzes::checks());
    checks.extend(model::checks());

    checks.sort_by_key(|check| match check.group {
        _ if check.first => 0,
        Some(runner::Group::RealTime) => 1,
        None => 2,
        Some(runner::Group::CpuHeavy) => 3,
    });

    if !args.list {
        let selected: Vec<&Check> = checks
            .iter()
            .filter(|check| {
                !args.is_filtered_out(&check.trial) && !args.is_ignored(&check.trial)
            })
            .collect();
        let mut packages: Vec<&str> = selected
            .iter()
            .flat_map(|check| check.runs.iter().map(String::as_str))
            .collect();
        packages.sort_unstable();
        packages.dedup();
        runner::build(&packages);
    }

    let trials = checks.into_iter().map(|check| check.trial).collect();
    libtest_mimic::run(&args, trials).exit();
}
