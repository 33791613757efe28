//! The book's listings as their chapters declare them. Each chapter's `Cargo.toml`
//! says what is special about its listings, and which of them is its exercise:
//!
//! ```toml
//! [package.metadata.book.listings]
//! join_set = { measured = true, unordered = true, quote-client = { in-flight = 10 } }
//!
//! [package.metadata.book.exercises.ex08_count_authors]
//! wrong = ["count_authors"]
//! ```
//!
//! `cargo metadata` reads every manifest once, and this module turns what it says into
//! types (`Facts`, `Exercise`, `PythonRun`), for every check and for
//! `python/run.py`, which reads the same tables. A listing the table does not name
//! has the default facts: it runs on tokio's paused clock, exits with 0, and prints
//! exactly its expected output, in order.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use cargo_metadata::{Metadata, MetadataCommand, Package};
use serde::Deserialize;

use crate::Check;
use crate::common::{Listing, listings, relative, root};

/// Whether a run happens on tokio's paused clock or on the real one.
#[derive(Clone, Copy, PartialEq, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Clock {
    /// `PAUSE_CLOCK=1`: time jumps from timer to timer, and every figure is exact.
    Paused,
    /// As `cargo run` runs it.
    Real,
}

/// What is special about a listing: its entry in `[package.metadata.book.listings]`.
#[derive(Default, Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Facts {
    /// `real-time`: its point needs the real clock (a blocking call does not move the
    /// paused one, and a timeout around real I/O fires on it at once). Its text must
    /// match exactly and its figures within `outputs::TOLERANCE`.
    pub real_time: bool,
    /// `measured`: it measures (speed-ups, durations of CPU work), on the real clock:
    /// its text must match exactly, but each figure (`figure-units` in the root
    /// `Cargo.toml`) is free.
    pub measured: bool,
    /// `unordered`: its lines come in an order that depends on the network or the
    /// threads, and are compared as a set.
    pub unordered: bool,
    /// `exit-code`: it ends with this code, an error on purpose.
    pub exit_code: i32,
    /// `timeline`: the page draws its timeline from a run on this clock
    /// (`timelines.rs`).
    pub timeline: Option<Clock>,
    /// `quote-client`: a client of the quote service, which must fail in one line
    /// when the service does (`http.rs`).
    pub quote_client: Option<QuoteClient>,
    /// `starts-processes`: it starts programs, and must leave none running when it
    /// exits (`subprocesses.rs`).
    pub starts_processes: bool,
    /// `cpu-heavy`: it keeps every core busy for a while, so it never runs beside a
    /// real-time listing, whose figures it would upset.
    pub cpu_heavy: bool,
}

