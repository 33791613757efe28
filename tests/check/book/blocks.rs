//! The book's fenced code blocks, as pulldown-cmark finds them: no Rust is pasted
//! into a page, a block with mdBook's Run button shows a whole program, and a
//! listing without one says why.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::includes::Include;
use super::{Page, report};
use crate::layout::relative;

/// A fenced code block of a page.
struct Block<'p> {
    page: &'p Page,
    /// Where it stands in the page, from its opening fence to its closing one.
    range: Range<usize>,
    /// What follows the opening fence: `rust,noplayground`.
    info: String,
    /// The reason given by an `<!-- inline code: <reason> -->` on the line before
    /// the opening fence.
    excuse: Option<String>,
    /// The lines between the fences, as written (directives unexpanded), each with
    /// its line number in the page.
    lines: Vec<(usize, String)>,
}

impl Block<'_> {
    /// `src/ch01-hello-world.md:12`, the line of the opening fence.
    fn place(&self) -> String {
        self.page.place(self.range.start)
    }

    fn language(&self) -> &str {
        self.info.split([',', ' ']).next().unwrap_or("")
    }

    fn has(&self, attribute: &str) -> bool {
        self.info.split([',', ' ']).any(|word| word == attribute)
    }

    /// The includes written inside the block.
    fn includes<'i>(&self, includes: &'i [Include]) -> Vec<&'i Include> {
        includes
            .iter()
            .filter(|include| self.range.contains(&include.offset))
            .collect()
    }

    /// The numbers of the lines of the block that hold something other than an
    /// include: code written in the page.
    fn written(&self, includes: &[&Include]) -> Vec<usize> {
        let included: Vec<usize> = includes
            .iter()
            .map(|include| self.page.line(include.offset))
            .collect();
        self.lines
            .iter()
            .filter(|(number, line)| {
                !line.trim().is_empty() && !included.contains(number)
            })
            .map(|(number, _)| *number)
            .collect()
    }
}

/// The fenced code blocks of a page.
fn code_blocks(page: &Page) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    // The last line of HTML seen, and its line number: an excuse for inline code.
    let mut html: Option<(usize, String)> = None;
    let mut in_block = false;
    for (event, range) in page.events() {
        match event {
            Event::Html(text) | Event::InlineHtml(text) => {
                html = Some((page.line(range.start), text.trim().to_string()));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let fence = page.line(range.start);
                let excuse = html
                    .as_ref()
                    .filter(|(line, _)| line + 1 == fence)
                    .and_then(|(_, text)| text.strip_prefix("<!-- inline code:"))
                    .map(|reason| reason.trim_end_matches("-->").trim().to_string());
                blocks.push(Block {
                    page,
                    range,
                    info: info.trim().to_string(),
                    excuse,
                    lines: Vec::new(),
                });
                in_block = true;
            }
            Event::Text(text) if in_block => {
                let first = page.line(range.start);
                let block = blocks.last_mut().unwrap();
                for (index, line) in text.lines().enumerate() {
                    block.lines.push((first + index, line.to_string()));
                }
            }
            Event::End(TagEnd::CodeBlock) => in_block = false,
            _ => {}
        }
    }
    blocks
}

/// The languages whose blocks must come from files: the listings' Rust, and the
/// workshop's Python (`python/<chapter>/`).
const INCLUDED_LANGUAGES: &[&str] = &["rust", "python"];

