//! What the book's checks share besides the layout: a readable diff, a writer that
//! keeps what is logged, a file written only when it changes.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::{fs, io};

pub use crate::layout::*;

/// A readable line diff between what a file holds and what a run printed.
pub fn diff(file: &Path, expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header(&relative(file), "this run")
        .to_string()
}

/// Writes `text` to `path` unless the file holds it already: a file that cargo
/// builds keeps its time, and cargo finds its program built.
pub fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).map_err(|err| format!("{}: {err}", relative(path)))?;
    }
    Ok(())
}

/// A `tracing` writer that keeps what it is given, for the tests that read what was
/// logged.
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

/// The paths, sizes and modification times of every file of the repository but what
/// is built from it (`target/`, `book/`, `.git/`, `node_modules/`). A change anywhere
/// (a listing, an output, a page, `Cargo.lock`, this program's own source) gives
/// another fingerprint: the book's build and the listings' build are redone only then.
pub fn tree_fingerprint() -> u64 {
    use std::hash::{Hash, Hasher};
    fn walk(dir: &Path, hasher: &mut std::hash::DefaultHasher) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|entry| entry.file_name());
        let top = dir == root();
        for entry in entries {
            let path = entry.path();
            let Ok(metadata) = entry.metadata() else {
                continue;
            };
            if metadata.is_dir() {
                let name = entry.file_name();
                let built = (top && (name == "target" || name == "book"))
                    || name == ".git"
                    || name == "node_modules";
                if !built {
                    walk(&path, hasher);
                }
            } else {
                path.hash(hasher);
                metadata.len().hash(hasher);
                metadata.modified().ok().hash(hasher);
            }
        }
    }
    let mut hasher = std::hash::DefaultHasher::new();
    walk(root(), &mut hasher);
    hasher.finish()
}
