//! Checks of the book itself: every include resolves to something, every listing appears
//! in a chapter, no Rust code is pasted into a chapter, the commands shown exist, and
//! the book builds with mdBook 0.5.4 without a warning, and its internal links and anchors resolve.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use common::{Log, chapters, read_dir, relative, root};

/// An `{{#include ...}}` or `{{#rustdoc_include ...}}` in a chapter.
struct Include {
    /// The chapter and line it stands on, for messages.
    place: String,
    file: PathBuf,
    /// An anchor name, a line range such as `5` or `3:10`, or nothing.
    part: Option<String>,
}

/// Every Markdown file of the book.
fn chapter_files() -> Vec<PathBuf> {
    read_dir(&root().join("src"))
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect()
}

fn includes() -> Vec<Include> {
    let mut all = Vec::new();
    for page in chapter_files() {
        let text = fs::read_to_string(&page).unwrap();
        for (number, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(start) = rest.find("{{#") {
                let escaped = rest[..start].ends_with('\\');
                let directive = &rest[start + 3..];
                let end = directive.find("}}").unwrap_or(directive.len());
                rest = &directive[end..];
                let Some((kind, argument)) = directive[..end].trim().split_once(' ') else {
                    continue;
                };
                if escaped || !matches!(kind, "include" | "rustdoc_include") {
                    continue;
                }
                let (path, part) = match argument.trim().split_once(':') {
                    Some((path, part)) => (path, Some(part.to_string())),
                    None => (argument.trim(), None),
                };
                all.push(Include {
                    place: format!("{}:{}", relative(&page), number + 1),
                    file: page.parent().unwrap().join(path),
                    part,
                });
            }
        }
    }
    all
}

/// The lines an include takes from its file, as mdBook takes them.
fn included_lines(include: &Include) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(&include.file).map_err(|err| {
        format!(
            "{}: cannot read {}: {err}",
            include.place,
            include.file.display()
        )
    })?;
    let lines: Vec<String> = text.lines().map(String::from).collect();
    let Some(part) = &include.part else {
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
            .filter(|line| !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:"))
            .cloned()
            .collect()),
        _ => Err(format!(
            "{}: {} has no `ANCHOR: {part}` ... `ANCHOR_END: {part}` pair",
            include.place,
            relative(&include.file)
        )),
    }
}

#[test]
fn every_include_resolves_to_some_text() {
    let includes = includes();
    assert!(!includes.is_empty(), "the book includes nothing");
    let problems: Vec<String> = includes
        .iter()
        .filter_map(|include| match included_lines(include) {
            Err(problem) => Some(problem),
            Ok(lines) if lines.iter().all(|line| line.trim().is_empty()) => Some(format!(
                "{}: the include of {}{} is empty",
                include.place,
                relative(&include.file),
                include
                    .part
                    .as_ref()
                    .map_or(String::new(), |part| format!(":{part}"))
            )),
            Ok(_) => None,
        })
        .collect();
    assert!(
        problems.is_empty(),
        "broken includes:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_listing_output_and_message_is_in_a_chapter() {
    let included: BTreeSet<PathBuf> = includes()
        .iter()
        .filter_map(|include| include.file.canonicalize().ok())
        .collect();
    let mut shown = Vec::new();
    for chapter in chapters() {
        shown.extend(read_dir(&chapter.join("src/bin")));
        shown.extend(read_dir(&chapter.join("output")));
        shown.extend(read_dir(&chapter.join("mistakes")));
        shown.extend(read_dir(&chapter.join("lints")));
        shown.extend(read_dir(&chapter.join("measured")));
    }
    assert!(!shown.is_empty(), "no listing found");
    let missing: Vec<String> = shown
        .iter()
        .filter(|file| !included.contains(&file.canonicalize().unwrap()))
        .map(|file| relative(file))
        .collect();
    assert!(
        missing.is_empty(),
        "included by no chapter (include them, or delete them):\n{}",
        missing.join("\n")
    );
}

/// A fenced block of Rust must include its code from a listing. One that cannot (say, a
/// signature quoted for reading) needs `<!-- inline rust: <the reason> -->` on the line
/// before its fence.
#[test]
fn no_rust_is_pasted_into_a_chapter() {
    let mut pasted = Vec::new();
    for page in chapter_files() {
        let text = fs::read_to_string(&page).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index].trim_start();
            let Some(info) = line
                .strip_prefix("```")
                .or_else(|| line.strip_prefix("~~~"))
            else {
                index += 1;
                continue;
            };
            let fence = &line[..3];
            let language = info.split([',', ' ']).next().unwrap_or("");
            let body_end = (index + 1..lines.len())
                .find(|&end| lines[end].trim_start().starts_with(fence))
                .unwrap_or(lines.len());
            let body = &lines[index + 1..body_end];
            let includes = body
                .iter()
                .any(|line| line.contains("{{#include") || line.contains("{{#rustdoc_include"));
            let excused = index > 0
                && lines[index - 1]
                    .trim()
                    .strip_prefix("<!-- inline rust:")
                    .is_some_and(|reason| reason.trim_end_matches("-->").trim().len() > 3);
            if language == "rust" && !includes && !excused {
                pasted.push(format!("{}:{}", relative(&page), index + 1));
            }
            index = body_end + 1;
        }
    }
    assert!(
        pasted.is_empty(),
        "Rust written inline in a chapter; include it from a listing instead, or put \
         `<!-- inline rust: <reason> -->` on the line before:\n{}",
        pasted.join("\n")
    );
}

