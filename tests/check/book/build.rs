//! mdBook builds the book without a warning, with the settings of `book.toml`, and
//! every link of the built site that points inside it reaches a file, and an anchor
//! of that file where it names one.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use mdbook_driver::MDBook;
use mdbook_driver::book::Book;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use super::report;
use crate::common::Log;
use crate::layout::{file_name, read_dir, root};

/// Pages the build must have written, mdBook's directives expanded, besides one a
/// chapter of `SUMMARY.md`.
const PAGES: &[&str] = &["index.html", "print.html"];

pub fn the_book_builds_without_a_warning_and_its_links_resolve() -> Result<(), String>
{
    let built = Built::once()?;
    if !built.warnings.is_empty() {
        return Err(format!("mdBook warned while building:\n{}", built.warnings));
    }
    for page in PAGES
        .iter()
        .map(|page| page.to_string())
        .chain(built.chapters.clone())
    {
        let html = fs::read_to_string(built.dir.join(&page))
            .map_err(|err| format!("{page} was not built: {err}"))?;
        if html.contains("{{#") {
            return Err(format!("{page} holds a directive mdBook did not expand"));
        }
    }
    let search_index = read_dir(&built.dir)
        .iter()
        .any(|file| file_name(file).starts_with("searchindex"));
    if !search_index {
        return Err("no search index was built".to_string());
    }
    report(
        "broken links in the built book",
        broken_links(&built.dir, &built.site_url)?,
    )
}

/// The book as mdBook builds it with the settings of `book.toml`, into
/// `target/book-check/`: built once per run, for the checks that read the built site
/// (this one and the Run buttons' check), and not at all when no file of the
/// repository changed since the last build (`common::tree_fingerprint`).
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Built {
    pub dir: PathBuf,
    /// The chapters' pages: `ch01-hello-world.html`, …
    pub chapters: Vec<String>,
    /// What mdBook logged at the level of a warning or above while it built.
    pub warnings: String,
    /// The folder the site is served from (`/async-rust-course/`), which the absolute
    /// links of the 404 page start with.
    pub site_url: String,
}

impl Built {
    pub fn once() -> Result<&'static Built, String> {
        static BUILT: OnceLock<Result<Built, String>> = OnceLock::new();
        BUILT
            .get_or_init(Built::build)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// What the last build left in `target/book-check/built.json`, if it was built
    /// from the files as they are now; otherwise a new build.
    fn build() -> Result<Built, String> {
        let dir = root().join("target/book-check");
        let record = dir.join("built.json");
        let fingerprint = crate::common::tree_fingerprint();
        if let Ok(text) = fs::read_to_string(&record)
            && let Ok((built_from, built)) =
                serde_json::from_str::<(u64, Built)>(&text)
            && built_from == fingerprint
        {
            return Ok(built);
        }
        let built = Built::build_into(dir)?;
        let text = serde_json::to_string(&(fingerprint, &built)).unwrap();
        fs::write(&record, text)
            .map_err(|err| format!("{}: {err}", record.display()))?;
        Ok(built)
    }

    fn build_into(dir: PathBuf) -> Result<Built, String> {
        let _ = fs::remove_dir_all(&dir);
        let mut book = MDBook::load(root())
            .map_err(|err| format!("book.toml and SUMMARY.md: {err:#}"))?;
        let site_url: String = book
            .config
            .get("output.html.site-url")
            .map_err(|err| format!("book.toml: {err:#}"))?
            .ok_or("book.toml sets no `output.html.site-url`")?;
        book.config.build.build_dir = dir.clone();
        // The quizzes' preprocessor, mdbook-quiz, is a program the README's `mdbook
        // serve` command installs, and `cargo test` must not need it: here a stand-in
        // takes its place, which puts an empty quiz where the page names an existing
        // quiz file. (`mdbook build` on CI runs the real one; tests/check/quizzes.rs
        // checks the files.)
        book.with_preprocessor(QuizStandIn);

        // mdBook reports a broken include or link as a log event, not as an error:
        // collect every warning and error it logs while building.
        let log = Log::default();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(log.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || book.build())
            .map_err(|err| format!("the book does not build: {err:#}"))?;
        let chapters = book
            .book
            .chapters()
            .filter_map(|chapter| chapter.path.as_ref())
            .map(|path| path.with_extension("html").to_string_lossy().into_owned())
            .collect();
        Ok(Built {
            dir,
            chapters,
            warnings: log.text(),
            site_url,
        })
    }
}

