//! The chapters' quizzes: `listings/<chapter>/quiz.toml`, shown by mdbook-quiz where
//! the chapter's page says `{{#quiz ../listings/<chapter>/quiz.toml}}`.
//!
//! One check makes sure every chapter (every folder `listings/chNN-…`) has a quiz of
//! at least five questions, two of them `Tracing`, placed just before the chapter's
//! exercise (or at the page's end, when the chapter has none). Then a check per question, `ch01-hello-world/quiz/3` for the third of
//! chapter 1: its explanation (`context`) links to a heading of the book; for a
//! `Tracing` question, its program builds (with the workspace's tokio, futures,
//! tokio-util, tokio-stream, tracing and tracing-subscriber, at the versions of
//! `Cargo.lock`), runs, and prints exactly the answer's `stdout`, with no compiler
//! warning but those its context names (by the lint's name); or it does not build, and
//! the explanation names the reason rustc gives (its error code, or its message when
//! the error has none).
//!
//! Every program is built in one `cargo build --keep-going` of one generated package,
//! `target/quiz/`, into the workspace's `target/`, where the dependencies are already
//! built with the same features and flags. The programs the answers say compile are
//! modules of one binary, `quizzes`, which runs the one its argument names: one crate
//! loads tokio's metadata and is linked once, where a binary each took about six times
//! as long to build. Each program the answers say does not compile is a binary of its
//! own, so that its error stops no other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use pulldown_cmark::{Event, Tag, TagEnd};
use serde::Deserialize;

use crate::Check;
use crate::book::{Page, report};
use crate::common::write_if_changed;
use crate::layout::{Listing, chapters, file_name, read_dir, relative, root};
use crate::runner::{self, End};

const KIND: &str = "quiz";

/// A quiz program that runs longer than this has hung.
const TIME_LIMIT: Duration = Duration::from_secs(10);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quiz {
    questions: Vec<Question>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Question {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    prompt: toml::Table,
    answer: toml::Table,
    context: Option<String>,
}

/// A question of a chapter's quiz: `ch01-hello-world`, its number from 1.
#[derive(Clone)]
struct Numbered {
    chapter: String,
    number: usize,
    question: Question,
}

impl Numbered {
    fn name(&self) -> String {
        format!("{}/quiz/{}", self.chapter, self.number)
    }

    /// The name of its program's binary in the generated package.
    fn bin(&self) -> String {
        format!("quiz_{}_{}", &self.chapter[..4], self.number)
    }

    fn program(&self) -> Option<&str> {
        self.question.prompt.get("program")?.as_str()
    }

    fn does_compile(&self) -> Option<bool> {
        self.question.answer.get("doesCompile")?.as_bool()
    }

    fn stdout(&self) -> Option<&str> {
        self.question.answer.get("stdout")?.as_str()
    }
}

fn quiz_file(chapter: &Path) -> PathBuf {
    chapter.join("quiz.toml")
}

/// Every question of every quiz file, or what is wrong with a file that does not parse.
fn questions() -> Result<Vec<Numbered>, String> {
    let mut all = Vec::new();
    for chapter in chapters() {
        let file = quiz_file(&chapter);
        if !file.is_file() {
            continue;
        }
        let text = fs::read_to_string(&file)
            .map_err(|err| format!("{}: {err}", relative(&file)))?;
        let quiz: Quiz = toml::from_str(&text)
            .map_err(|err| format!("{}: {err}", relative(&file)))?;
        for (index, question) in quiz.questions.into_iter().enumerate() {
            all.push(Numbered {
                chapter: file_name(&chapter),
                number: index + 1,
                question,
            });
        }
    }
    Ok(all)
}

pub fn checks() -> Vec<Check> {
    let mut checks = vec![Check::new(
        KIND,
        format!(
            "every chapter from {} has a quiz before its exercise",
            chapter_span()
        ),
        every_chapter_has_a_quiz,
    )];
    match questions() {
        Ok(questions) => {
            for question in questions {
                let name = question.name();
                checks.push(Check::new(KIND, name, move || check(&question)));
            }
        }
        Err(problem) => {
            checks.push(Check::new(KIND, "the quiz files parse", move || {
                Err(problem)
            }))
        }
    }
    checks
}

/// The chapters' numbers, first to last, as their folders `listings/chNN-…` give
/// them: `1 to 20`.
fn chapter_span() -> String {
    let numbers: Vec<u32> = chapters()
        .iter()
        .filter_map(|dir| file_name(dir).get(2..4)?.parse().ok())
        .collect();
    match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) => format!("{first} to {last}"),
        _ => "none".to_string(),
    }
}

