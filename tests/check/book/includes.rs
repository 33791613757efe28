//! mdBook's `{{#include …}}` directives: found in one place (`find`), resolved as
//! mdBook resolves them, and checked: each gives some text, and every file the book
//! is meant to show is included by some page.
//!
//! The directives are mdBook's, not Markdown: mdBook finds them in a page's text
//! before it parses the Markdown, and so does `find`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use super::{Page, report};
use crate::layout::{chapters, read_dir, relative, root};

/// An `{{#include file}}`, `{{#include file:part}}` or `{{#rustdoc_include …}}` of a
/// page.
#[derive(Clone, Debug)]
pub struct Include {
    /// The page and line it stands on, for messages: `src/ch01-hello-world.md:12`.
    pub place: String,
    /// Where it starts in the page.
    pub offset: usize,
    /// `rustdoc_include`: the whole file goes to the playground, the lines outside
    /// the part hidden.
    pub rustdoc: bool,
    pub file: PathBuf,
    /// An anchor name, a line range such as `5` or `3:10`, or nothing.
    pub part: Option<String>,
}

/// The includes of a page, as mdBook finds them: `{{#include path}}` with any spaces
/// after the braces, and none escaped as `\{{#include …}}`.
pub fn find(page: &Page) -> Vec<Include> {
    let text = page.text.as_str();
    let mut all = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        from = start + 2;
        if text[..start].ends_with('\\') && text[start..].starts_with("{{#") {
            // mdBook shows an escaped directive as it is, up to the line's last
            // `}}`.
            let line_end = text[start..]
                .find('\n')
                .map_or(text.len(), |end| start + end);
            if let Some(close) = text[start..line_end].rfind("}}") {
                from = start + close + 2;
            }
            continue;
        }
        // `{{ #include path:part }}`: a name, spaces, then anything but `}` up to
        // `}}`.
        let Some(directive) = text[from..].trim_start().strip_prefix('#') else {
            continue;
        };
        let name_end = directive
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(directive.len());
        let (name, rest) = directive.split_at(name_end);
        let Some(argument) = rest.find('}').map(|end| &rest[..end]) else {
            continue;
        };
        let closed = rest[argument.len()..].starts_with("}}");
        let rustdoc = match name {
            "include" => false,
            "rustdoc_include" => true,
            _ => continue,
        };
        if !closed || !argument.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(path) = argument.split_whitespace().next() else {
            continue;
        };
        let (path, part) = match path.split_once(':') {
            Some((path, part)) => (path, Some(part.to_string())),
            None => (path, None),
        };
        all.push(Include {
            place: page.place(start),
            offset: start,
            rustdoc,
            file: lexical(&page.dir().join(path)),
            part,
        });
    }
    all
}