impl Facts {
    /// The clock its output is checked on.
    pub fn clock(&self) -> Clock {
        if self.real_time || self.measured {
            Clock::Real
        } else {
            Clock::Paused
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuoteClient {
    /// The most requests it may have in flight at once, if the check counts them.
    pub in_flight: Option<u64>,
}

/// An exercise: `[package.metadata.book.exercises.<its listing>]`.
#[derive(Debug)]
pub struct Exercise {
    pub listing: Listing,
    /// Its committed wrong versions, each `wrong/<name>.rs`, built as the example
    /// `wrong_<name>`.
    pub wrong: Vec<Wrong>,
    /// The names in its `warns` that are not among its wrong versions.
    pub warns_unknown: Vec<String>,
    /// A version still running after this long has hung.
    pub hang_limit: Duration,
}

/// A wrong version of an exercise, `listings/<chapter>/wrong/<name>.rs`.
#[derive(Clone, Debug)]
pub struct Wrong {
    pub exercise: Listing,
    pub name: String,
    /// The lint of rustc's warning that it must get, as a reader's code would: its
    /// mistake is one rustc sees (its header allows the lint, for clippy's sake).
    pub lint: Option<String>,
}

impl Wrong {
    pub fn source(&self) -> PathBuf {
        self.exercise.dir().join(format!("wrong/{}.rs", self.name))
    }

    /// The example cargo builds it as.
    pub fn example(&self) -> String {
        format!("wrong_{}", self.name)
    }

    /// The message the reader's check must reject it with.
    pub fn message_file(&self) -> PathBuf {
        self.source().with_extension("txt")
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ExerciseEntry {
    wrong: Vec<String>,
    /// A wrong version's lint, for those that rustc warns about: `warns = {
    /// sleep_not_awaited = "unused_must_use" }`.
    #[serde(default)]
    warns: BTreeMap<String, String>,
    /// Every solution ends in well under a second of real time, so 4 s is no timing
    /// claim, only how long a reader waits to hear that a version hung. A chapter
    /// whose wrong versions take seconds and still end says so.
    #[serde(default = "default_hang_limit")]
    hang_limit_seconds: u64,
}

fn default_hang_limit() -> u64 {
    4
}

/// A run of the workshop's Python: `[[package.metadata.book.python]]`, which
/// `python/run.py` runs (its `Run` says what each key means). Every key is named here,
/// so that a misspelt one fails `cargo test`; the checks read only `cells`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read by python/run.py.
pub struct PythonRun {
    name: String,
    pub cells: Vec<Cells>,
    #[serde(default)]
    pause: f64,
    #[serde(default)]
    unordered: bool,
    #[serde(default)]
    script: bool,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

/// The cells of one Python file that a run takes: all of them, or some (numbered
/// from 1).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Cells {
    All(String),
    Some {
        file: String,
        #[allow(dead_code)] // Read by python/run.py.
        cells: Vec<u32>,
    },
}

impl Cells {
    /// The file, relative to `python/`.
    pub fn file(&self) -> &str {
        match self {
            Cells::All(file) | Cells::Some { file, .. } => file,
        }
    }
}

/// A chapter package's `[package.metadata.book]`.
#[derive(Default, Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct BookTable {
    /// `checks-opt-level`: the listings' build for the checks compiles this package
    /// with this `opt-level`, except when blessing (`runner::build`).
    checks_opt_level: Option<u8>,
    listings: BTreeMap<String, Facts>,
    exercises: BTreeMap<String, ExerciseEntry>,
    python: Vec<PythonRun>,
    /// `python/run.py --measure`'s rows, which only it reads.
    measure: Vec<serde::de::IgnoredAny>,
}

/// A figure a measured output may change from run to run: a number followed by
/// `unit` (and by no letter or digit), worth `scale` seconds or bytes. The root
/// `Cargo.toml`'s `[workspace.metadata.book] figure-units`, which `python/run.py`
/// reads too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureUnit {
    pub unit: String,
    pub scale: f64,
}

#[derive(Default, Debug, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
struct WorkspaceTable {
    figure_units: Vec<FigureUnit>,
}

/// Everything the manifests say, read once.
pub struct Book {
    pub metadata: Metadata,
    chapters: BTreeMap<String, BookTable>,
    pub figure_units: Vec<FigureUnit>,
}

/// The facts of a listing that its chapter does not name.
static DEFAULT_FACTS: Facts = Facts {
    real_time: false,
    measured: false,
    unordered: false,
    exit_code: 0,
    timeline: None,
    quote_client: None,
    starts_processes: false,
    cpu_heavy: false,
};

/// The book's manifests, read by `cargo metadata` the first time a check asks.
pub fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| read().unwrap_or_else(|problem| panic!("{problem}")))
}

fn read() -> Result<Book, String> {
    let metadata = MetadataCommand::new()
        .cargo_path(env!("CARGO"))
        .current_dir(root())
        .no_deps()
        .other_options(vec!["--offline".to_string()])
        .exec()
        .map_err(|err| format!("`cargo metadata`: {err}"))?;
    let mut chapters = BTreeMap::new();
    for package in &metadata.packages {
        let table = &package.metadata["book"];
        if !table.is_null() {
            let parsed = BookTable::deserialize(table).map_err(|err| {
                format!("{}'s [package.metadata.book]: {err}", package.name)
            })?;
            chapters.insert(package.name.to_string(), parsed);
        }
    }
    let workspace =
        WorkspaceTable::deserialize(&metadata.workspace_metadata["book"]).map_err(
            |err| format!("the root Cargo.toml's [workspace.metadata.book]: {err}"),
        )?;
    Ok(Book {
        chapters,
        figure_units: workspace.figure_units,
        metadata,
    })
}

impl Book {
    /// How many programs the listings' build makes: every binary and example of the
    /// workspace's packages.
    pub fn program_count(&self) -> usize {
        let members = &self.metadata.workspace_members;
        self.metadata
            .packages
            .iter()
            .filter(|package| members.contains(&package.id))
            .flat_map(|package| &package.targets)
            .filter(|target| target.is_bin() || target.is_example())
            .count()
    }

    /// The packages that the checks build with optimizations, each with its
    /// `opt-level`.
    pub fn checks_opt_levels(&self) -> impl Iterator<Item = (&str, u8)> {
        self.chapters.iter().filter_map(|(chapter, table)| {
            Some((chapter.as_str(), table.checks_opt_level?))
        })
    }

    /// Whether every binary and example of the workspace is in `target/debug/`.
    pub fn programs_exist(&self) -> bool {
        let members = &self.metadata.workspace_members;
        let debug = crate::common::root().join("target/debug");
        self.metadata
            .packages
            .iter()
            .filter(|package| members.contains(&package.id))
            .flat_map(|package| &package.targets)
            .all(|target| {
                if target.is_bin() {
                    debug.join(&target.name).is_file()
                } else if target.is_example() {
                    debug.join("examples").join(&target.name).is_file()
                } else {
                    true
                }
            })
    }

    /// The workspace's packages: their names, manifests, targets and dependencies.
    pub fn packages(&self) -> &[Package] {
        &self.metadata.packages
    }

    /// Every exercise, in the order of the chapters.
    pub fn exercises(&self) -> Vec<Exercise> {
        let mut exercises = Vec::new();
        for (chapter, table) in &self.chapters {
            for (name, entry) in &table.exercises {
                let listing = Listing {
                    chapter: chapter.clone(),
                    name: name.clone(),
                };
                let wrong = entry.wrong.iter().map(|wrong| Wrong {
                    exercise: listing.clone(),
                    name: wrong.clone(),
                    lint: entry.warns.get(wrong).cloned(),
                });
                let unknown = entry
                    .warns
                    .keys()
                    .filter(|name| !entry.wrong.contains(name));
                exercises.push(Exercise {
                    warns_unknown: unknown.cloned().collect(),
                    wrong: wrong.collect(),
                    hang_limit: Duration::from_secs(entry.hang_limit_seconds),
                    listing,
                });
            }
        }
        exercises
    }