/// Every chapter (a folder `listings/chNN-…`) has a quiz of at least five questions,
/// two of them `Tracing`, that its page shows just before its exercise, or at its end
/// when it has none; and every question has an id of its own.
fn every_chapter_has_a_quiz() -> Result<(), String> {
    let pages = Page::all()?;
    let questions = questions()?;
    let mut problems = ids_missing_or_used_twice(&questions);
    for chapter in chapters() {
        if let Err(problem) = has_a_quiz(&chapter, &questions) {
            problems.push(problem);
        }
        if let Err(problem) = shows_its_quiz_in_place(&chapter, &pages) {
            problems.push(problem);
        }
    }
    report("quizzes missing or out of place", problems)
}

fn ids_missing_or_used_twice(questions: &[Numbered]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for question in questions {
        match &question.question.id {
            Some(id) if ids.insert(id.clone()) => {}
            Some(id) => {
                problems.push(format!("{}: id {id} is used twice", question.name()))
            }
            // mdbook-quiz would write one into the file at every build.
            None => problems.push(format!("{}: no id", question.name())),
        }
    }
    problems
}

/// The chapter's quiz has at least five questions, two of them `Tracing`.
fn has_a_quiz(chapter: &Path, questions: &[Numbered]) -> Result<(), String> {
    let name = file_name(chapter);
    let ours: Vec<&Numbered> =
        questions.iter().filter(|q| q.chapter == name).collect();
    let tracing = ours.iter().filter(|q| q.question.kind == "Tracing").count();
    if ours.len() < 5 || tracing < 2 {
        return Err(format!(
            "{}: {} questions, {tracing} of them Tracing (at least 5 and 2)",
            relative(&quiz_file(chapter)),
            ours.len()
        ));
    }
    Ok(())
}

/// The chapter's page shows its quiz just before its exercise, or at its end when
/// the chapter has no exercise.
fn shows_its_quiz_in_place(chapter: &Path, pages: &[Page]) -> Result<(), String> {
    let name = file_name(chapter);
    let page = pages
        .iter()
        .find(|page| file_name(&page.path) == format!("{name}.md"))
        .ok_or_else(|| format!("no page src/{name}.md"))?;
    let directive = format!("{{{{#quiz ../listings/{name}/quiz.toml}}}}");
    let at = page
        .text
        .find(&directive)
        .ok_or_else(|| format!("{}: no `{directive}`", page.name()))?;
    let after = page.text[at + directive.len()..].trim();
    let (placed, wanted) = if has_an_exercise(chapter) {
        (
            after.starts_with("## Exercise"),
            "just before `## Exercise`",
        )
    } else {
        (after.is_empty(), "at the end of the page")
    };
    if !placed {
        return Err(format!("{}: the quiz is not {wanted}", page.place(at)));
    }
    Ok(())
}

/// Whether the chapter has an exercise: a listing `src/bin/exNN_<name>.rs`.
fn has_an_exercise(chapter: &Path) -> bool {
    read_dir(&chapter.join("src/bin")).iter().any(|file| {
        let name = file_name(file);
        name.starts_with("ex")
            && name.get(2..4).is_some_and(|n| n.parse::<u32>().is_ok())
    })
}

/// The ids of a page's headings, as mdBook makes them.
fn anchors(page: &str) -> Result<&'static BTreeSet<String>, String> {
    static ALL: OnceLock<Result<BTreeMap<String, BTreeSet<String>>, String>> =
        OnceLock::new();
    let all = ALL
        .get_or_init(|| {
            let mut all = BTreeMap::new();
            for page in Page::all()? {
                let mut ids = BTreeSet::new();
                let mut heading: Option<String> = None;
                for (event, _) in page.events() {
                    match event {
                        Event::Start(Tag::Heading { .. }) => {
                            heading = Some(String::new())
                        }
                        Event::Text(text) | Event::Code(text) => {
                            if let Some(heading) = &mut heading {
                                heading.push_str(&text);
                            }
                        }
                        Event::End(TagEnd::Heading(_)) => {
                            if let Some(text) = heading.take() {
                                ids.insert(id_from_content(&text));
                            }
                        }
                        _ => {}
                    }
                }
                all.insert(file_name(&page.path).replace(".md", ".html"), ids);
            }
            Ok(all)
        })
        .as_ref()
        .map_err(Clone::clone)?;
    all.get(page).ok_or_else(|| format!("no page {page}"))
}

