//! Every `cargo run -p <package> --bin <listing>` the book shows, in a code block,
//! in inline code or in prose, runs a program that exists: a package of the
//! workspace, as `cargo metadata` describes it, and one of its programs.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, TextMergeWithOffset};

use super::{Page, report};
use crate::model::book;

/// A package's programs, and the one `cargo run` picks when no `--bin` names one.
struct Programs {
    bins: Vec<String>,
    default_run: Option<String>,
}

pub fn every_command_shown_runs_a_listing_that_exists() -> Result<(), String> {
    let programs: BTreeMap<String, Programs> = book()
        .packages()
        .iter()
        .map(|package| {
            let bins = package
                .targets
                .iter()
                .filter(|target| target.is_bin())
                .map(|target| target.name.clone())
                .collect();
            let default_run = package.default_run.clone();
            (package.name.to_string(), Programs { bins, default_run })
        })
        .collect();

    let mut commands = 0;
    let mut unknown = Vec::new();
    for page in Page::all()? {
        // Merged, so that prose the parser splits (at a `_`, say) reads whole.
        for (event, range) in TextMergeWithOffset::new(page.events()) {
            let (Event::Text(text)
            | Event::Code(text)
            | Event::Html(text)
            | Event::InlineHtml(text)) = event
            else {
                continue;
            };
            for (index, line) in text.lines().enumerate() {
                let Some((_, command)) = line.split_once("cargo run -p ") else {
                    continue;
                };
                commands += 1;
                if let Err(problem) = check(&programs, command) {
                    let number = page.line(range.start) + index;
                    unknown.push(format!(
                        "{}:{number}: {} ({problem})",
                        page.name(),
                        page.line_text(number).trim()
                    ));
                }
            }
        }
    }
    if commands == 0 {
        return Err("the book shows no `cargo run -p` command".to_string());
    }
    report("commands that run no listing", unknown)
}

/// Whether `<package> [--features …] --bin <listing> …` names a program that exists,
/// or `<package> …` a package with one program.
fn check(
    programs: &BTreeMap<String, Programs>,
    command: &str,
) -> Result<(), String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    let package = words.first().ok_or("no package")?;
    let found = programs
        .get(*package)
        .ok_or_else(|| format!("no package `{package}` in the workspace"))?;
    let bin = words.iter().position(|word| *word == "--bin");
    match bin.map(|at| words.get(at + 1)) {
        Some(Some(bin)) => {
            // Less what follows the name in prose: a full stop, a closing quote.
            let bin =
                bin.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
            if found.bins.iter().any(|name| name == bin) {
                Ok(())
            } else {
                Err(format!("`{package}` has no program `{bin}`"))
            }
        }
        Some(None) => Err("`--bin` names no program".to_string()),
        // A package with one program: `cargo run -p quote-service -- --port 8000`.
        None if found.bins.len() == 1 || found.default_run.is_some() => Ok(()),
        None => Err(format!(
            "`{package}` has {} programs: name one with `--bin`",
            found.bins.len()
        )),
    }
}
