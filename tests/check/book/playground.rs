//! What each Run button of the book sends to the Rust playground, and whether the
//! playground can build it.
//!
//! mdBook's Run button (`book.js` of mdBook 0.5.4, `run_rust_code`) posts the
//! `textContent` of its block's `<code>` to `https://play.rust-lang.org/evaluate.json`,
//! with the edition of the block's `edition2024` class: the lines a page hides (`# `
//! in a Rust block, every line outside the anchor of a `rustdoc_include`) are there,
//! without their `# `, and a block with no `fn main` has been wrapped in one
//! (`wrap_rust_main`, in mdbook-html). So this check builds the book with mdBook,
//! reads that text out of each built page, and type-checks every one as a program of
//! its own against only the crates the playground offers. It also writes what it
//! read to `target/playground-check/sent.json`, which the browser check
//! (`tests/browser/check.mjs`) compares with the request a Run button makes.
//!
//! The playground's crates: `compiler/base/Cargo.toml` of rust-lang/rust-playground
//! lists them (the most downloaded crates of crates.io, with every feature). The
//! newest copy the project could read, on 2026-12-07, is commit 42690cd, from early
//! 2023: tokio 1.24.1 (features `full` and `test-util`), tokio-util 0.7.4, futures
//! 0.3.25 and tracing 0.1.37, and not yet tracing-subscriber, which the playground
//! offers today and the listings' `init_logging` needs. The playground takes the
//! newest release of each crate when it regenerates that list, so the programs are
//! checked against the releases of this workspace's `Cargo.lock` (tokio 1.54.1 with
//! `test-util`, tokio-util 0.7.20, futures 0.3.34, tracing 0.1.44,
//! tracing-subscriber 0.3.23), and without `--cfg tokio_unstable`, which the
//! playground does not set. A listing that needs a feature the playground's copy
//! lacked (tokio-util's `rt`) says `noplayground`.
//!
//! The programs are checked in trybuild's folder, `target/tests/trybuild/`, with the
//! flags trybuild gives the compiler-message cases (`TRYBUILD_RUSTFLAGS`, in
//! `layout.rs`), so the crates both use are type-checked once, by whichever runs
//! first: on a first `cargo test`, the compiler-message checks, which run before this
//! one. Later runs check only the programs that changed, in one `cargo check`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer,
};

use super::{Page, report};
use crate::common::write_if_changed;
use crate::layout::{
    TRYBUILD_RUSTFLAGS, file_name, read_dir, relative, root, trybuild_target,
};

/// The crates a program sent to the playground may use, as this check gives them to
/// it: the playground's, at this workspace's versions (see the module's comment).
const PLAYGROUND_DEPENDENCIES: &str = r#"tokio = { version = "1", features = ["full", "test-util"] }
futures = "0.3"
tokio-util = { version = "0.7", default-features = false }
tracing = "0.1"
tracing-subscriber = { version = "0.3", default-features = false, features = ["fmt", "std"] }
"#;

/// Where the programs are written: a package apart from the workspace, whose
/// `--cfg tokio_unstable` the playground does not set.
fn folder() -> PathBuf {
    root().join("target/playground-check")
}

/// One Run button: the page it stands on, its place among the page's Run buttons,
/// and the code it sends.
struct Sent {
    page: String,
    index: usize,
    code: String,
}

impl Sent {
    /// The name of the program that holds it: `ch01_hello_world_2`.
    fn program(&self) -> String {
        let page = self.page.trim_end_matches(".html").replace(['-', '/'], "_");
        format!("{page}_{}", self.index + 1)
    }
}

pub fn every_run_button_sends_a_program_the_playground_builds() -> Result<(), String>
{
    let sent = run_buttons()?;
    if sent.is_empty() {
        return Err("no block of the book has a Run button".to_string());
    }
    let folder = folder();
    // Where trybuild checks the compiler-message cases, with trybuild's flags: the
    // crates both use are checked there once (the root package's `Cargo.toml` says
    // how their features are kept the same).
    let target = trybuild_target();
    if !target.join(env!("TARGET")).exists() {
        // A first run: say why this check takes a while, once.
        eprintln!(
            "book-checks: type-checking the {} programs the Run buttons send; the first \
             time, this checks the playground's crates into {} first",
            sent.len(),
            relative(&target)
        );
    }
    write_programs(&folder, &sent)?;
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--keep-going",
            "--bins",
            "--message-format=short",
            "--target",
            env!("TARGET"),
        ])
        .arg("--target-dir")
        .arg(&target)
        .current_dir(&folder)
        // This variable outranks the workspace's `--cfg tokio_unstable`
        // (`.cargo/config.toml`), which the playground does not set.
        .env("CARGO_ENCODED_RUSTFLAGS", TRYBUILD_RUSTFLAGS.join("\x1f"))
        .output()
        .map_err(|err| format!("cannot run cargo check: {err}"))?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let problems = errors_by_button(&folder, &sent, &stderr);
    if problems.is_empty() {
        return Err(format!("cargo check failed:\n{stderr}"));
    }
    report(
        "Run buttons whose code the playground cannot build (mark the block \
         `noplayground` and say why, or send what it lacks, hidden)",
        problems,
    )
}