/// mdBook's id for a heading (`mdbook-html`'s `id_from_content`).
fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch)
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// The explanation links to a heading, of its own chapter (`#id`) or another
/// (`chNN-….html#id`), and every link it has resolves.
fn check_context(question: &Numbered) -> Result<(), String> {
    let context = question
        .question
        .context
        .as_deref()
        .ok_or("no `context` explaining the answer")?;
    let mut links = 0;
    for (at, _) in context.match_indices("](") {
        let rest = &context[at + 2..];
        let Some(end) = rest.find(')') else { continue };
        let link = &rest[..end];
        if link.contains("://") {
            continue;
        }
        let (page, anchor) = link
            .split_once('#')
            .ok_or_else(|| format!("link `{link}` names no heading"))?;
        let page = if page.is_empty() {
            format!("{}.html", question.chapter)
        } else {
            page.to_string()
        };
        if !anchors(&page)?.contains(anchor) {
            return Err(format!("link `{link}`: {page} has no heading #{anchor}"));
        }
        links += 1;
    }
    if links == 0 {
        return Err("the context links to no heading of the book".to_string());
    }
    Ok(())
}

fn check(question: &Numbered) -> Result<(), String> {
    let name = question.name();
    check_context(question).map_err(|problem| format!("{name}: {problem}"))?;
    match question.question.kind.as_str() {
        "Tracing" => {
            check_tracing(question).map_err(|problem| format!("{name}: {problem}"))
        }
        "MultipleChoice" | "ShortAnswer" => Ok(()),
        other => Err(format!("{name}: unknown question type {other}")),
    }
}

/// The binary of the programs that compile, each a module.
const MERGED: &str = "quizzes";

/// What building the quiz programs gave.
#[derive(Default)]
struct Built {
    /// Each binary built, by its name.
    executables: BTreeMap<String, PathBuf>,
    /// The errors and warnings rustc gave, by the program they are about (its
    /// binary's name, `quiz_ch01_3`), or `MERGED` for the few about the `quizzes`
    /// binary itself: their codes, messages and whole text.
    diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    /// The programs of the `quizzes` binary that rustc gave an error.
    merged_errors: BTreeSet<String>,
}

struct Diagnostic {
    level: String,
    code: Option<String>,
    message: String,
    rendered: String,
}

/// Builds every quiz program once, whichever check asks first.
fn built() -> Result<&'static Built, String> {
    static BUILT: OnceLock<Result<Built, String>> = OnceLock::new();
    BUILT.get_or_init(build).as_ref().map_err(Clone::clone)
}

/// The dependencies a quiz program may use, with the features the listings' build
/// gives them (tokio-util's `rt`, tracing-subscriber's `env-filter`), then crates no
/// program uses, named only to give the crates below them the features they have in
/// the listings' build. Cargo builds a crate again for every other set of features
/// (or of its dependencies'), so without them this package built tokio, futures and
/// tracing again, 17 crates; with them, none (`regex`, there for regex-automata's
/// features, is one of `cargo test`'s). (Found by comparing, crate by crate,
/// `RUSTC_BOOTSTRAP=1 cargo build --unit-graph -Z unstable-options` here and in the
/// workspace, with `--workspace --bins --examples`.)
const DEPENDENCIES: &str = r#"
futures = "0.3"
tokio = { version = "1.54", features = ["full", "test-util"] }
tokio-stream = "0.1"
tokio-util = { version = "0.7.18", default-features = false, features = ["rt"] }
tracing = "0.1"
tracing-subscriber = { version = "0.3", default-features = false, features = ["env-filter", "fmt", "std"] }

