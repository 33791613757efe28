//! Each exercise that a chapter's `Cargo.toml` declares ends its chapter's page: the
//! page's last section, `## Exercise: …`, shows the starter of
//! `src/bin/exNN_<name>.rs` (code with a `todo!()` for the reader) and hides the
//! solution, from the same file, in `<details>`. The file is an ordinary listing, so
//! `cargo test` runs the solution and checks what it prints. The rules on the
//! starter (its `todo!()`, a `main` that runs the solution) hold on CI only, where
//! the tree is the book as committed: elsewhere they would fire on a reader's work
//! in progress, which `exercises/` checks instead.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::includes::Include;
use super::{Page, report};
use crate::exercises::uses_solution;
use crate::layout::{Listing, relative};
use crate::model::{Clock, book};

pub fn every_exercise_ends_its_chapter_and_hides_its_solution() -> Result<(), String>
{
    let pages = Page::all()?;
    let mut problems = Vec::new();
    for exercise in book().exercises() {
        let listing = &exercise.listing;
        let page_name = format!("src/{}.md", listing.chapter);
        match pages.iter().find(|page| page.name() == page_name) {
            Some(page) => problems.extend(
                check(page, listing)
                    .err()
                    .map(|problem| format!("{}: {problem}", page.name())),
            ),
            None => problems.push(format!("{}: no page {page_name}", listing.id())),
        }
    }
    report("exercises out of shape", problems)
}

/// The last `##` section of a page: where its heading starts, and its title.
struct Section {
    offset: usize,
    title: String,
}

fn check(page: &Page, listing: &Listing) -> Result<(), String> {
    let (last, html) = last_section(page)?;
    if !last.title.starts_with("Exercise: ") {
        return Err(format!(
            "the last section is `## {}`, not `## Exercise: …`",
            last.title
        ));
    }
    says_which_clock(page, &last, listing)?;
    let (starter, solution) = starter_and_solution(page, &last, listing)?;
    solution_is_hidden(&html, &starter, &solution)?;
    let text = |include: &Include| include.lines().map(|lines| lines.join("\n"));
    // The starter is the reader's to fill in, before or after switching `main` to
    // it: a starter without its `todo!()`, or a `main` that runs it, may be a
    // reader's work in progress (which `exercises/` checks), so these two rules
    // hold only on CI (`CI` set, as GitHub Actions and `.ci/run` set it), where the
    // tree is the book as committed. Elsewhere, a `main` still on a `todo!()`
    // starter fails its output check.
    if std::env::var_os("CI").is_some() {
        starter_is_as_committed(&starter, &text(&starter)?)?;
    }
    let solved = text(&solution)?;
    if solved.contains("todo!(") || solved.trim().is_empty() {
        return Err(format!(
            "the solution ({}) is empty or unfinished",
            solution.target()
        ));
    }
    Ok(())
}

/// What every exercise on the paused clock says about it, in its section.
const PAUSED_CLOCK: &str = "{{#include snippets/paused-clock.md}}";

/// The exercise's section includes the paragraph on the paused clock, which its check
/// runs on, and only if it does.
fn says_which_clock(
    page: &Page,
    section: &Section,
    listing: &Listing,
) -> Result<(), String> {
    let says = page.text[section.offset..].contains(PAUSED_CLOCK);
    match (listing.facts().clock(), says) {
        (Clock::Paused, false) => Err(format!(
            "its check runs on the paused clock: the section must say so, `{PAUSED_CLOCK}`"
        )),
        (Clock::Real, true) => Err(format!(
            "its check runs on the real clock, and the section includes `{PAUSED_CLOCK}`"
        )),
        _ => Ok(()),
    }
}

/// The page's last `##` section, and each line of raw HTML with where it stands
/// (`<details>` and `</details>`).
fn last_section(page: &Page) -> Result<(Section, Vec<(usize, String)>), String> {
    let mut heading: Option<Section> = None;
    let mut last: Option<Section> = None;
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
    Ok((last.ok_or("no `##` section")?, html))
}

/// The includes of the exercise's `starter` and `solution` parts in the last
/// section, both of its one listing.
fn starter_and_solution(
    page: &Page,
    last: &Section,
    listing: &Listing,
) -> Result<(Include, Include), String> {
    let includes = page.includes();
    let include_of = |anchor: &str| -> Option<Include> {
        includes
            .iter()
            .find(|include| {
                include.offset > last.offset
                    && include.file == listing.source()
                    && include.part.as_deref() == Some(anchor)
            })
            .cloned()
    };
    let (Some(starter), Some(solution)) =
        (include_of("starter"), include_of("solution"))
    else {
        return Err(format!(
            "the exercise does not include the `starter` and the `solution` of {}",
            relative(&listing.source())
        ));
    };
    Ok((starter, solution))
}

/// The solution is inside `<details>` … `</details>`, after the starter.
fn solution_is_hidden(
    html: &[(usize, String)],
    starter: &Include,
    solution: &Include,
) -> Result<(), String> {
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
    let inside = |at: Option<usize>, bound: Range<usize>| {
        at.is_some_and(|at| bound.contains(&at))
    };
    if !inside(opened, starter.offset..solution.offset)
        || !inside(closed, solution.offset..usize::MAX)
    {
        return Err(format!(
            "the solution ({}) is not inside `<details>` … `</details>` after the starter",
            solution.place
        ));
    }
    Ok(())
}

/// On CI, the starter is as committed: `main` runs the solution, and the starter
/// has its `todo!()`.
fn starter_is_as_committed(starter: &Include, text: &str) -> Result<(), String> {
    let source = std::fs::read_to_string(&starter.file)
        .map_err(|err| format!("{}: {err}", relative(&starter.file)))?;
    if !uses_solution(&source) {
        return Err(format!(
            "{}: `main` does not run the solution (`use solution::…;`)",
            relative(&starter.file)
        ));
    }
    if !text.contains("todo!(") {
        return Err(format!(
            "the starter ({}) has no `todo!()` for the reader",
            starter.target()
        ));
    }
    Ok(())
}
