//! Each exercise's committed wrong versions: `listings/<chapter>/wrong/<name>.rs`,
//! declared by the exercise in its chapter's `Cargo.toml` and built as the example
//! `wrong_<name>`. Each is the exercise's starter with `main` switched to it and its
//! `todo!()` filled in wrongly, nothing else changed. A check per wrong version
//! (`cargo test /wrong/`) runs the reader's check on it, and makes sure it is
//! rejected with a diagnosis, and with the message kept beside it,
//! `wrong/<name>.txt`. A wrong version whose mistake rustc sees (a future never
//! awaited, a parameter never used) is declared with its lint (`warns`), and its check
//! also makes sure that rustc warns about it, as it would warn a reader.

use crate::Check;
use crate::common::{bless, diff, relative};
use crate::model::{Wrong, book};
use crate::runner;

pub fn checks() -> Vec<Check> {
    let mut checks = Vec::new();
    for exercise in book().exercises() {
        for wrong in exercise.wrong {
            let name = format!("{}/wrong/{}", wrong.exercise.chapter, wrong.name);
            let package = wrong.exercise.chapter.clone();
            checks.push(
                Check::new("exercise", name, move || is_rejected(&wrong))
                    .running([package]),
            );
        }
    }
    checks
}

/// The wrong version is the exercise's starter with only `mod starter` filled in and
/// `main` switched to it; the reader's check rejects it with a message that says
/// what is wrong (a diagnosis, not only a diff), and that message is the one kept
/// beside it.
fn is_rejected(wrong: &Wrong) -> Result<(), String> {
    is_the_starter_filled_in(wrong)?;
    allows_only_its_lint(wrong)?;
    if let Some(lint) = &wrong.lint {
        rustc_warns(wrong, lint)?;
    }
    let exercise = crate::model::exercise(&wrong.exercise)
        .ok_or_else(|| format!("{} is not an exercise", wrong.exercise.id()))?;
    let program = runner::program("examples").join(wrong.example());
    let source = relative(&wrong.source());
    let rejection = match super::check(&exercise, &program, false) {
        Ok(()) => {
            return Err(format!(
                "{source}: the reader's check of {} accepts this wrong version",
                wrong.exercise.name
            ));
        }
        Err(rejection) => rejection,
    };
    let message = rejection.message;
    if message.contains("BLESS") {
        return Err(format!("{source}: the message suggests BLESS:\n{message}"));
    }
    if rejection.diagnosis.is_none() {
        return Err(run_again(format!(
            "{source}: rejected, but with no word on what is wrong (see its diagnosis, \
             tests/check/exercises/{}.rs):\n{message}",
            wrong.exercise.name
        )));
    }
    is_the_message_kept(wrong, &message)
}

fn run_again(problem: String) -> String {
    format!("{problem}\n(once the message is right: `BLESS=1 cargo test /wrong/`)")
}

/// The message kept beside the wrong version is the one its check gives.
fn is_the_message_kept(wrong: &Wrong, message: &str) -> Result<(), String> {
    let file = wrong.message_file();
    let message = format!("{message}\n");
    if bless() {
        return std::fs::write(&file, message).map_err(|err| err.to_string());
    }
    let kept = std::fs::read_to_string(&file).unwrap_or_default();
    if kept != message {
        return Err(run_again(format!(
            "{}: the rejection message differs\n{}",
            relative(&file),
            diff(&file, &kept, &message)
        )));
    }
    Ok(())
}

/// The wrong version is its exercise's starter, with `main` switched to it, changed
/// only inside `mod starter`.
fn is_the_starter_filled_in(wrong: &Wrong) -> Result<(), String> {
    let source = relative(&wrong.source());
    let exercise_source = wrong.exercise.source();
    let text = std::fs::read_to_string(wrong.source())
        .map_err(|err| format!("{source}: {err}"))?;
    let exercise = std::fs::read_to_string(&exercise_source)
        .map_err(|err| format!("{}: {err}", relative(&exercise_source)))?;
    // Its header: comment lines, and the lints it allows (`allows_only_its_lint`).
    let text: String = text
        .lines()
        .skip_while(|line| line.starts_with("//") || line.starts_with("#!["))
        .skip_while(|line| line.is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    let (before, after) = outside_mod_starter(&text)
        .ok_or_else(|| format!("{source}: no `mod starter {{` … `}}`"))?;
    let starter = as_switched(&starter_part(&exercise));
    let (expected_before, expected_after) = outside_mod_starter(&starter)
        .ok_or_else(|| {
            format!(
                "{}: no `mod starter` in its starter",
                relative(&exercise_source)
            )
        })?;
    if (before, after) != (expected_before, expected_after) {
        return Err(format!(
            "{source} must be the starter of {} with `main` switched to it, changed only \
             inside `mod starter`:\n{}{}",
            relative(&exercise_source),
            diff(&exercise_source, expected_before, before),
            diff(&exercise_source, expected_after, after),
        ));
    }
    Ok(())
}

/// The lines between `// ANCHOR: starter` and `// ANCHOR_END: starter`.
fn starter_part(source: &str) -> String {
    source
        .lines()
        .skip_while(|line| line.trim() != "// ANCHOR: starter")
        .skip(1)
        .take_while(|line| line.trim() != "// ANCHOR_END: starter")
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The starter with `main` switched to it, as a reader switches it.
fn as_switched(starter: &str) -> String {
    starter
        .lines()
        .map(|line| match line.strip_prefix("use solution::") {
            Some(rest) => format!("use starter::{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

/// The text before `mod starter {` (that line included) and after the `}` that
/// closes it.
fn outside_mod_starter(text: &str) -> Option<(&str, &str)> {
    let open = text.find("\nmod starter {\n")? + "\nmod starter {\n".len();
    let close = open + text[open..].find("\n}\n")? + 1;
    Some((&text[..open], &text[close..]))
}

/// Its header allows no lint but `unused_imports` (what only the solution uses), and
/// its own, the one rustc must warn a reader about, only for clippy: the listings'
/// build shows every other warning, and CI's `cargo clippy -- -D warnings` passes.
fn allows_only_its_lint(wrong: &Wrong) -> Result<(), String> {
    let source = relative(&wrong.source());
    let text = std::fs::read_to_string(wrong.source())
        .map_err(|err| format!("{source}: {err}"))?;
    for line in text.lines().filter(|line| line.starts_with("#![")) {
        let lint = wrong.lint.as_deref().unwrap_or("");
        let only_for_clippy = format!("#![cfg_attr(clippy, allow({lint}))]");
        if line.starts_with("#![allow(unused_imports)]")
            || !lint.is_empty() && line.starts_with(&only_for_clippy)
        {
            continue;
        }
        return Err(format!(
            "{source}: `{line}`: a wrong version allows only `unused_imports`, and the \
             lint its exercise declares (`warns = {{ {} = \"<lint>\" }}` in \
             {}/Cargo.toml) as `#![cfg_attr(clippy, allow(<lint>))]`, so that rustc \
             warns a reader as it warns this build",
            wrong.name, wrong.exercise.chapter,
        ));
    }
    Ok(())
}

/// rustc warned about the mistake with `lint`, in the listings' build, as it warns a
/// reader who builds the wrong version.
fn rustc_warns(wrong: &Wrong, lint: &str) -> Result<(), String> {
    if runner::warned(&wrong.exercise.chapter, &wrong.example(), lint) {
        return Ok(());
    }
    Err(format!(
        "{}: rustc gives no `{lint}` warning for it in the listings' build, though its \
         exercise says it does (`warns`)",
        relative(&wrong.source()),
    ))
}
