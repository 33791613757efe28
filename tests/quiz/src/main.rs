//! The book's `[preprocessor.quiz]`: runs `mdbook-quiz` 0.5.0, with one thing changed.
//!
//! Before it embeds a quiz, mdbook-quiz checks each `Tracing` question itself: it
//! compiles the program with a bare `rustc main.rs` (edition 2015, no crates) and runs
//! it. None of this book's programs builds that way: they are edition 2024 and use
//! tokio. Their answers are checked by `cargo test` instead (`tests/check/quizzes.rs`
//! builds every program with the workspace's tokio and compares its whole output).
//! So this program puts itself first on mdbook-quiz's `PATH` under the name `rustc`,
//! and when mdbook-quiz "compiles" a program of the book's quizzes, it answers what
//! the quiz file says and `cargo test` checks: a program that compiles becomes a
//! `main` that prints the answer's output; one that does not is refused.
//! A program found in no quiz file is refused too.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

use serde::Deserialize;

#[derive(Deserialize)]
struct Quiz {
    questions: Vec<Question>,
}

#[derive(Deserialize)]
struct Question {
    #[serde(rename = "type")]
    kind: String,
    prompt: Prompt,
    answer: Answer,
}

#[derive(Deserialize)]
struct Prompt {
    program: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Answer {
    does_compile: Option<bool>,
    stdout: Option<String>,
}

/// The variable that carries the book's root to the `rustc` this program stands in for.
const ROOT: &str = "QUIZ_BOOK_ROOT";

fn main() -> ExitCode {
    let exe = env::current_exe().expect("this program's path");
    let invoked_as = env::args_os().next().unwrap_or_default();
    if Path::new(&invoked_as)
        .file_name()
        .is_some_and(|name| name == "rustc")
    {
        return rustc(env::args().skip(1).collect());
    }
    // mdBook runs this from the book's root.
    let root = env::current_dir().expect("a current folder");
    let shims = root.join("target/quiz-rustc");
    let rustc = shims.join("rustc");
    fs::create_dir_all(&shims).expect("target/quiz-rustc can be created");
    let _ = fs::remove_file(&rustc);
    std::os::unix::fs::symlink(&exe, &rustc).expect("target/quiz-rustc/rustc");
    let path = env::join_paths(
        std::iter::once(shims)
            .chain(env::split_paths(&env::var_os("PATH").unwrap_or_default())),
    )
    .expect("a PATH");
    let status = Command::new("mdbook-quiz")
        .args(env::args_os().skip(1))
        .env("PATH", path)
        .env(ROOT, &root)
        .status();
    match status {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!(
                "cannot run mdbook-quiz ({err}): install it with \
                 `cargo install mdbook-quiz --version 0.5.0 --locked`"
            );
            ExitCode::FAILURE
        }
    }
}

/// What mdbook-quiz's `rustc main.rs -A warnings` gets: the answer of the quiz file.
fn rustc(args: Vec<String>) -> ExitCode {
    let Some(source) = args.iter().find(|arg| arg.ends_with(".rs")) else {
        eprintln!("rustc stand-in: no source file in {args:?}");
        return ExitCode::FAILURE;
    };
    let program = fs::read_to_string(source).expect("the program mdbook-quiz wrote");
    let root = PathBuf::from(env::var_os(ROOT).expect("QUIZ_BOOK_ROOT"));
    let Some(answer) = answer_for(&root, &program) else {
        eprintln!("rustc stand-in: this program is in no quiz file of the book");
        return ExitCode::FAILURE;
    };
    if answer.does_compile != Some(true) {
        eprintln!("rustc stand-in: the quiz says this program does not compile");
        return ExitCode::FAILURE;
    }
    let dir = Path::new(source).parent().unwrap();
    let stdout = dir.join("main.stdout");
    fs::write(&stdout, answer.stdout.unwrap_or_default()).unwrap();
    let main = dir.join("main");
    fs::write(
        &main,
        format!("#!/bin/sh\nexec cat '{}'\n", stdout.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&main, fs::Permissions::from_mode(0o755)).unwrap();
    ExitCode::SUCCESS
}

/// The answer of the `Tracing` question whose program is `program`, in any chapter's
/// `listings/<chapter>/quiz.toml`.
fn answer_for(root: &Path, program: &str) -> Option<Answer> {
    let mut chapters: Vec<PathBuf> = fs::read_dir(root.join("listings"))
        .ok()?
        .filter_map(|entry| Some(entry.ok()?.path().join("quiz.toml")))
        .filter(|file| file.is_file())
        .collect();
    chapters.sort();
    chapters.into_iter().find_map(|file| {
        let quiz: Quiz = toml::from_str(&fs::read_to_string(file).ok()?).ok()?;
        quiz.questions
            .into_iter()
            .find(|q| {
                q.kind == "Tracing" && q.prompt.program.as_deref() == Some(program)
            })
            .map(|q| q.answer)
    })
}
