//! Checks of the book itself: every include resolves to something, every listing appears
//! in a chapter, no Rust code is pasted into a chapter, the commands shown exist, and
//! the book builds with mdBook 0.5.4 without a warning, and its internal links and anchors resolve.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

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
        for (index, line) in text.lines().enumerate() {
            all.extend(includes_in(&page, index + 1, line));
        }
    }
    all
}

/// The includes on line `number` of a page.
fn includes_in(page: &Path, number: usize, line: &str) -> Vec<Include> {
    let mut all = Vec::new();
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
            place: format!("{}:{number}", relative(page)),
            file: page.parent().unwrap().join(path),
            part,
        });
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
        shown.extend(read_dir(&chapter.join("timelines")));
        // A chapter's own tests and benchmarks are listings too: a claim they prove is
        // shown on its page.
        shown.extend(read_dir(&chapter.join("tests")));
        shown.extend(read_dir(&chapter.join("benches")));
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

/// A fenced code block of a chapter.
struct Block {
    /// The chapter and the line of the opening fence, for messages.
    place: String,
    page: PathBuf,
    /// The line number of the opening fence.
    fence: usize,
    /// What follows the fence: `rust,noplayground`.
    info: String,
    lines: Vec<String>,
    /// The line before the fence.
    before: String,
}

impl Block {
    fn language(&self) -> &str {
        self.info.split([',', ' ']).next().unwrap_or("")
    }

    fn has(&self, attribute: &str) -> bool {
        self.info.split([',', ' ']).any(|word| word == attribute)
    }

    fn includes(&self) -> bool {
        self.lines
            .iter()
            .any(|line| line.contains("{{#include") || line.contains("{{#rustdoc_include"))
    }
}

fn code_blocks() -> Vec<Block> {
    let mut blocks = Vec::new();
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
            let body_end = (index + 1..lines.len())
                .find(|&end| lines[end].trim_start().starts_with(fence))
                .unwrap_or(lines.len());
            blocks.push(Block {
                place: format!("{}:{}", relative(&page), index + 1),
                page: page.clone(),
                fence: index + 1,
                info: info.trim().to_string(),
                lines: lines[index + 1..body_end]
                    .iter()
                    .map(|line| line.to_string())
                    .collect(),
                before: if index > 0 {
                    lines[index - 1].trim().to_string()
                } else {
                    String::new()
                },
            });
            index = body_end + 1;
        }
    }
    blocks
}

/// A fenced block of Rust must include its code from a listing. One that cannot (say, a
/// signature quoted for reading) needs `<!-- inline rust: <the reason> -->` on the line
/// before its fence.
#[test]
fn no_rust_is_pasted_into_a_chapter() {
    let pasted: Vec<String> = code_blocks()
        .into_iter()
        .filter(|block| block.language() == "rust" && !block.includes())
        // Excused: a reason of more than a few letters.
        .filter(|block| {
            block
                .before
                .strip_prefix("<!-- inline rust:")
                .is_none_or(|reason| reason.trim_end_matches("-->").trim().len() <= 3)
        })
        .map(|block| block.place)
        .collect();
    assert!(
        pasted.is_empty(),
        "Rust written inline in a chapter; include it from a listing instead, or put \
         `<!-- inline rust: <reason> -->` on the line before:\n{}",
        pasted.join("\n")
    );
}

/// The crates of the Rust playground that the listings use; a listing that needs any
/// other (the support crate, the quote service, a chapter's library) cannot run there.
const PLAYGROUND_CRATES: &[&str] = &["tokio", "futures", "tracing"];

/// A Rust block without `noplayground` gets mdBook's Run button, which sends the block's
/// code, hidden lines too, to the Rust playground. So it must be a whole program, from a
/// listing, that uses no crate the playground lacks. The others show the local command.
#[test]
fn every_runnable_block_is_a_whole_program_the_playground_can_build() {
    let mut runnable = 0;
    let mut problems = Vec::new();
    for block in code_blocks() {
        if block.language() != "rust" || block.has("noplayground") || !block.includes() {
            continue;
        }
        runnable += 1;
        let mut code = Vec::new();
        let mut files = Vec::new();
        for (index, line) in block.lines.iter().enumerate() {
            for include in includes_in(&block.page, block.fence + 1 + index, line) {
                files.push(include.file.clone());
                if line.contains("{{#rustdoc_include") {
                    // The whole file goes to the playground, the lines outside the
                    // anchor hidden.
                    let whole = Include {
                        part: None,
                        ..include
                    };
                    code.extend(included_lines(&whole).unwrap_or_default());
                } else {
                    let lines = included_lines(&include).unwrap_or_default();
                    let whole = Include {
                        part: None,
                        ..include
                    };
                    let file: Vec<String> = included_lines(&whole)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|line| !line.contains("ANCHOR"))
                        .collect();
                    if lines != file {
                        problems.push(format!(
                            "{}: shows part of {} only (use `rustdoc_include`, which sends \
                             the rest too, hidden)",
                            block.place,
                            relative(&whole.file)
                        ));
                    }
                    code.extend(lines);
                }
            }
        }
        let code = code.join("\n");
        if !code.contains("fn main(") {
            problems.push(format!(
                "{}: not a whole program (no `fn main`)",
                block.place
            ));
        }
        for krate in files
            .iter()
            .flat_map(|file| crates_off_the_playground(file))
        {
            if uses_crate(&code, &krate) {
                problems.push(format!(
                    "{}: uses `{krate}`, which the playground lacks (mark it `noplayground`)",
                    block.place
                ));
            }
        }
    }
    assert!(runnable > 0, "no listing can run on the playground");
    assert!(
        problems.is_empty(),
        "Rust blocks with a Run button that cannot run on the playground:\n{}",
        problems.join("\n")
    );
}

