//! Chapters 1 to 16 each end with an exercise: its last section, `## Exercise: …`,
//! shows the starter of `src/bin/exNN_<name>.rs` (code with a `todo!()` for the
//! reader) and hides the solution, from the same file, in `<details>`. The file is
//! an ordinary listing, so `cargo test` runs the solution and checks what it prints.
//! The rules on the starter (its `todo!()`, a `main` that runs the solution) hold on
//! CI only, where the tree is the book as committed: elsewhere they would fire on a
//! reader's work in progress, which `exercises.rs` checks instead.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::includes::Include;
use super::{Page, report};
use crate::exercises::uses_solution;
use crate::layout::{file_name, relative};

pub fn chapters_1_to_16_end_with_an_exercise_and_hide_its_solution()
-> Result<(), String> {
    let pages = Page::all()?;
    let mut problems = Vec::new();
    for number in 1..=16 {
        let prefix = format!("ch{number:02}-");
        match pages
            .iter()
            .find(|page| file_name(&page.path).starts_with(&prefix))
        {
            Some(page) => problems.extend(
                check(page, number)
                    .err()
                    .map(|problem| format!("{}: {problem}", page.name())),
            ),
            None => problems.push(format!("no chapter src/{prefix}*.md")),
        }
    }
    report("exercises out of shape", problems)
}

/// The last `##` section of a page: where its heading starts, and its title.
struct Section {
    offset: usize,
    title: String,
}

fn check(page: &Page, number: u32) -> Result<(), String> {
    let mut heading: Option<Section> = None;
    let mut last: Option<Section> = None;
    // Each line of raw HTML, and where it stands: `<details>` and `</details>`.
    let mut html: Vec<(usize, String)> = Vec::new();
    for (event, range) in page.events() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                heading = Some(Section {
                    offset: range.start,
                    title: String::new(),
                });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut heading {
                    heading.title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => last = heading.take(),
            Event::Html(text) | Event::InlineHtml(text) => {
                html.push((range.start, text.trim().to_string()));
            }
            _ => {}
        }
    }
    let last = last.ok_or("no `##` section")?;
    if !last.title.starts_with("Exercise: ") {
        return Err(format!(
            "the last section is `## {}`, not `## Exercise: …`",
            last.title
        ));
    }

    let listing = format!("/src/bin/ex{number:02}_");
    let includes = page.includes();
    let include_of = |anchor: &str| -> Option<&Include> {
        includes.iter().find(|include| {
            include.offset > last.offset
                && include.file.to_string_lossy().contains(&listing)
                && include.part.as_deref() == Some(anchor)
        })
    };
    let (Some(starter), Some(solution)) =
        (include_of("starter"), include_of("solution"))
    else {
        return Err(format!(
            "the exercise does not include the `starter` and the `solution` of an \
             `ex{number:02}_*.rs` listing"
        ));
    };
    if starter.file != solution.file {
        return Err(format!(
            "the starter comes from {}, the solution from {}: they must be one listing",
            relative(&starter.file),
            relative(&solution.file)
        ));
    }

    let tags = |tag: &str| -> Vec<usize> {
        html.iter()
            .filter(|(_, text)| text == tag)
            .map(|(offset, _)| *offset)
            .collect()
    };
    let opened = tags("<details>")
        .into_iter()
        .rfind(|&at| at < solution.offset);
    let closed = tags("</details>")
        .into_iter()
        .find(|&at| at > opened.unwrap_or(solution.offset));
    if opened.is_none_or(|at| at < starter.offset)
        || closed.is_none_or(|at| at < solution.offset)
    {
        return Err(format!(
            "the solution ({}) is not inside `<details>` … `</details>` after the starter",
            solution.place
        ));
    }

    let text = |include: &Include| include.lines().map(|lines| lines.join("\n"));
    // The starter is the reader's to fill in, before or after switching `main` to
    // it: a starter without its `todo!()`, or a `main` that runs it, may be a
    // reader's work in progress (which `exercises.rs` checks), so these two rules
    // hold only on CI (`CI` set, as GitHub Actions and `.ci/run` set it), where the
    // tree is the book as committed. Elsewhere, a `main` still on a `todo!()`
    // starter fails its output check.
    if std::env::var_os("CI").is_some() {
        let source = std::fs::read_to_string(&starter.file)
            .map_err(|err| format!("{}: {err}", relative(&starter.file)))?;
        if !uses_solution(&source) {
            return Err(format!(
                "{}: `main` does not run the solution (`use solution::…;`)",
                relative(&starter.file)
            ));
        }
        if !text(starter)?.contains("todo!(") {
            return Err(format!(
                "the starter ({}) has no `todo!()` for the reader",
                starter.target()
            ));
        }
    }
    let solved = text(solution)?;
    if solved.contains("todo!(") || solved.trim().is_empty() {
        return Err(format!(
            "the solution ({}) is empty or unfinished",
            solution.target()
        ));
    }
    Ok(())
}
