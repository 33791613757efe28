//! Every link to a source the book cites points at the version the book uses:
//!
//! - a docs.rs link names the version of that crate in `Cargo.lock` (never `latest`);
//!   a crate the book does not depend on may be linked at its front page without a
//!   version, but a deeper link names one;
//! - a link into a crate's source on docs.rs (`docs.rs/<crate>/<v>/src/…` or
//!   `docs.rs/crate/<crate>/<v>/source/…`) names a file that exists in that version,
//!   and lines that exist in that file, read from the local cargo registry;
//! - a link to the Rust documentation names the toolchain of `rust-toolchain.toml`
//!   (`doc.rust-lang.org/1.95.0/…`), and a link to Python's documentation names the
//!   CPython of `.python-version` (`docs.python.org/3.11/…`);
//! - a link to a file on GitHub names a tag or a commit, not a branch that moves.
//!
//! When a dependency moves, the links that name its old version fail here, each with
//! the sentence that cites it: the claims to read again.
//!
//! A crate whose source cargo has not downloaded (one that `cargo test` does not
//! build, such as chapter 13's optional `console-subscriber`) is checked where its
//! source is present, and must be present on CI, where `.ci/run` fetches every crate
//! of `Cargo.lock` first.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::report;
use crate::layout::{read_dir, relative, root};

/// The versions the book pins: every crate of `Cargo.lock`, the Rust toolchain and
/// the CPython.
pub struct Pins {
    crates: BTreeMap<String, Vec<String>>,
    rust: String,
    python: String,
}

/// Where a problem was found: the file and line, and the text of that line.
struct Place<'a> {
    name: String,
    line: usize,
    text: &'a str,
}

pub fn every_cited_source_names_the_pinned_version() -> Result<(), String> {
    let pins = Pins::read()?;
    let registry = Registry::find();
    let mut problems = Vec::new();
    for file in cited_files() {
        let text = fs::read_to_string(&file)
            .map_err(|err| format!("cannot read {}: {err}", relative(&file)))?;
        for (index, line) in text.lines().enumerate() {
            for url in urls(line) {
                if let Err(problem) = pins.check(url, &registry) {
                    let place = Place {
                        name: relative(&file),
                        line: index + 1,
                        text: line.trim(),
                    };
                    problems.push(format!(
                        "{}:{}: {problem}\n    read the claim again: {}",
                        place.name, place.line, place.text
                    ));
                }
            }
        }
    }
    report("links that do not name the version the book uses", problems)
}

/// The rules themselves reject what they are for: a `latest` link, a version that
/// is not the locked one, a line range past the end of a file, a file that does not
/// exist, unversioned Rust and Python documentation, a branch on GitHub.
pub fn the_link_rules_reject_what_they_should() -> Result<(), String> {
    let locked = Pins::read()?;
    let tokio = locked
        .crates
        .get("tokio")
        .and_then(|versions| versions.first())
        .ok_or("Cargo.lock has no tokio")?
        .clone();
    let pins = Pins {
        crates: BTreeMap::from([("tokio".to_string(), vec![tokio.clone()])]),
        rust: "1.95.0".to_string(),
        python: "3.11".to_string(),
    };
    let registry = Registry::find();
    let lines = registry
        .source("tokio", &tokio)
        .and_then(|dir| fs::read_to_string(dir.join("src/lib.rs")).ok())
        .map(|text| text.lines().count())
        .ok_or(format!(
            "the check needs tokio {tokio}'s source in the cargo registry"
        ))?;
    let docs = format!("https://docs.rs/tokio/{tokio}");
    let rejected = [
        "https://docs.rs/tokio/latest/tokio/task/fn.spawn.html".to_string(),
        "https://docs.rs/tokio/1.0.0/tokio/task/fn.spawn.html".to_string(),
        "https://docs.rs/tokio".to_string(),
        "https://docs.rs/smol/latest/smol/".to_string(),
        "https://docs.rs/smol/smol/fn.block_on.html".to_string(),
        format!("{docs}/src/tokio/lib.rs.html#{lines}-{}", lines + 1),
        format!("{docs}/src/tokio/no_such_file.rs.html"),
        format!("https://docs.rs/crate/tokio/{tokio}/source/src/lib.rs#L0"),
        "https://doc.rust-lang.org/std/pin/index.html".to_string(),
        "https://docs.python.org/3/library/asyncio.html".to_string(),
        "https://github.com/tokio-rs/tokio/blob/master/tokio/src/lib.rs".to_string(),
    ];
    let accepted = [
        format!("{docs}/tokio/task/fn.spawn.html"),
        "https://docs.rs/smol".to_string(),
        "https://docs.rs/smol/2.0.2/smol/fn.block_on.html".to_string(),
        format!("{docs}/src/tokio/lib.rs.html#1-{lines}"),
        format!("https://docs.rs/crate/tokio/{tokio}/source/src/lib.rs#L1-3"),
        "https://doc.rust-lang.org/1.95.0/std/pin/index.html".to_string(),
        "https://docs.python.org/3.11/library/asyncio.html".to_string(),
        "https://github.com/tokio-rs/tokio/blob/tokio-1.54.1/tokio/src/lib.rs"
            .to_string(),
        "https://github.com/tokio-rs/tokio/pull/5223".to_string(),
    ];
    let mut problems = Vec::new();
    for url in &rejected {
        if pins.check(url, &registry).is_ok() {
            problems.push(format!("accepted {url}"));
        }
    }
    for url in &accepted {
        if let Err(problem) = pins.check(url, &registry) {
            problems.push(format!("rejected {url}: {problem}"));
        }
    }
    report("the link rules are wrong", problems)
}

