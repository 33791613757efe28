//! Where things are: the book's folders and its listings. Shared by the book's
//! checks and by the compiler-message checks of the root package
//! (`tests/compiler_messages.rs`).

use std::fs;
use std::path::{Path, PathBuf};

/// The repository's root, which holds `book.toml` and `listings/`.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("book.toml").is_file())
        .expect("book.toml in a folder above this package")
}

/// Where trybuild builds the compiler-message cases: `target/tests/trybuild/`.
pub fn trybuild_target() -> PathBuf {
    root().join("target/tests/trybuild")
}

/// The flags trybuild 1.0.122 gives rustc (its `src/rustflags.rs`), with the one it
/// adds for the cases (`--diagnostic-width=140`). The compiler-message checks give
/// them to both of trybuild's builds, and the Run buttons' check to its own, in
/// `CARGO_ENCODED_RUSTFLAGS`, which outranks every other source of flags: so each
/// crate those builds share is checked once in `trybuild_target()`, where cargo keeps a
/// copy per set of flags.
pub const TRYBUILD_RUSTFLAGS: &[&str] = &[
    "--cfg",
    "trybuild",
    "--verbose",
    "-A",
    "dead_code",
    "--diagnostic-width=140",
];

/// A listing program: `listings/<chapter>/src/bin/<name>.rs`. Its chapter's folder
/// is also its package's name.
#[derive(Clone, Debug)]
pub struct Listing {
    pub chapter: String,
    pub name: String,
}

impl Listing {
    /// `chapter/name`, as the tests name a listing.
    pub fn id(&self) -> String {
        format!("{}/{}", self.chapter, self.name)
    }

    /// Its chapter's folder, `listings/<chapter>/`.
    pub fn dir(&self) -> PathBuf {
        root().join("listings").join(&self.chapter)
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

/// The chapter packages: the folders under `listings/` named `chNN-...`. (The
/// others, such as `support`, are crates the listings use.)
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
    let mut paths: Vec<PathBuf> =
        entries.map(|entry| entry.unwrap().path()).collect();
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

/// Set `BLESS=1` to rewrite the expected outputs and compiler messages from a fresh
/// run.
pub fn bless() -> bool {
    std::env::var("BLESS").as_deref() == Ok("1")
}
