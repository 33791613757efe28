//! Pins the compiler's and clippy's messages for the code the book shows failing: a
//! check per file, named after it (`cargo test guard_in_match`).
//!
//! - Each `listings/<chapter>/mistakes/<name>.rs` must fail to compile with exactly
//!   the message in `<name>.stderr` beside it, which the book includes.
//! - Each `listings/<chapter>/lints/<name>.rs` compiles, but `cargo clippy -- -D
//!   warnings` rejects it with exactly the message in `<name>.stderr`, under the
//!   chapter's `clippy.toml`.
//!
//! Each has a fixed twin, `listings/<chapter>/src/bin/<name>_fixed.rs`: an ordinary
//! listing, whose output the book's checks compare (and CI's clippy keeps clean).
//!
//! trybuild builds these files with this package's dev-dependencies, which is why
//! they are only what the files use. For the lints it builds them as `cargo clippy`
//! would: with `clippy-driver` (found next to `cargo`) as the compiler wrapper, `-D
//! warnings` passed the way `cargo clippy` passes it, and the chapter's
//! `clippy.toml`.
//!
//! The messages belong to the toolchain pinned in `rust-toolchain.toml` (clippy's
//! link to that version's lint list), and to the dependencies' versions in
//! `Cargo.lock` where a message quotes them. When either moves, `BLESS=1 cargo test
//! -p async-rust-course` rewrites them; read the diff before committing, and the
//! pages that include them.

#[allow(dead_code)] // The book's checks use the rest.
#[path = "check/layout.rs"]
mod layout;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use layout::{TRYBUILD_RUSTFLAGS, bless, chapters, file_name, read_dir, relative};
use libtest_mimic::{Arguments, Trial};

/// trybuild builds one case at a time (it locks its project), and the environment it
/// reads must not change while it does: the checks take turns.
static TRYBUILD: Mutex<()> = Mutex::new(());