/// The files whose links a reader follows: the pages, and the listings and Python
/// they include (with their manifests).
fn cited_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (dir, extensions) in [
        ("src", &["md"][..]),
        // The exercises' messages (`wrong/*.txt`) cite docs too.
        ("listings", &["rs", "toml", "txt"][..]),
        ("python", &["py"][..]),
    ] {
        walk(&root().join(dir), extensions, &mut files);
    }
    files
}

fn walk(dir: &Path, extensions: &[&str], files: &mut Vec<PathBuf>) {
    for path in read_dir(dir) {
        if path.is_dir() {
            if !path.ends_with("target") {
                walk(&path, extensions, files);
            }
        } else if path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| extensions.contains(&ext))
        {
            files.push(path);
        }
    }
}

/// The `http(s)://…` addresses in a line, up to the first character that cannot be
/// part of one in Markdown or a comment.
fn urls(line: &str) -> impl Iterator<Item = &str> {
    line.match_indices("http").filter_map(move |(at, _)| {
        let rest = &line[at..];
        if !(rest.starts_with("https://") || rest.starts_with("http://")) {
            return None;
        }
        let end = rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\'' | '`')
            })
            .unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches(['.', ',', ';', ':']))
    })
}

impl Pins {
    fn read() -> Result<Pins, String> {
        let read = |name: &str| {
            fs::read_to_string(root().join(name))
                .map_err(|err| format!("cannot read {name}: {err}"))
        };
        let lock: toml::Table = read("Cargo.lock")?
            .parse()
            .map_err(|err| format!("Cargo.lock: {err}"))?;
        let mut crates: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for package in lock["package"].as_array().into_iter().flatten() {
            if let (Some(name), Some(version)) = (
                package.get("name").and_then(|v| v.as_str()),
                package.get("version").and_then(|v| v.as_str()),
            ) {
                crates
                    .entry(name.to_string())
                    .or_default()
                    .push(version.to_string());
            }
        }
        let toolchain: toml::Table = read("rust-toolchain.toml")?
            .parse()
            .map_err(|err| format!("rust-toolchain.toml: {err}"))?;
        let rust = toolchain["toolchain"]["channel"]
            .as_str()
            .ok_or("rust-toolchain.toml names no channel")?
            .to_string();
        // `.python-version` says 3.11 or 3.11.7; the documentation is per minor version.
        let python = read(".python-version")?
            .trim()
            .split('.')
            .take(2)
            .collect::<Vec<_>>()
            .join(".");
        Ok(Pins {
            crates,
            rust,
            python,
        })
    }

