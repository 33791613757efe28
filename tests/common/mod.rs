//! What the book's tests share: where things are, and which listings exist.
#![allow(dead_code)] // Each test file uses its own part of this module.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// The repository's root, which holds `book.toml` and `listings/`.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A listing program: `listings/<chapter>/src/bin/<name>.rs`.
pub struct Listing {
    pub chapter: String,
    pub name: String,
}

impl Listing {
    /// `chapter/name`, as the tests name a listing.
    pub fn id(&self) -> String {
        format!("{}/{}", self.chapter, self.name)
    }

    pub fn source(&self) -> PathBuf {
        root().join(format!(
            "listings/{}/src/bin/{}.rs",
            self.chapter, self.name
        ))
    }

    /// What the listing prints on standard output; the book includes this file.
    pub fn stdout_file(&self) -> PathBuf {
        root().join(format!(
            "listings/{}/output/{}.txt",
            self.chapter, self.name
        ))
    }

    /// What it prints on standard error, for the few listings that do.
    pub fn stderr_file(&self) -> PathBuf {
        root().join(format!(
            "listings/{}/output/{}.stderr.txt",
            self.chapter, self.name
        ))
    }
}

/// The chapter packages: the folders under `listings/` named `chNN-...`. (The others,
/// such as `support`, are crates the listings use.)
pub fn chapters() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = read_dir(&root().join("listings"))
        .into_iter()
        .filter(|dir| dir.is_dir() && file_name(dir).starts_with("ch"))
        .collect();
    dirs.sort();
    dirs
}

/// Every listing program of every chapter, in order.
pub fn listings() -> Vec<Listing> {
    let mut all = Vec::new();
    for chapter in chapters() {
        for file in read_dir(&chapter.join("src/bin")) {
            if file.extension().is_some_and(|ext| ext == "rs") {
                all.push(Listing {
                    chapter: file_name(&chapter),
                    name: file.file_stem().unwrap().to_string_lossy().into_owned(),
                });
            }
        }
    }
    all
}

/// The entries of a folder, sorted; none if it does not exist.
pub fn read_dir(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    paths
}

pub fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// A path relative to the root, for messages.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Set `BLESS=1` to rewrite the expected outputs and compiler messages from a fresh run.
pub fn bless() -> bool {
    std::env::var("BLESS").as_deref() == Ok("1")
}

/// A readable line diff between what a file holds and what a run printed.
pub fn diff(file: &Path, expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header(&relative(file), "this run")
        .to_string()
}

/// Builds every listing program, as `cargo run` would, and every benchmark.
pub fn build_listings() {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--workspace", "--bins", "--benches", "--quiet"])
        .current_dir(root())
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the listings do not build");
}

/// Where cargo put the programs: beside this test's own `deps/` folder.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().to_path_buf()
}

/// A `tracing` writer that keeps what it is given, for the tests that read what was logged.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<u8>>>);

impl Log {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Log {
    type Writer = Log;
    fn make_writer(&'a self) -> Log {
        self.clone()
    }
}

/// The `.rs` files in `chapter/<folder>` (`mistakes`, `lints`): code that must not
/// compile. Each must have its fixed twin, `src/bin/<name>_fixed.rs`, an ordinary listing.
pub fn must_not_compile(chapter: &Path, folder: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for file in read_dir(&chapter.join(folder)) {
        if file.extension().is_some_and(|ext| ext == "rs") {
            let name = file.file_stem().unwrap().to_string_lossy();
            let twin = chapter.join(format!("src/bin/{name}_fixed.rs"));
            assert!(
                twin.exists(),
                "{}: no fixed twin at {}",
                relative(&file),
                relative(&twin)
            );
            files.push(file);
        }
    }
    files
}