/// A fenced block of Rust or Python must include its code from a file, and hold
/// nothing else. One that cannot (say, a signature quoted for reading) needs `<!--
/// inline code: <the reason> -->` on the line before its fence.
pub fn no_code_is_pasted_into_a_page() -> Result<(), String> {
    let mut pasted = Vec::new();
    let mut rust = 0;
    for page in Page::all()? {
        let includes = page.includes();
        for block in code_blocks(&page) {
            if !INCLUDED_LANGUAGES.contains(&block.language()) {
                continue;
            }
            rust += usize::from(block.language() == "rust");
            // Excused: a reason of more than a few letters.
            if block.excuse.as_ref().is_some_and(|reason| reason.len() > 3) {
                continue;
            }
            let shown = block.includes(&includes);
            let written = block.written(&shown);
            if shown.is_empty() {
                pasted.push(format!("{}: includes nothing", block.place()));
            } else if !written.is_empty() {
                let lines: Vec<String> =
                    written.iter().map(usize::to_string).collect();
                let s = if lines.len() == 1 { "" } else { "s" };
                pasted.push(format!(
                    "{}: line{s} {} written in the page, beside the include",
                    block.place(),
                    lines.join(", ")
                ));
            }
        }
    }
    if rust == 0 {
        return Err("the book shows no block of Rust".to_string());
    }
    report(
        "Rust or Python written inline in a page; include it from a file instead, or put \
         `<!-- inline code: <reason> -->` on the line before its fence",
        pasted,
    )
}

/// A Rust block without `noplayground` gets mdBook's Run button, which sends the
/// block's code, hidden lines too, to the Rust playground. So it must show a whole
/// program: all of a listing, or part of one through `rustdoc_include`, which sends
/// the rest hidden. (Whether the playground can build it is the `playground`
/// check's.) A block that shows a listing program and has no Run button says why on
/// the line before its fence: `<!-- no Run button: it needs the book's quote service
/// -->`.
pub fn every_runnable_block_is_a_whole_program_and_every_other_says_why()
-> Result<(), String> {
    let mut runnable = 0;
    let mut problems = Vec::new();
    for page in Page::all()? {
        let includes = page.includes();
        let lines: Vec<&str> = page.text.lines().collect();
        for block in code_blocks(&page) {
            let shown = block.includes(&includes);
            if block.language() != "rust" || shown.is_empty() {
                continue;
            }
            if block.has("noplayground") {
                problems
                    .extend(says_why_it_has_no_run_button(&block, &shown, &lines));
                continue;
            }
            runnable += 1;
            problems.extend(sends_a_whole_program(&block, &shown));
        }
    }
    if runnable == 0 {
        return Err("no listing can run on the playground".to_string());
    }
    report(
        "Rust blocks with a Run button that show no whole program, or listings without one that do not say why",
        problems,
    )
}

/// A block without a Run button that shows a listing program (`src/bin/…`) says why
/// on the line before its fence, one of the page's `lines`.
fn says_why_it_has_no_run_button(
    block: &Block,
    shown: &[&Include],
    lines: &[&str],
) -> Option<String> {
    let program = shown.iter().any(|include| {
        include
            .file
            .parent()
            .is_some_and(|dir| dir.ends_with("src/bin"))
    });
    let fence = block.page.line(block.range.start);
    let reason = lines
        .get(fence.saturating_sub(2))
        .map(|line| line.trim())
        .and_then(|line| line.strip_prefix("<!-- no Run button:"))
        .and_then(|line| line.strip_suffix("-->"))
        .is_some_and(|reason| reason.trim().len() > 3);
    (program && !reason).then(|| {
        format!(
            "{}: a listing without a Run button, and no `<!-- no Run \
             button: <why> -->` on the line before its fence",
            block.place()
        )
    })
}

/// A block with a Run button sends a whole program: every file it shows whole, or
/// through `rustdoc_include` (which sends the rest hidden), with a `fn main`.
fn sends_a_whole_program(block: &Block, shown: &[&Include]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut code = Vec::new();
    for include in shown {
        let lines = include.lines().unwrap_or_default();
        let file: Vec<String> = include
            .whole()
            .lines()
            .unwrap_or_default()
            .into_iter()
            .filter(|line| !line.contains("ANCHOR"))
            .collect();
        if include.rustdoc {
            // The whole file goes to the playground, the lines outside the part
            // hidden.
            code.extend(file);
        } else {
            if lines != file {
                problems.push(format!(
                    "{}: shows part of {} only (use `rustdoc_include`, which sends \
                     the rest too, hidden)",
                    block.place(),
                    relative(&include.file)
                ));
            }
            code.extend(lines);
        }
    }
    if !code.join("\n").contains("fn main(") {
        problems.push(format!(
            "{}: not a whole program (no `fn main`)",
            block.place()
        ));
    }
    problems
}