    /// Whether one address names the versions the book uses.
    fn check(&self, url: &str, registry: &Registry) -> Result<(), String> {
        let Some((host, path)) = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .and_then(|rest| rest.split_once('/').or(Some((rest, ""))))
        else {
            return Ok(());
        };
        let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
        let segments: Vec<&str> =
            path.split('/').filter(|s| !s.is_empty()).collect();
        match host {
            "docs.rs" => self.docs_rs(&segments, fragment, registry),
            "doc.rust-lang.org" => expect_first(&segments, &self.rust, "Rust"),
            "docs.python.org" => expect_first(&segments, &self.python, "CPython"),
            "github.com" => match segments.as_slice() {
                [_, _, "blob" | "tree", "master" | "main" | "HEAD", ..] => {
                    Err(format!(
                        "{url} names a branch, which moves: name a tag or a commit"
                    ))
                }
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn docs_rs(
        &self,
        segments: &[&str],
        fragment: &str,
        registry: &Registry,
    ) -> Result<(), String> {
        match segments {
            // The crate's source as docs.rs shows it: any file of the package.
            ["crate", name, version, "source", file @ ..] if !file.is_empty() => {
                self.crate_version(name, version, true)?;
                let file = file.join("/");
                registry.lines(
                    name,
                    version,
                    &file,
                    fragment.trim_start_matches('L'),
                )
            }
            ["crate", name, rest @ ..] => self.crate_version(
                name,
                rest.first().copied().unwrap_or(""),
                !rest.is_empty(),
            ),
            // rustdoc's page of a source file: `src/<crate_ident>/<path>.rs.html`.
            [name, version, "src", _ident, file @ ..] if !file.is_empty() => {
                self.crate_version(name, version, true)?;
                let file = format!("src/{}", file.join("/"));
                let file = file.strip_suffix(".html").unwrap_or(&file);
                registry.lines(name, version, file, fragment)
            }
            [name] => self.crate_version(name, "", false),
            [name, version, ..] => self.crate_version(name, version, true),
            [] => Ok(()),
        }
    }

    /// `version` is the locked one for a crate of `Cargo.lock`; for another crate,
    /// it is a version (not `latest`), or absent from a link to its front page.
    fn crate_version(
        &self,
        name: &str,
        version: &str,
        deep: bool,
    ) -> Result<(), String> {
        let locked = self
            .crates
            .get(name)
            .or_else(|| self.crates.get(&name.replace('_', "-")));
        match locked {
            Some(versions) if versions.iter().any(|v| v == version) => Ok(()),
            Some(versions) => Err(format!(
                "docs.rs link to {name} names `{version}`, where Cargo.lock has {}",
                versions.join(" and ")
            )),
            None if version == "latest" => Err(format!(
                "docs.rs link to {name} says `latest`: name the version the claim was \
                 checked against"
            )),
            None if version.is_empty() && !deep => Ok(()),
            None if version.starts_with(|c: char| c.is_ascii_digit()) => Ok(()),
            None => Err(format!(
                "docs.rs link into {name} names no version: name the one the claim was \
                 checked against"
            )),
        }
    }
}

/// The first segment of a documentation path is the pinned version.
fn expect_first(segments: &[&str], version: &str, what: &str) -> Result<(), String> {
    match segments.first() {
        Some(first) if *first == version => Ok(()),
        first => Err(format!(
            "a link to the {what} documentation starts with `/{}/`, not `/{version}/`, \
             the version the book uses",
            first.unwrap_or(&"")
        )),
    }
}

/// The local cargo registry's unpacked sources (`$CARGO_HOME/registry/src/*/`).
struct Registry {
    indexes: Vec<PathBuf>,
}

impl Registry {
    fn find() -> Registry {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::home_dir().map(|home| home.join(".cargo")));
        let indexes = home
            .map(|home| read_dir(&home.join("registry").join("src")))
            .unwrap_or_default();
        Registry { indexes }
    }

    /// The folder of a crate's source at a version, if cargo has downloaded it.
    fn source(&self, name: &str, version: &str) -> Option<PathBuf> {
        self.indexes
            .iter()
            .map(|index| index.join(format!("{name}-{version}")))
            .find(|dir| dir.is_dir())
    }

    /// The file exists in that version of the crate, and so do the lines that
    /// `range` names (`12` or `12-20`, or nothing).
    fn lines(
        &self,
        name: &str,
        version: &str,
        file: &str,
        range: &str,
    ) -> Result<(), String> {
        let Some(dir) = self.source(name, version) else {
            return if std::env::var_os("CI").is_some() {
                Err(format!(
                    "{name} {version}'s source is not in the cargo registry: \
                     `cargo fetch --locked` downloads it"
                ))
            } else {
                Ok(())
            };
        };
        let text = fs::read_to_string(dir.join(file))
            .map_err(|_| format!("{name} {version} has no file {file}"))?;
        if range.is_empty() {
            return Ok(());
        }
        let count = text.lines().count();
        let (first, last) = range.split_once('-').unwrap_or((range, range));
        let number = |n: &str| n.trim_start_matches('L').parse::<usize>().ok();
        match (number(first), number(last)) {
            (Some(first), Some(last))
                if 1 <= first && first <= last && last <= count =>
            {
                Ok(())
            }
            _ => Err(format!(
                "{name} {version}'s {file} has {count} lines: there are no lines {range}"
            )),
        }
    }
}