fn main() {
    let args = Arguments::from_args();
    let mut cases = Vec::new();
    for chapter in chapters() {
        for kind in [Kind::Mistake, Kind::Lint] {
            for file in read_dir(&chapter.join(kind.folder())) {
                if file.extension().is_some_and(|ext| ext == "rs") {
                    cases.push(Case {
                        chapter: chapter.clone(),
                        kind,
                        file,
                    });
                }
            }
        }
    }
    assert!(
        !cases.is_empty(),
        "no mistake found under listings/*/mistakes/"
    );

    // The cases this run checks, of each kind, are first compiled all at once: much
    // quicker than one by one. Only if that batch fails is each case compiled alone,
    // to tell which failed.
    let selected: Vec<Case> = cases
        .iter()
        .filter(|case| !args.is_filtered_out(&case.trial_stub()))
        .cloned()
        .collect();
    // Whether each batch passed (`Case::batch`).
    let batches: Arc<Mutex<HashMap<Batch, bool>>> = Arc::default();
    let trials = cases
        .into_iter()
        .map(|case| {
            let selected = selected.clone();
            let batches = Arc::clone(&batches);
            let name = case.name();
            let kind = case.kind;
            Trial::test(name, move || {
                let batch_passed =
                    *batches.lock().unwrap().entry(case.batch()).or_insert_with(
                        || {
                            let batch: Vec<&Case> = selected
                                .iter()
                                .filter(|other| other.batch() == case.batch())
                                .collect();
                            batch.len() > 1 && compile(&batch).is_ok()
                        },
                    );
                if batch_passed {
                    Ok(())
                } else {
                    compile(&[&case]).map_err(Into::into)
                }
            })
            .with_kind(kind.label())
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// Cases compiled together: their kind, and the chapter of lints (`Case::batch`).
type Batch = (Kind, Option<PathBuf>);

/// A file of code that must not build.
#[derive(Clone)]
struct Case {
    chapter: PathBuf,
    kind: Kind,
    file: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    /// `mistakes/`: rustc rejects it.
    Mistake,
    /// `lints/`: clippy rejects it.
    Lint,
}

impl Kind {
    fn folder(self) -> &'static str {
        match self {
            Kind::Mistake => "mistakes",
            Kind::Lint => "lints",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Mistake => "compiler message",
            Kind::Lint => "clippy message",
        }
    }
}

impl Case {
    /// `chapter/name`, as the checks are named.
    fn name(&self) -> String {
        format!("{}/{}", file_name(&self.chapter), stem(&self.file))
    }

    /// The cases compiled together with it: every mistake, or the lints of its
    /// chapter, which its `clippy.toml` applies to.
    fn batch(&self) -> Batch {
        match self.kind {
            Kind::Mistake => (Kind::Mistake, None),
            Kind::Lint => (Kind::Lint, Some(self.chapter.clone())),
        }
    }

    /// A trial of the same name and kind, for asking whether the run selects it.
    fn trial_stub(&self) -> Trial {
        Trial::test(self.name(), || Ok(())).with_kind(self.kind.label())
    }
}

fn stem(file: &Path) -> String {
    file.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Compiles the cases, all of one kind, and compares each one's messages with its
/// `.stderr`.
fn compile(cases: &[&Case]) -> Result<(), String> {
    for case in cases {
        let twin = case
            .chapter
            .join(format!("src/bin/{}_fixed.rs", stem(&case.file)));
        if !twin.exists() {
            return Err(format!(
                "{}: no fixed twin at {}",
                relative(&case.file),
                relative(&twin)
            ));
        }
    }
    let _turn = TRYBUILD
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // SAFETY: the checks that read these variables (trybuild's, through the cargo it
    // starts) take turns on `TRYBUILD`, and nothing else here reads them.
    unsafe {
        if bless() {
            std::env::set_var("TRYBUILD", "overwrite");
        }
        // trybuild checks the dependencies with its flags, then the cases with one
        // more (`--diagnostic-width=140`), and cargo keeps a copy of every dependency
        // per set of flags: a first run checked each twice (trybuild 1.0.122's
        // `src/cargo.rs`, `build_dependencies` and `build_all_tests`). This variable
        // outranks the flags trybuild gives cargo: both builds get all of them.
        std::env::set_var(
            "CARGO_ENCODED_RUSTFLAGS",
            TRYBUILD_RUSTFLAGS.join("\x1f"),
        );
        if cases[0].kind == Kind::Lint {
            // `cargo test` sets `CARGO` to the toolchain's own cargo, beside
            // clippy-driver.
            let cargo =
                PathBuf::from(std::env::var_os("CARGO").expect("run by cargo test"));
            let driver = cargo.with_file_name("clippy-driver");
            if !driver.exists() {
                return Err(format!(
                    "no clippy-driver at {}: `rustup component add clippy`",
                    driver.display()
                ));
            }
            std::env::set_var("RUSTC_WORKSPACE_WRAPPER", &driver);
            // What `cargo clippy -- -D warnings` hands the driver.
            std::env::set_var(
                "CLIPPY_ARGS",
                "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
            );
            // trybuild builds in target/tests/trybuild/: point clippy at the
            // chapter's own clippy.toml (a batch holds one chapter's cases).
            std::env::set_var("CLIPPY_CONF_DIR", &cases[0].chapter);
        } else {
            std::env::remove_var("RUSTC_WORKSPACE_WRAPPER");
            std::env::remove_var("CLIPPY_ARGS");
            std::env::remove_var("CLIPPY_CONF_DIR");
        }
    }
    // trybuild prints each diff on standard error, then panics if any case differs.
    std::panic::catch_unwind(|| {
        let trybuild = trybuild::TestCases::new();
        for case in cases {
            trybuild.compile_fail(&case.file);
        }
    })
    .map_err(|_| match cases {
        [case] => format!(
            "{}: the message differs (the diff is above)",
            relative(&case.file)
        ),
        _ => "some messages differ (the diffs are above)".to_string(),
    })
}