futures-channel = "0.3"
futures-util = "0.3"
regex = "1"
smallvec = { version = "1", features = ["const_generics", "const_new"] }

# What the proc macros (tokio's, futures', tracing's) are built with: a package's
# build dependencies share their features, without a build script.
[build-dependencies]
syn2 = { package = "syn", version = "2", features = ["full", "extra-traits", "visit-mut"] }
syn3 = { package = "syn", version = "3", features = ["full", "extra-traits", "fold", "visit"] }
"#;

fn build() -> Result<Built, String> {
    let dir = root().join("target/quiz");
    let questions = questions()?;
    let programs = questions
        .iter()
        .filter(|q| q.question.kind == "Tracing" && q.program().is_some())
        .count();
    let bins = write_package(&dir, &questions)?;
    let mut cargo = Command::new(env!("CARGO"))
        .args(["build", "--keep-going", "--message-format=json"])
        .args(bins.iter().flat_map(|bin| ["--bin", bin.as_str()]))
        .arg("--target-dir")
        .arg(root().join("target"))
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cargo: {err}"))?;
    let mut stderr = cargo.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let mut progress = runner::Progress::new(format!(
        "building the quizzes' {programs} programs, as {} binaries of one package in \
         target/quiz",
        bins.len()
    ));
    let mut stdout = String::new();
    for line in BufReader::new(cargo.stdout.take().unwrap()).lines() {
        let line = line.map_err(|err| format!("cargo's messages: {err}"))?;
        if let Ok(message) = serde_json::from_str(&line) {
            progress.message(&message);
        }
        stdout.push_str(&line);
        stdout.push('\n');
    }
    let _ = cargo.wait();
    progress.done();
    let built = Built::from_messages(&stdout);
    if built.executables.is_empty()
        && built.diagnostics.is_empty()
        && !bins.is_empty()
    {
        return Err(format!(
            "cargo built no quiz program:\n{}",
            stderr.join().unwrap_or_default()
        ));
    }
    Ok(built)
}

/// Writes the package `dir` of every `Tracing` program, with the workspace's
/// `Cargo.lock`: those the answers say compile as `src/programs/<name>.rs`, modules of
/// `src/main.rs`, the binary `quizzes`; the others as `src/bin/<name>.rs`, a binary
/// each. Returns the binaries' names.
fn write_package(dir: &Path, questions: &[Numbered]) -> Result<Vec<String>, String> {
    for folder in ["src/bin", "src/programs"] {
        fs::create_dir_all(dir.join(folder)).map_err(|err| err.to_string())?;
    }
    let mut manifest = format!(
        "# Written by tests/check/quizzes.rs: every Tracing program of the quizzes.\n\
         [package]\nname = \"quiz-programs\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\nautobins = false\n\n\
         # Not part of the book's workspace.\n[workspace]\n\n\
         [dependencies]{DEPENDENCIES}\n\
         # The workspace's, so that the dependencies it built serve here too.\n\
         [profile.dev]\ndebug = false\nstrip = \"debuginfo\"\nincremental = false\n"
    );
    let mut bins = Vec::new();
    let mut modules = Vec::new();
    let mut written = Vec::new();
    for question in questions.iter().filter(|q| q.question.kind == "Tracing") {
        let Some(program) = question.program() else {
            continue;
        };
        let bin = question.bin();
        let file = if question.does_compile() == Some(true) {
            let file = format!("src/programs/{bin}.rs");
            modules.push(bin);
            file
        } else {
            let file = format!("src/bin/{bin}.rs");
            manifest.push_str(&format!(
                "\n[[bin]]\nname = \"{bin}\"\npath = \"{file}\"\n"
            ));
            bins.push(bin);
            file
        };
        // Written only when it changed, so that cargo builds only what changed.
        write_if_changed(&dir.join(&file), program)?;
        written.push(dir.join(file));
    }
    if !modules.is_empty() {
        manifest.push_str(&format!(
            "\n[[bin]]\nname = \"{MERGED}\"\npath = \"src/main.rs\"\n"
        ));
        write_if_changed(&dir.join("src/main.rs"), &merged_main(&modules))?;
        bins.push(MERGED.to_string());
    }
    // A program that moved, or is gone: its file would only mislead.
    for folder in ["src/bin", "src/programs"] {
        for file in read_dir(&dir.join(folder)) {
            if !written.contains(&file) {
                fs::remove_file(&file).map_err(|err| err.to_string())?;
            }
        }
    }
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    // The versions the workspace uses (cargo drops what this package does not need).
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|err| err.to_string())?;
    write_if_changed(&dir.join("Cargo.lock"), &lock)?;
    Ok(bins)
}