/// Puts `<div class="quiz-placeholder"></div>` where a page says `{{#quiz file}}` and
/// the file exists; leaves the directive (which the check then reports) where not.
pub(super) struct QuizStandIn;

impl Preprocessor for QuizStandIn {
    fn name(&self) -> &str {
        "quiz"
    }

    fn run(
        &self,
        ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_driver::errors::Result<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        book.for_each_chapter_mut(|chapter| {
            let Some(path) = &chapter.path else { return };
            let dir = src.join(path).parent().unwrap().to_path_buf();
            let mut text = chapter.content.clone();
            while let Some(start) = text.find("{{#quiz ") {
                let Some(end) = text[start..].find("}}").map(|end| start + end)
                else {
                    break;
                };
                let file = text[start + "{{#quiz ".len()..end].trim();
                if !dir.join(file).is_file() {
                    break;
                }
                text.replace_range(
                    start..end + 2,
                    r#"<div class="quiz-placeholder"></div>"#,
                );
            }
            chapter.content = text;
        });
        Ok(book)
    }
}

/// Every link (`href`) of the built book's pages that points inside the book at a
/// file that does not exist, or at an anchor (`#id`) that the page does not have.
fn broken_links(site: &Path, site_url: &str) -> Result<Vec<String>, String> {
    let mut pages = BTreeMap::new();
    for page in read_dir(site) {
        if page.extension().is_some_and(|ext| ext == "html") {
            let html = fs::read_to_string(&page).map_err(|err| {
                format!("cannot read the built {}: {err}", file_name(&page))
            })?;
            let page = fs::canonicalize(&page).map_err(|err| err.to_string())?;
            pages.insert(page, Attributes::of(&html));
        }
    }
    let mut broken = Vec::new();
    for (page, attributes) in &pages {
        for link in &attributes.links {
            let external = link.contains("://") || link.starts_with("mailto:");
            if external || link.starts_with("javascript:") || link.is_empty() {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
            let target: PathBuf = if file.is_empty() {
                page.clone()
            } else if let Some(in_site) = file.strip_prefix(site_url) {
                // An absolute link, as the 404 page has: the site lives under
                // `site-url`.
                site.join(in_site).join(if in_site.is_empty() {
                    "index.html"
                } else {
                    ""
                })
            } else {
                page.parent().unwrap().join(file)
            };
            let Ok(target) = fs::canonicalize(&target) else {
                broken.push(format!("{}: {link} (no such file)", file_name(page)));
                continue;
            };
            if anchor.is_empty() || target.is_dir() {
                continue;
            }
            let has_anchor = pages
                .get(&target)
                .is_some_and(|target| target.ids.contains(anchor));
            if !has_anchor {
                broken.push(format!("{}: {link} (no such anchor)", file_name(page)));
            }
        }
    }
    Ok(broken)
}

/// What the links of a page need of it: where its own links point, and the ids its
/// elements have.
#[derive(Default)]
struct Attributes {
    links: Vec<String>,
    ids: BTreeSet<String>,
}

impl Attributes {
    /// The `href` and `id` attributes of a page's tags, read by html5ever's
    /// tokenizer.
    fn of(html: &str) -> Attributes {
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        let tokenizer = Tokenizer::new(Collector::default(), Default::default());
        let _ = tokenizer.feed(&input);
        tokenizer.end();
        tokenizer.sink.attributes.into_inner()
    }
}

/// A sink for html5ever's tokenizer that keeps the attributes it wants.
#[derive(Default)]
struct Collector {
    attributes: RefCell<Attributes>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let mut attributes = self.attributes.borrow_mut();
        for attribute in &tag.attrs {
            match &*attribute.name.local {
                "href" => attributes.links.push(attribute.value.to_string()),
                "id" => {
                    attributes.ids.insert(attribute.value.to_string());
                }
                _ => {}
            }
        }
        // What a tree builder would tell the tokenizer: a script's or a style's text
        // is not markup, so a `<a href=` in a string of JavaScript is no link.
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" => TokenSinkResult::RawData(RawKind::Rawtext),
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::Continue,
        }
    }
}