    /// Every run of the workshop's Python.
    pub fn python_runs(&self) -> impl Iterator<Item = &PythonRun> {
        self.chapters.values().flat_map(|table| &table.python)
    }
}

impl Listing {
    /// What its chapter's manifest says about it.
    pub fn facts(&self) -> &'static Facts {
        book()
            .chapters
            .get(&self.chapter)
            .and_then(|table| table.listings.get(&self.name))
            .unwrap_or(&DEFAULT_FACTS)
    }
}

/// The exercise whose listing this is, if it is one.
pub fn exercise(listing: &Listing) -> Option<Exercise> {
    book()
        .exercises()
        .into_iter()
        .find(|exercise| exercise.listing.id() == listing.id())
}

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "manifests",
            "every listing a manifest names exists",
            every_listing_named_exists,
        ),
        Check::new(
            "manifests",
            "every exercise is declared, with its wrong versions",
            every_exercise_is_declared,
        ),
    ]
}

fn every_listing_named_exists() -> Result<(), String> {
    let known: Vec<String> = listings().iter().map(Listing::id).collect();
    let unknown: Vec<String> = book()
        .chapters
        .iter()
        .flat_map(|(chapter, table)| {
            table
                .listings
                .keys()
                .map(move |name| format!("{chapter}/{name}"))
        })
        .filter(|id| !known.contains(id))
        .collect();
    crate::book::report(
        "[package.metadata.book.listings] names listings that do not exist \
         (src/bin/<name>.rs)",
        unknown,
    )
}

/// A listing named `exNN_<name>` is an exercise, declared as one in its chapter,
/// with wrong versions that exist and are built; and every `wrong/<name>.rs` is one
/// of them.
fn every_exercise_is_declared() -> Result<(), String> {
    let exercises = book().exercises();
    let mut problems = Vec::new();
    for listing in listings()
        .iter()
        .filter(|listing| looks_like_exercise(listing))
    {
        if !exercises
            .iter()
            .any(|exercise| exercise.listing.id() == listing.id())
        {
            problems.push(format!(
                "{}: an exercise's name, but no [package.metadata.book.exercises.{}]",
                relative(&listing.source()),
                listing.name
            ));
        }
    }
    for exercise in &exercises {
        problems.extend(wrong_version_problems(exercise));
    }
    problems.extend(undeclared_wrong_versions(&exercises));
    crate::book::report("exercises and their manifests", problems)
}

/// `exNN_<something>`.
fn looks_like_exercise(listing: &Listing) -> bool {
    listing.name.strip_prefix("ex").is_some_and(|rest| {
        rest.len() > 3
            && rest[..2].bytes().all(|b| b.is_ascii_digit())
            && &rest[2..3] == "_"
    })
}

/// What is wrong with an exercise's declaration: a listing or a wrong version that
/// does not exist, or a wrong version that is not built as its example.
fn wrong_version_problems(exercise: &Exercise) -> Vec<String> {
    let listing = &exercise.listing;
    let mut problems = Vec::new();
    if !listing.source().is_file() {
        problems.push(format!("{}: no such exercise", relative(&listing.source())));
    }
    if exercise.wrong.is_empty() {
        problems.push(format!("{}: no wrong version", listing.id()));
    }
    for name in &exercise.warns_unknown {
        problems.push(format!(
            "{}: `warns` names `{name}`, not one of its wrong versions",
            listing.id()
        ));
    }
    let package = book()
        .packages()
        .iter()
        .find(|package| package.name.as_str() == listing.chapter);
    for wrong in &exercise.wrong {
        let built = package.is_some_and(|package| {
            package.targets.iter().any(|target| {
                target.name == wrong.example()
                    && target.src_path.as_std_path() == wrong.source()
            })
        });
        if !built {
            problems.push(format!(
                "{}: not an [[example]] named `{}` in {}/Cargo.toml",
                relative(&wrong.source()),
                wrong.example(),
                listing.chapter
            ));
        }
    }
    problems
}

/// The files `listings/<chapter>/wrong/<name>.rs` that no exercise names.
fn undeclared_wrong_versions(exercises: &[Exercise]) -> Vec<String> {
    let declared: Vec<PathBuf> = exercises
        .iter()
        .flat_map(|exercise| exercise.wrong.iter().map(Wrong::source))
        .collect();
    crate::common::chapters()
        .iter()
        .flat_map(|chapter| crate::common::read_dir(&chapter.join("wrong")))
        .filter(|file| file.extension().is_some_and(|ext| ext == "rs"))
        .filter(|file| !declared.contains(file))
        .map(|file| {
            format!(
                "{}: no exercise names it among its wrong versions",
                relative(&file)
            )
        })
        .collect()
}