/// The `quizzes` binary: each program a module, whose `main` the argument picks.
fn merged_main(modules: &[String]) -> String {
    let mut text = String::from(
        "// Written by tests/check/quizzes.rs: the quizzes' programs that compile, each \
         a module;\n// `quizzes <name>` runs one.\n",
    );
    for module in modules {
        text.push_str(&format!(
            "\nmod {module} {{\n    include!(\"programs/{module}.rs\");\n\n    \
             pub(super) fn quiz_program_main() -> impl std::process::Termination {{\n        \
             main()\n    }}\n}}\n"
        ));
    }
    text.push_str(
        "\nfn main() -> std::process::ExitCode {\n    use std::process::Termination;\n    \
         match std::env::args().nth(1).as_deref() {\n",
    );
    for module in modules {
        text.push_str(&format!(
            "        Some(\"{module}\") => {module}::quiz_program_main().report(),\n"
        ));
    }
    text.push_str("        _ => std::process::ExitCode::from(2),\n    }\n}\n");
    text
}

impl Built {
    /// What cargo's JSON messages (`--message-format=json`) say it built, and what
    /// rustc said of each program: by the file of a message's first primary span, for
    /// those about the `quizzes` binary.
    fn from_messages(stdout: &str) -> Built {
        let mut built = Built::default();
        for line in stdout.lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let target = message["target"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            match message["reason"].as_str() {
                Some("compiler-artifact") => {
                    if let Some(exe) = message["executable"].as_str() {
                        built.executables.insert(target, PathBuf::from(exe));
                    }
                }
                Some("compiler-message") => {
                    let diagnostic = &message["message"];
                    let module = Diagnostic::program(diagnostic);
                    if diagnostic["level"] == "error"
                        && let Some(module) = &module
                    {
                        built.merged_errors.insert(module.clone());
                    }
                    let program = module.unwrap_or(target);
                    built
                        .diagnostics
                        .entry(program)
                        .or_default()
                        .push(Diagnostic::from_json(diagnostic));
                }
                _ => {}
            }
        }
        built
    }
}

impl Diagnostic {
    /// The program a message is about, when its first primary span is in
    /// `src/programs/<name>.rs`.
    fn program(diagnostic: &serde_json::Value) -> Option<String> {
        let spans = diagnostic["spans"].as_array()?;
        let span = spans.iter().find(|span| span["is_primary"] == true)?;
        let file = Path::new(span["file_name"].as_str()?);
        if file.parent()?.file_name()? != "programs" {
            return None;
        }
        Some(file.file_stem()?.to_str()?.to_string())
    }

    fn from_json(diagnostic: &serde_json::Value) -> Diagnostic {
        let text = |value: &serde_json::Value| {
            value.as_str().unwrap_or_default().to_string()
        };
        Diagnostic {
            level: text(&diagnostic["level"]),
            code: diagnostic["code"]["code"].as_str().map(str::to_string),
            message: text(&diagnostic["message"]),
            rendered: text(&diagnostic["rendered"]),
        }
    }
}

/// All that rustc said, as it renders it.
fn rendered(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| d.rendered.as_str()).collect()
}