/// The path without its `..`s (`src/../listings/x.rs` is `listings/x.rs`), for
/// messages and comparisons, whether or not it exists.
fn lexical(path: &Path) -> PathBuf {
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir if clean.file_name().is_some() => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

impl Include {
    /// The same file, whole.
    pub fn whole(&self) -> Include {
        Include {
            part: None,
            ..self.clone()
        }
    }

    /// `listings/…/x.rs:main`, as the directive names it, for messages.
    pub fn target(&self) -> String {
        let part = self
            .part
            .as_ref()
            .map_or(String::new(), |part| format!(":{part}"));
        format!("{}{part}", relative(&self.file))
    }

    /// The lines the include takes from its file, as mdBook takes them: a range of
    /// lines (`3:10`, `5`, `:10`, `3:`), the lines between `ANCHOR: part` and
    /// `ANCHOR_END: part` less any anchor line, or the whole file.
    pub fn lines(&self) -> Result<Vec<String>, String> {
        let text = fs::read_to_string(&self.file).map_err(|err| {
            format!(
                "{}: cannot read {}: {err}",
                self.place,
                relative(&self.file)
            )
        })?;
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let Some(part) = &self.part else {
            return Ok(lines);
        };
        if part.starts_with(|c: char| c.is_ascii_digit() || c == ':') {
            let (first, last) = part.split_once(':').unwrap_or((part, part));
            let first: usize = first.parse().unwrap_or(1);
            let last: usize = last.parse().unwrap_or(lines.len());
            return Ok(lines
                .get(first.saturating_sub(1)..last.min(lines.len()))
                .unwrap_or_default()
                .to_vec());
        }
        let is_marker = |line: &str, marker: &str| {
            line.split_once(marker)
                .is_some_and(|(_, name)| name.trim() == part)
        };
        let start = lines.iter().position(|line| is_marker(line, "ANCHOR:"));
        let end = lines.iter().position(|line| is_marker(line, "ANCHOR_END:"));
        match (start, end) {
            (Some(start), Some(end)) if start < end => Ok(lines[start + 1..end]
                .iter()
                .filter(|line| {
                    !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:")
                })
                .cloned()
                .collect()),
            _ => Err(format!(
                "{}: {} has no `ANCHOR: {part}` ... `ANCHOR_END: {part}` pair",
                self.place,
                relative(&self.file)
            )),
        }
    }
}

/// Every include of every page.
fn all() -> Result<Vec<Include>, String> {
    Ok(Page::all()?.iter().flat_map(Page::includes).collect())
}

pub fn every_include_resolves_to_some_text() -> Result<(), String> {
    let includes = all()?;
    if includes.is_empty() {
        return Err("the book includes nothing".to_string());
    }
    let problems = includes
        .iter()
        .filter_map(|include| match include.lines() {
            // A `rustdoc_include` puts the whole file into the block, the lines outside
            // its part hidden: a part that holds nothing hides the whole file (the
            // support module a Run button sends ahead of a listing).
            Ok(_) if include.rustdoc => match include.whole().lines() {
                Ok(lines) if lines.iter().all(|line| line.trim().is_empty()) => {
                    Some(format!("{}: {} is empty", include.place, include.target()))
                }
                Ok(_) => None,
                Err(problem) => Some(problem),
            },
            Err(problem) => Some(problem),
            Ok(lines) if lines.iter().all(|line| line.trim().is_empty()) => {
                Some(format!(
                    "{}: the include of {} is empty",
                    include.place,
                    include.target()
                ))
            }
            Ok(_) => None,
        })
        .collect();
    report("broken includes", problems)
}

/// An include on a line of its own, outside a code block, puts a block into the
/// page: a timeline, a table. Markdown needs a blank line before and after it, or
/// the paragraph next to it runs into the block and renders as bare text.
pub fn every_block_include_stands_between_blank_lines() -> Result<(), String> {
    let mut problems = Vec::new();
    for page in Page::all()? {
        let lines: Vec<&str> = page.text.lines().collect();
        let mut in_code = false;
        for (index, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            let alone = line.trim();
            if in_code || !(alone.starts_with("{{#") && alone.ends_with("}}")) {
                continue;
            }
            let blank =
                |at: Option<&&str>| at.is_none_or(|text| text.trim().is_empty());
            let before = index.checked_sub(1).and_then(|at| lines.get(at));
            if !blank(before) || !blank(lines.get(index + 1)) {
                problems.push(format!(
                    "{}:{}: `{alone}` needs a blank line before and after it",
                    relative(&page.path),
                    index + 1
                ));
            }
        }
    }
    report("block includes without blank lines around them", problems)
}

/// What a chapter's package holds for the book to show: its listings, what they
/// print, its compiler and clippy messages, its measured figures and timelines, and
/// its own tests and benchmarks (a claim they prove is shown on its page).
const SHOWN: &[&str] = &[
    "src/bin",
    "output",
    "mistakes",
    "lints",
    "measured",
    "timelines",
    "tests",
    "benches",
];

pub fn every_listing_output_and_message_is_included() -> Result<(), String> {
    let included: BTreeSet<PathBuf> = all()?
        .iter()
        .filter_map(|include| include.file.canonicalize().ok())
        .collect();
    let mut shown: Vec<PathBuf> = chapters()
        .iter()
        .flat_map(|chapter| {
            SHOWN.iter().flat_map(|dir| read_dir(&chapter.join(dir)))
        })
        .collect();
    // What an exercise's check says to its wrong version (the wrong version itself
    // is not shown).
    shown.extend(chapters().iter().flat_map(|chapter| {
        read_dir(&chapter.join("wrong"))
            .into_iter()
            .filter(|file| file.extension().is_some_and(|ext| ext == "txt"))
    }));
    // The workshop's Python, a folder a chapter, laid out like `listings/`. Its
    // saved outputs (`output/`) and measured tables (`measured/`) are shown where
    // the text needs them, not all.
    shown.extend(python_files());
    if shown.is_empty() {
        return Err("no listing found".to_string());
    }
    let missing = shown
        .iter()
        .filter(|file| {
            file.canonicalize()
                .is_ok_and(|file| !included.contains(&file))
        })
        .map(|file| relative(file))
        .collect();
    report(
        "included by no page (include them, or delete them)",
        missing,
    )
}

/// The Python files of the book: `python/<chapter>/<name>.py`.
fn python_files() -> Vec<PathBuf> {
    read_dir(&root().join("python"))
        .iter()
        .flat_map(|chapter| read_dir(chapter))
        .filter(|file| file.extension().is_some_and(|ext| ext == "py"))
        .collect()
}

/// The first line of a Python file that `python/run.py` does not run.
const NOT_RUN: &str = "# Not run: ";

/// Every Python file is run by `python/run.py` (a cell of a run its chapter's
/// `Cargo.toml` declares, `[[package.metadata.book.python]]`), or says on its first
/// line why not; and every file a run names exists. `cargo test` reads the
/// manifests; it does not run Python.
pub fn every_python_file_runs_or_says_why() -> Result<(), String> {
    let files = python_files();
    if files.is_empty() {
        return Err("no Python file found in python/".to_string());
    }
    let run: Vec<PathBuf> = crate::model::book()
        .python_runs()
        .flat_map(|run| &run.cells)
        .map(|cells| root().join("python").join(cells.file()))
        .collect();
    let mut problems: Vec<String> = run
        .iter()
        .filter(|file| !files.contains(file))
        .map(|file| {
            format!(
                "{}: a Python run names it, and it does not exist",
                relative(file)
            )
        })
        .collect();
    for file in &files {
        let text = fs::read_to_string(file)
            .map_err(|err| format!("{}: {err}", relative(file)))?;
        let reason = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix(NOT_RUN))
            .map(str::trim);
        match (run.contains(file), reason) {
            (false, None) => problems.push(format!(
                "{}: no Python run names it (`[[package.metadata.book.python]]` in its \
                 chapter's Cargo.toml), and its first line does not say `{NOT_RUN}<why>`",
                relative(file)
            )),
            (false, Some("")) => {
                problems.push(format!("{}: not run, but no reason given", relative(file)))
            }
            (true, Some(_)) => problems.push(format!(
                "{}: a Python run names it, yet its first line says it is not run",
                relative(file)
            )),
            _ => {}
        }
    }
    report("Python files neither run nor marked as not run", problems)
}