#[test]
fn every_command_shown_runs_a_listing_that_exists() {
    let mut commands = 0;
    let mut unknown = Vec::new();
    for page in chapter_files() {
        let text = fs::read_to_string(&page).unwrap();
        for (number, line) in text.lines().enumerate() {
            let Some((_, command)) = line.split_once("cargo run -p ") else {
                continue;
            };
            commands += 1;
            // `cargo run -p <package> [--features ...] --bin <listing>`, or no `--bin`.
            let words: Vec<&str> = command.split_whitespace().collect();
            let bin = words.iter().position(|word| *word == "--bin");
            let listing = match (words.first(), bin.and_then(|at| words.get(at + 1))) {
                (Some(package), Some(bin)) => {
                    let bin = bin.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
                    root().join(format!("listings/{package}/src/bin/{bin}.rs"))
                }
                // A package with one program: `cargo run -p quote-service -- --port 8000`.
                (Some(package), None) => root().join(format!("listings/{package}/src/main.rs")),
                _ => PathBuf::new(),
            };
            if !listing.is_file() {
                unknown.push(format!(
                    "{}:{}: {}",
                    relative(&page),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(commands > 0, "the book shows no command");
    assert!(
        unknown.is_empty(),
        "commands that run no listing:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_book_builds_with_mdbook_without_a_warning() {
    let out = tempfile::tempdir().unwrap();
    let mut book = mdbook_driver::MDBook::load(root()).expect("book.toml and SUMMARY.md load");
    book.config.build.build_dir = out.path().to_path_buf();

    // mdBook reports a broken include or link as a log event, not as an error: collect
    // every warning and error it logs while building.
    let log = Log::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_ansi(false)
        .with_writer(log.clone())
        .finish();
    let built = tracing::subscriber::with_default(subscriber, || book.build());
    built.expect("the book builds");
    let warnings = log.text();
    assert!(
        warnings.is_empty(),
        "mdBook warned while building:\n{warnings}"
    );

    for page in [
        "index.html",
        "ch01-hello-world.html",
        "ch02-futures.html",
        "print.html",
    ] {
        let html = fs::read_to_string(out.path().join(page))
            .unwrap_or_else(|err| panic!("{page} was not built: {err}"));
        assert!(
            !html.contains("{{#"),
            "{page} holds a directive mdBook did not expand"
        );
    }
    let broken = broken_links(out.path());
    assert!(
        broken.is_empty(),
        "broken links in the built book:\n{}",
        broken.join("\n")
    );

    let search_index = read_dir(out.path())
        .iter()
        .any(|file| common::file_name(file).starts_with("searchindex"));
    assert!(search_index, "no search index was built");
}

/// Every `href` of the built book's pages that points inside the book at a page that
/// does not exist, or at an anchor (`#id`) that the page does not have.
fn broken_links(site: &std::path::Path) -> Vec<String> {
    // `site-url = "/async-rust-course/"` in book.toml
    let config = fs::read_to_string(root().join("book.toml")).unwrap();
    let site_url = config
        .lines()
        .find_map(|line| line.strip_prefix("site-url = "))
        .expect("book.toml sets site-url")
        .trim_matches('"');
    let pages: Vec<PathBuf> = read_dir(site)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    let mut broken = Vec::new();
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        for link in attribute_values(&html, "href") {
            let external = link.contains("://") || link.starts_with("mailto:");
            if external || link.starts_with("javascript:") || link.is_empty() {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
            let target = if file.is_empty() {
                page.clone()
            } else if let Some(in_site) = file.strip_prefix(site_url) {
                // An absolute link, as the 404 page has: the site lives under `site-url`.
                site.join(in_site)
                    .join(if in_site.is_empty() { "index.html" } else { "" })
            } else {
                page.parent().unwrap().join(file)
            };
            let Ok(text) = fs::read_to_string(&target) else {
                if !target.exists() {
                    broken.push(format!(
                        "{}: {link} (no such file)",
                        common::file_name(page)
                    ));
                }
                continue;
            };
            let has_anchor =
                anchor.is_empty() || attribute_values(&text, "id").iter().any(|id| *id == anchor);
            if !has_anchor {
                broken.push(format!(
                    "{}: {link} (no such anchor)",
                    common::file_name(page)
                ));
            }
        }
    }
    broken
}

/// The values of every `name="..."` attribute in an HTML text.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let marker = format!(" {name}=\"");
    html.split(&marker)
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(value, _)| value.to_string()))
        .collect()
}