fn check_tracing(question: &Numbered) -> Result<(), String> {
    question.program().ok_or("no `prompt.program`")?;
    let does_compile = question.does_compile().ok_or("no `answer.doesCompile`")?;
    let built = built()?;
    let bin = question.bin();
    let diagnostics: &[Diagnostic] =
        built.diagnostics.get(&bin).map_or(&[], Vec::as_slice);
    if does_compile {
        let Some(exe) = built.executables.get(MERGED) else {
            return Err(if diagnostics.iter().any(|d| d.level == "error") {
                format!(
                    "the answer says it compiles, but it does not:\n{}",
                    rendered(diagnostics)
                )
            } else {
                // Another program's error stopped the binary they share.
                format!(
                    "the programs the answers say compile are built together, as \
                     target/quiz's binary `{MERGED}`, and {:?} stopped it (see their \
                     checks):\n{}",
                    built.merged_errors,
                    rendered(
                        built.diagnostics.get(MERGED).map_or(&[], Vec::as_slice)
                    )
                )
            });
        };
        check_it_compiles_and_prints(question, exe, diagnostics)
    } else {
        if question.stdout().is_some() {
            return Err("the answer says it does not compile, yet gives a stdout"
                .to_string());
        }
        if built.executables.contains_key(&bin) {
            return Err(
                "the answer says it does not compile, but it does".to_string()
            );
        }
        check_the_context_gives_the_reason(question, diagnostics)
    }
}

/// A program the answer says compiles: it warns of nothing its context does not
/// name, and prints the answer's `stdout`, with exit code 0.
fn check_it_compiles_and_prints(
    question: &Numbered,
    exe: &Path,
    diagnostics: &[Diagnostic],
) -> Result<(), String> {
    // A warning the reader sees is part of the question: the context names its
    // lint (`unused_must_use`).
    let context = question.question.context.as_deref().unwrap_or_default();
    let unexplained = diagnostics
        .iter()
        .any(|d| !d.code.as_deref().is_some_and(|lint| context.contains(lint)));
    if unexplained {
        return Err(format!(
            "it compiles with a warning its context does not name:\n{}",
            rendered(diagnostics)
        ));
    }
    let expected = question
        .stdout()
        .ok_or("it compiles, but the answer has no `stdout`")?;
    let output = run(question, exe)?;
    if output.end != End::Code(0) {
        return Err(format!(
            "it ends with {:?}; the quiz asks for a program that succeeds:\n{}",
            output.end, output.stderr
        ));
    }
    if output.stdout != expected {
        return Err(format!(
            "it prints something else than the answer's stdout:\n{}",
            crate::common::diff(
                &root().join(format!("listings/{}/quiz.toml", question.chapter)),
                expected,
                &output.stdout
            )
        ));
    }
    Ok(())
}

/// Runs a question's program on the real clock, killed after `TIME_LIMIT`.
fn run(question: &Numbered, exe: &Path) -> Result<runner::Output, String> {
    let listing = Listing {
        chapter: question.chapter.clone(),
        name: question.bin(),
    };
    let mut command = runner::command_for(exe, crate::model::Clock::Real);
    command.arg(question.bin()).env_remove("PAUSE_CLOCK");
    let output = runner::run_for(&listing, command, TIME_LIMIT)?;
    if output.end == End::Hung {
        return Err(format!("still running after {TIME_LIMIT:?}, killed"));
    }
    Ok(output)
}

/// A program the answer says does not compile: rustc gave an error, and the context
/// names its code (and no code rustc did not give) or its message.
fn check_the_context_gives_the_reason(
    question: &Numbered,
    diagnostics: &[Diagnostic],
) -> Result<(), String> {
    let errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.level == "error" && !d.message.starts_with("aborting due to"))
        .collect();
    if errors.is_empty() {
        return Err("it does not build, but rustc gave no error for it".to_string());
    }
    let context = question.question.context.as_deref().unwrap_or_default();
    let codes: BTreeSet<&str> =
        errors.iter().filter_map(|d| d.code.as_deref()).collect();
    // Every error code the context names is one rustc gave.
    let named = error_codes_in(context);
    if let Some(wrong) = named.iter().find(|code| !codes.contains(*code)) {
        return Err(format!(
            "the context names {wrong}, but rustc gives {codes:?}:\n{}",
            rendered(diagnostics)
        ));
    }
    let gives_reason = !named.is_empty()
        || errors.iter().any(|d| context.contains(d.message.as_str()));
    if !gives_reason {
        return Err(format!(
            "the context names neither the error code nor the message rustc gives:\n{}",
            rendered(diagnostics)
        ));
    }
    Ok(())
}

/// The error codes a text names: `E0382`.
fn error_codes_in(text: &str) -> BTreeSet<&str> {
    text.match_indices('E')
        .map(|(at, _)| &text[at..(at + 5).min(text.len())])
        .filter(|code| {
            code.len() == 5 && code[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}
