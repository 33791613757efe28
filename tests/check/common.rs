//! What the book's checks share besides the layout: a readable diff, a writer that
//! keeps what is logged.

use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use crate::layout::*;

/// A readable line diff between what a file holds and what a run printed.
pub fn diff(file: &Path, expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .header(&relative(file), "this run")
        .to_string()
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