/// The crates a listing's package may use that the playground lacks: its dependencies
/// and dev-dependencies (less those of `PLAYGROUND_CRATES`), and the package's own
/// library if it has one.
fn crates_off_the_playground(listing: &Path) -> Vec<String> {
    let Some(package) = listing
        .ancestors()
        .find(|dir| dir.join("Cargo.toml").is_file())
    else {
        return Vec::new();
    };
    let manifest = fs::read_to_string(package.join("Cargo.toml")).unwrap();
    let mut crates = Vec::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]" || line == "[dev-dependencies]";
        } else if in_dependencies && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or("");
            crates.push(name.replace('-', "_"));
        }
    }
    if package.join("src/lib.rs").is_file() {
        crates.push(common::file_name(package).replace('-', "_"));
    }
    crates.retain(|krate| !PLAYGROUND_CRATES.contains(&krate.as_str()));
    crates
}

/// Whether the code names `krate` as the first segment of a path or in a `use`.
fn uses_crate(code: &str, krate: &str) -> bool {
    code.match_indices(&format!("{krate}::"))
        .any(|(at, _)| !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'))
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

/// Chapters 1 to 16 each end with an exercise: its last section, `## Exercise: …`, shows
/// the starter of `src/bin/exNN_<name>.rs` (code with a `todo!()` for the reader) and
/// hides the solution, from the same file, in `<details>`. The file is an ordinary
/// listing, so `cargo test` runs the solution and checks what it prints.
#[test]
fn chapters_1_to_16_end_with_an_exercise_and_hide_its_solution() {
    let mut problems = Vec::new();
    for number in 1..=16 {
        let prefix = format!("ch{number:02}-");
        let Some(page) = chapter_files()
            .into_iter()
            .find(|page| common::file_name(page).starts_with(&prefix))
        else {
            problems.push(format!("no chapter {prefix}*.md"));
            continue;
        };
        let text = fs::read_to_string(&page).unwrap();
        let place = relative(&page);
        let Some(last) = text
            .rsplit("\n## ")
            .next()
            .filter(|_| text.contains("\n## "))
        else {
            problems.push(format!("{place}: no section"));
            continue;
        };
        if !last.starts_with("Exercise: ") {
            problems.push(format!("{place}: the last section is not `## Exercise: …`"));
            continue;
        }
        let exercise = format!("/src/bin/ex{number:02}_");
        let include_of = |anchor: &str| {
            last.lines().position(|line| {
                line.contains("{{#include")
                    && line.contains(&exercise)
                    && line.ends_with(&format!(":{anchor}}}}}"))
            })
        };
        let lines: Vec<&str> = last.lines().collect();
        let (Some(starter), Some(solution)) = (include_of("starter"), include_of("solution"))
        else {
            problems.push(format!(
                "{place}: the exercise does not include the `starter` and `solution` of an \
                 `ex{number:02}_*.rs` listing"
            ));
            continue;
        };
        let opened = lines[..solution]
            .iter()
            .rposition(|line| line.trim() == "<details>");
        let closed = lines[solution..]
            .iter()
            .position(|line| line.trim() == "</details>");
        if opened.is_none_or(|at| at < starter) || closed.is_none() {
            problems.push(format!("{place}: the solution is not inside `<details>`"));
        }
        let file = page.parent().unwrap().join(
            lines[starter]
                .split("{{#include ")
                .nth(1)
                .and_then(|rest| rest.split(':').next())
                .unwrap_or(""),
        );
        let part = |anchor: &str| {
            included_lines(&Include {
                place: place.clone(),
                file: file.clone(),
                part: Some(anchor.to_string()),
            })
            .unwrap_or_default()
            .join("\n")
        };
        if !part("starter").contains("todo!(") {
            problems.push(format!(
                "{place}: the starter has no `todo!()` for the reader"
            ));
        }
        if part("solution").contains("todo!(") || part("solution").trim().is_empty() {
            problems.push(format!("{place}: the solution is empty or unfinished"));
        }
    }
    assert!(
        problems.is_empty(),
        "exercises out of shape:\n{}",
        problems.join("\n")
    );
}