/// Writes the package of the programs the Run buttons send, a binary each, against
/// the playground's crates, and `sent.json`: each page's programs, in order. A file
/// that holds its program already is left alone, so that cargo finds it checked.
fn write_programs(folder: &Path, sent: &[Sent]) -> Result<(), String> {
    let bin = folder.join("src/bin");
    fs::create_dir_all(&bin)
        .map_err(|err| format!("cannot create {bin:?}: {err}"))?;
    write_if_changed(
        &folder.join("Cargo.toml"),
        &format!(
            "# Written by tests/check/book/playground.rs: every program a Run button of the\n\
             # book sends, against the crates of the Rust playground.\n\
             [package]\nname = \"playground\"\nversion = \"0.0.1\"\nedition = \"2024\"\n\
             publish = false\n\n[workspace]\n\n[dependencies]\n{PLAYGROUND_DEPENDENCIES}"
        ),
    )?;
    // The workspace's lock file: the same releases, and nothing to download.
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    write_if_changed(&folder.join("Cargo.lock"), &lock)?;
    let programs: Vec<String> = sent
        .iter()
        .map(|one| format!("{}.rs", one.program()))
        .collect();
    for file in read_dir(&bin) {
        if !programs.contains(&file_name(&file)) {
            let _ = fs::remove_file(&file);
        }
    }
    let mut by_page: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (one, file) in sent.iter().zip(&programs) {
        write_if_changed(&bin.join(file), &one.code)?;
        by_page.entry(&one.page).or_default().push(&one.code);
    }
    let json =
        serde_json::to_string_pretty(&by_page).map_err(|err| err.to_string())?;
    fs::write(folder.join("sent.json"), json)
        .map_err(|err| format!("cannot write sent.json: {err}"))
}

/// The errors `cargo check` gave (its `stderr`), told by the Run button that sends
/// the program.
fn errors_by_button(folder: &Path, sent: &[Sent], stderr: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for one in sent {
        let file = format!("src/bin/{}.rs:", one.program());
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|line| line.starts_with(&file) && line.contains(": error"))
            .collect();
        if !errors.is_empty() {
            problems.push(format!(
                "{}, Run button {} ({}):\n  {}",
                one.page,
                one.index + 1,
                relative(&folder.join(format!("src/bin/{}.rs", one.program()))),
                errors.join("\n  ")
            ));
        }
    }
    problems
}

/// The Run buttons of the book, page after page, as mdBook builds them.
fn run_buttons() -> Result<Vec<Sent>, String> {
    let built = super::build::Built::once()?;
    let mut sent = Vec::new();
    for page in Page::all()? {
        let name = page
            .path
            .strip_prefix(root().join("src"))
            .map_err(|err| err.to_string())?
            .with_extension("html");
        if name == Path::new("SUMMARY.html") {
            continue;
        }
        let name = name.to_string_lossy().into_owned();
        let html = fs::read_to_string(built.dir.join(&name))
            .map_err(|err| format!("{name} was not built: {err}"))?;
        for (index, code) in playground_codes(&html).into_iter().enumerate() {
            sent.push(Sent {
                page: name.clone(),
                index,
                code,
            });
        }
    }
    Ok(sent)
}

/// The text of the `<code>` of each `<pre class="playground">` of a page, as the
/// browser's `textContent` gives it: every piece of text inside, tags dropped,
/// character references decoded.
fn playground_codes(html: &str) -> Vec<String> {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Codes::default(), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.state.into_inner().codes
}

#[derive(Default)]
struct CodesState {
    /// Inside a `<pre class="playground">`, not yet in its `<code>`.
    in_pre: bool,
    /// The text of the `<code>` being read.
    code: Option<String>,
    codes: Vec<String>,
}

#[derive(Default)]
struct Codes {
    state: std::cell::RefCell<CodesState>,
}

impl TokenSink for Codes {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            TagToken(tag) if tag.kind == StartTag => {
                let playground = tag.attrs.iter().any(|attribute| {
                    &*attribute.name.local == "class"
                        && attribute
                            .value
                            .split(' ')
                            .any(|class| class == "playground")
                });
                match &*tag.name {
                    "pre" if playground => state.in_pre = true,
                    "code" if state.in_pre && state.code.is_none() => {
                        state.code = Some(String::new());
                    }
                    "script" => {
                        return TokenSinkResult::RawData(RawKind::ScriptData);
                    }
                    "style" => return TokenSinkResult::RawData(RawKind::Rawtext),
                    "title" | "textarea" => {
                        return TokenSinkResult::RawData(RawKind::Rcdata);
                    }
                    _ => {}
                }
            }
            TagToken(tag) if tag.kind == EndTag && &*tag.name == "code" => {
                if let Some(code) = state.code.take() {
                    state.codes.push(code);
                    state.in_pre = false;
                }
            }
            CharacterTokens(text) => {
                if let Some(code) = state.code.as_mut() {
                    code.push_str(&text);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}
