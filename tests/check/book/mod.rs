//! Checks of the book itself, one concern a module:
//!
//! - `includes`: every `{{#include …}}` resolves to some text, and every listing,
//!   output, compiler message, timeline, test, benchmark, Python file and exercise's
//!   rejection message (`wrong/*.txt`) is included by a page, every Python file is
//!   run by `python/run.py` or says on its first line why not (`# Not run: <why>`),
//!   and a block include stands between blank lines;
//! - `blocks`: no Rust or Python is pasted into a page, a block with a Run button
//!   is a whole program, and a listing without one says why;
//! - `playground`: what each Run button sends to the Rust playground, read from the
//!   built book, compiles against the playground's crates;
//! - `commands`: every `cargo run -p … --bin …` shown names a listing;
//! - `exercise_pages`: each exercise ends its chapter's page, its solution hidden
//!   in `<details>`;
//! - `links`: every docs.rs, Rust and Python documentation link names the version
//!   the book uses, and every link into a crate's source names lines that exist;
//! - `build`: mdBook builds the book without a warning, and the built site's
//!   internal links and anchors resolve.
//!
//! The pages are read as Markdown by pulldown-cmark, with the extensions mdBook
//! turns on; the packages are described by `cargo metadata`; the book's settings are
//! those mdBook loads from `book.toml`.

mod blocks;
mod build;
mod commands;
mod exercise_pages;
mod includes;
mod links;
mod playground;

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser};

use crate::Check;
use crate::layout::{read_dir, relative, root};

/// The checks of the book, each named for what it makes sure of.
pub fn checks() -> Vec<Check> {
    // The two that read the site mdBook builds: that build, which they share, is the
    // longest single-threaded work of a run, so they start first, not last.
    let built_book: [CheckFn; 2] = [
        build::the_book_builds_without_a_warning_and_its_links_resolve,
        playground::every_run_button_sends_a_program_the_playground_builds,
    ];
    CHECKS
        .iter()
        .map(|&(name, check)| {
            let first = built_book
                .iter()
                .any(|&one| std::ptr::fn_addr_eq(one, check));
            Check::new("book", name, check).started_first(first)
        })
        .collect()
}

/// A check's function: what it found wrong, if anything.
type CheckFn = fn() -> Result<(), String>;

/// Each check of the book: its name, and the function that makes sure of it.
const CHECKS: &[(&str, CheckFn)] = &[
    (
        "every include resolves to some text",
        includes::every_include_resolves_to_some_text,
    ),
    (
        "every listing, output and message is included by a page",
        includes::every_listing_output_and_message_is_included,
    ),
    (
        "every block include stands between blank lines",
        includes::every_block_include_stands_between_blank_lines,
    ),
    (
        "every Python file is run by python/run.py or says why not",
        includes::every_python_file_runs_or_says_why,
    ),
    (
        "no Rust or Python is pasted into a page",
        blocks::no_code_is_pasted_into_a_page,
    ),
    (
        "every runnable block is a whole program, every other listing says why",
        blocks::every_runnable_block_is_a_whole_program_and_every_other_says_why,
    ),
    (
        "every Run button sends a program the playground builds",
        playground::every_run_button_sends_a_program_the_playground_builds,
    ),
    (
        "every command shown runs a listing that exists",
        commands::every_command_shown_runs_a_listing_that_exists,
    ),
    (
        "the book builds with mdBook without a warning and its links resolve",
        build::the_book_builds_without_a_warning_and_its_links_resolve,
    ),
    (
        "every cited source names the version the book uses",
        links::every_cited_source_names_the_pinned_version,
    ),
    (
        "the link rules reject a latest link and lines that do not exist",
        links::the_link_rules_reject_what_they_should,
    ),
    (
        "every exercise ends its chapter's page and hides its solution",
        exercise_pages::every_exercise_ends_its_chapter_and_hides_its_solution,
    ),
];

/// A Markdown file of the book (`src/*.md`), as written: before mdBook expands its
/// includes.
pub struct Page {
    pub path: PathBuf,
    pub text: String,
    /// Where each line starts, to turn an offset into a line number.
    line_starts: Vec<usize>,
}

impl Page {
    /// Every Markdown file of the book, `SUMMARY.md` too.
    pub fn all() -> Result<Vec<Page>, String> {
        let pages: Vec<Page> = read_dir(&root().join("src"))
            .into_iter()
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .map(Page::read)
            .collect::<Result<_, _>>()?;
        if pages.is_empty() {
            return Err("no Markdown file in src/".to_string());
        }
        Ok(pages)
    }

    pub fn read(path: PathBuf) -> Result<Page, String> {
        let text = fs::read_to_string(&path)
            .map_err(|err| format!("cannot read {}: {err}", relative(&path)))?;
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Ok(Page {
            path,
            text,
            line_starts,
        })
    }

    /// The page's name, `src/ch01-hello-world.md`, for messages.
    pub fn name(&self) -> String {
        relative(&self.path)
    }

    /// The number, from 1, of the line that holds this offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The text of line `number` (from 1), for messages.
    pub fn line_text(&self, number: usize) -> &str {
        self.text
            .lines()
            .nth(number.saturating_sub(1))
            .unwrap_or("")
    }

    /// `src/ch01-hello-world.md:12`, where this offset stands, for messages.
    pub fn place(&self, offset: usize) -> String {
        format!("{}:{}", self.name(), self.line(offset))
    }

    /// The folder its includes and links are relative to.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap()
    }

    /// The page's Markdown events, each with the range of the text it comes from,
    /// parsed with the extensions mdBook turns on (`mdbook-markdown`), less smart
    /// punctuation, which would turn a `--bin` written in prose into `–bin`.
    pub fn events(&self) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_DEFINITION_LIST
            | Options::ENABLE_GFM;
        Parser::new_ext(&self.text, options).into_offset_iter()
    }

    /// The page's `{{#include …}}` and `{{#rustdoc_include …}}` directives.
    pub fn includes(&self) -> Vec<includes::Include> {
        includes::find(self)
    }
}

/// Fails with the problems found, one a line, under a heading.
pub fn report(heading: &str, problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{heading}:\n{}", problems.join("\n")))
    }
}
