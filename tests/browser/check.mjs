// Loads the built book in headless Chromium, as a reader would, and fails (exit code 1)
// on a page that logs a console error or throws, a request that leaves 127.0.0.1,
// a search that does not find "Semaphore", a theme switch that does not switch, Python
// and Rust tabs that do not switch (or that hide a block with scripts off or in print),
// a timeline that does not show, a runnable listing without its Run button, a Run
// button that sends other code than the program `cargo test` type-checked for the
// playground (target/playground-check/sent.json), a quiz that does not mark a right
// and a wrong answer (or whose files load on a page without a quiz), a 404 page with
// no way back, a print page that lacks a chapter, or an accessibility problem:
// axe-core's critical or serious violations (and empty table headers) on any page, in the
// light and navy themes, except those of mdBook's own page chrome listed in
// `chromeAllowance` below.
// Usage: node tests/browser/check.mjs <built book folder> <screenshot folder>
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile, readdir, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const [site = "book", shots = "target/browser"] = process.argv.slice(2);
// The book's chapters in its order, as src/SUMMARY.md lists them (`- [Title](file.md)`),
// by the name of their built page; the introduction (`[Introduction](introduction.md)`)
// comes before them. Which page a check opens is found from these and their sources.
const summary = readFileSync(join("src", "SUMMARY.md"), "utf8");
const chapters = [...summary.matchAll(/^\s*- \[[^\]]*\]\(([^)]+)\.md\)/gm)].map(([, file]) => `${file}.html`);
const bookPages = [...summary.matchAll(/\[[^\]]*\]\(([^)]+)\.md\)/g)].map(([, file]) => `${file}.html`);
const sourceOf = (name) => readFileSync(join("src", name.replace(/\.html$/, ".md")), "utf8");
const stem = (name) => name.replace(/\.html$/, "");
// The first chapter whose source holds `text`, after chapter `after` if given.
const chapterHolding = (text, after) =>
  chapters.slice(chapters.indexOf(after) + 1).find((name) => sourceOf(name).includes(text));
// The book is published under this path (book.toml's site-url): serve it there, so
// that its absolute links (the 404 page has some) work as they will online.
const base = "/async-rust-course/";
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".json": "application/json" };

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
  let file = path.startsWith(base) ? path.slice(base.length) : null;
  if (file === "" || file?.endsWith("/")) file += "index.html";
  try {
    if (file === null || normalize(file).startsWith("..")) throw new Error("outside");
    const body = await readFile(join(site, file));
    response.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/html" });
    response.end(await readFile(join(site, "404.html")));
  }
});
await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const problems = [];
const context = await browser.newContext();
// mdBook asks the Rust playground which crates it has before it shows a Run button.
// That one question is answered here, as the playground would (for the crates the
// book's runnable listings use), so it never leaves the machine.
const playgroundCrates = "https://play.rust-lang.org/meta/crates";
const crates = ["tokio", "futures", "tracing", "tracing_subscriber", "tokio_util"]
  .map((id) => ({ id, name: id, version: "1" }));
// A Run button posts its code here; the check keeps what it posts, and answers.
const playgroundRun = "https://play.rust-lang.org/evaluate.json";
const runs = [];
// Any other request to another host is a problem, and is not sent.
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === "127.0.0.1") return route.continue();
  if (url.href === playgroundCrates || url.href === playgroundRun) {
    // A JSON POST to another origin comes after a CORS preflight (OPTIONS): answer both.
    const headers = { "access-control-allow-origin": "*",
      "access-control-allow-headers": "content-type", "access-control-allow-methods": "POST" };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers });
    let body = { crates };
    if (url.href === playgroundRun) {
      runs.push(JSON.parse(route.request().postData()));
      body = { result: "(answered by tests/browser/check.mjs)", error: null };
    }
    return route.fulfill({ status: 200, contentType: "application/json", headers,
      body: JSON.stringify(body) });
  }
  problems.push(`request off 127.0.0.1: ${url.href}`);
  return route.abort();
});

async function open(name) {
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${name}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${name}: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`${name}: request failed: ${request.url()}`));
  const response = await page.goto(origin + base + name, { waitUntil: "load" });
  if (!response.ok()) problems.push(`${name}: HTTP ${response.status()}`);
  return page;
}

// Accessibility, with axe-core: every page, in the default light theme and in navy (the
// preferred dark one). A critical or serious violation is a problem, unless it comes from
// mdBook's own page chrome, which the book does not write: those are allowed here, one
// line a rule and the part of the chrome it is found in, with the reason. A violation of
// the same rule anywhere else (a chapter, a listing, the tabs, a timeline) still fails.
const chromeAllowance = [
  { rule: "aria-allowed-attr", chrome: "#mdbook-sidebar-toggle",
    reason: "mdBook's sidebar toggle is a <label> with aria-controls, which a label may not carry" },
  { rule: "aria-prohibited-attr", chrome: "#mdbook-sidebar-toggle",
    reason: "mdBook's sidebar toggle is a <label> with aria-label, which its implicit role prohibits" },
  { rule: "document-title", chrome: "html:has(> body.sidebar-iframe-inner)",
    reason: "mdBook's toc.html, the sidebar's frame when scripts are off, has an empty <title>" },
];
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const failing = new Set(["critical", "serious"]);
// Rules that fail whatever the impact axe gives them: a table header with no text is
// "minor" to axe, but a screen reader then reads a column or row with no name.
const failingRules = new Set(["empty-table-header"]);
async function audit(page, name, theme, tally) {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async (allowance) => {
    const result = await window.axe.run(document, { elementRef: true, resultTypes: ["violations"] });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => ({
      rule: violation.id,
      impact: node.impact ?? violation.impact,
      target: node.target.join(" "),
      html: node.html.slice(0, 120),
      summary: (node.failureSummary ?? "").split("\n").slice(1, 2).join("").trim(),
      allowed: allowance.some((a) => a.rule === violation.id && node.element?.closest(a.chrome)),
    })));
  }, chromeAllowance);
  for (const node of found) {
    const key = node.allowed ? "allowed" : node.impact;
    tally[key] = (tally[key] ?? 0) + 1;
    tally.rules.add(`${node.rule}${node.allowed ? " (chrome)" : ""}`);
    if (process.env.AXE_VERBOSE) console.log(`axe ${theme} ${name}: ${node.rule} (${node.impact}${node.allowed ? ", allowed" : ""}) ${node.target} ${node.html}`);
    if (!node.allowed && (failing.has(node.impact) || failingRules.has(node.rule))) {
      problems.push(`${name} (${theme}): axe ${node.rule} (${node.impact}) at ${node.target}: ${node.summary || node.html}`);
    }
  }
}

const pages = (await readdir(site)).filter((file) => file.endsWith(".html"));
// AXE_THEMES=light,rust,coal,navy,ayu checks mdBook's other themes too (a slower run).
const themes = (process.env.AXE_THEMES ?? "light,navy").split(",");
const tallies = Object.fromEntries(themes.map((theme) => [theme, { rules: new Set() }]));
let quizPages = 0;
// How many Run buttons each chapter shows, to compare with what `cargo test` read.
const runButtons = {};
for (const name of pages) {
  const page = await open(name);
  // mdbook-quiz's script (1.4 MB) and style come with the pages that hold a quiz only.
  const quiz = await page.evaluate(() => ({
    placeholders: document.querySelectorAll(".quiz-placeholder").length,
    assets: document.querySelectorAll('script[src*="quiz/"], link[href*="quiz/"]').length,
    runButtons: document.querySelectorAll("pre.playground").length,
  }));
  if (chapters.includes(name)) runButtons[name] = quiz.runButtons;
  if (quiz.placeholders > 0 && chapters.includes(name)) quizPages += 1;
  if ((quiz.placeholders > 0) !== (quiz.assets > 0)) {
    problems.push(`${name}: ${quiz.placeholders} quiz(zes) but ${quiz.assets} of mdbook-quiz's files`);
  }
  for (const theme of themes) {
    if (!(theme === "light" && theme === themes[0])) { // the page opened in light
      await page.evaluate((theme) => localStorage.setItem("mdbook-theme", theme), theme);
      await page.reload({ waitUntil: "load" });
    }
    await audit(page, name, theme, tallies[theme]);
  }
  await page.evaluate(() => localStorage.removeItem("mdbook-theme"));
  await page.close();
}
for (const theme of themes) {
  const { rules, ...counts } = tallies[theme];
  const levels = ["critical", "serious", "moderate", "minor", "allowed"]
    .map((level) => `${counts[level] ?? 0} ${level}`).join(", ");
  console.log(`axe ${theme}: ${pages.length} pages, violations by node: ${levels}${rules.size ? ` (${[...rules].sort().join(", ")})` : ""}`);
}

// A quiz on every page whose source names one (chapters only: print.html holds them
// all again): the quiz check of `cargo test` makes sure which pages those are.
const quizSources = (await readdir("src"))
  .filter((file) => file.endsWith(".md") && readFileSync(join("src", file), "utf8").includes("{{#quiz "))
  .length;
if (quizPages !== quizSources) problems.push(`quizzes: ${quizPages} chapters hold one, not ${quizSources}`);

// A quiz, answered: on the first chapter's that has one, start, answer every question right but the second,
// which gets a wrong answer, and the review must say 6 of 7 right, question 2 wrong and
// question 1 right; axe then checks the quiz in that state too. The answers are those
// the page carries (`data-quiz-questions`), which `cargo test quiz` checks.
const quizPage = chapterHolding("{{#quiz ");
if (!quizPage) problems.push("quiz: no chapter's source names a quiz");
if (quizPage) {
  const page = await open(quizPage);
  const { questions } = JSON.parse(await page.locator(".quiz-placeholder").first().getAttribute("data-quiz-questions"));
  const quiz = page.locator(".mdbook-quiz").first();
  await quiz.locator("button.start").click();
  await audit(page, `${quizPage}, a quiz question`, "light", tallies[themes[0]]);
  for (const [i, question] of questions.entries()) {
    const wrong = i === 1;
    if (question.type === "Tracing") {
      const compiles = wrong ? !question.answer.doesCompile : question.answer.doesCompile;
      await quiz.locator(`input[name=doesCompile][value=${compiles}]`).check();
      if (compiles) await quiz.locator("textarea").fill(wrong ? "nothing" : question.answer.stdout);
    } else if (question.type === "MultipleChoice") {
      const choice = wrong ? question.prompt.distractors[0] : question.answer.answer;
      await quiz.locator("input[name=answer]").evaluateAll((inputs, choice) =>
        inputs.find((input) => input.value === choice).click(), choice);
    } else {
      await quiz.locator("input[type=text], textarea").first().fill(wrong ? "no" : question.answer.answer);
    }
    await quiz.locator("input[type=submit]").click();
  }
  const review = await quiz.evaluate((quiz) => ({
    score: quiz.querySelector("section > p strong")?.textContent,
    first: quiz.querySelectorAll(".answer-wrapper")[0]?.querySelector(".correct, .incorrect")?.className,
    second: quiz.querySelectorAll(".answer-wrapper")[1]?.querySelector(".incorrect") !== null,
  }));
  const expected = `${questions.length - 1}/${questions.length}`;
  if (review.score !== expected) problems.push(`quiz: answered with one mistake, the review says ${review.score}, not ${expected}`);
  if (review.first !== "correct") problems.push("quiz: question 1, answered right, is not marked correct");
  if (!review.second) problems.push("quiz: question 2, answered wrong, is not marked incorrect");
  await audit(page, `${quizPage}, a quiz answered`, "light", tallies[themes[0]]);
  await quiz.screenshot({ path: join(shots, "quiz-review.png") });
  await page.close();

  // What the quiz adds to a page's load: its files' bytes, and the load time of its page
  // with and without them (the script and style answered empty), best of three each.
  const load = async (blocked) => {
    const bare = await browser.newContext();
    await bare.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1") return route.abort();
      if (blocked && url.pathname.includes("/quiz/")) return route.fulfill({ status: 200, body: "" });
      return route.continue();
    });
    const times = [];
    let bytes = 0;
    for (let run = 0; run < 3; run += 1) {
      const tab = await bare.newPage();
      await tab.goto(origin + base + quizPage, { waitUntil: "load" });
      const timing = await tab.evaluate(() => ({
        load: performance.getEntriesByType("navigation")[0].loadEventEnd,
        quiz: performance.getEntriesByType("resource").filter((r) => r.name.includes("/quiz/"))
          .reduce((sum, r) => sum + r.encodedBodySize, 0),
      }));
      times.push(timing.load);
      bytes = timing.quiz;
      await tab.close();
    }
    await bare.close();
    return { ms: Math.min(...times), bytes };
  };
  const withQuiz = await load(false);
  const without = await load(true);
  console.log(`quiz: ${stem(quizPage)}'s quiz answered (review ${review.score}); its files weigh ${withQuiz.bytes} bytes, and ${quizPage} loads in ${withQuiz.ms.toFixed(0)} ms with them, ${without.ms.toFixed(0)} ms without (best of 3, from 127.0.0.1)`);
}

// Listings fit the page: at a 1280-px-wide window (the sidebar open, as mdBook opens it
// there), no Rust block scrolls sideways, solutions in <details> included.
{
  const wide = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await wide.route("**/*", (route) => new URL(route.request().url()).hostname === "127.0.0.1"
    ? route.continue() : route.abort());
  let blocks = 0;
  for (const name of pages.filter((file) => chapters.includes(file))) {
    const page = await wide.newPage();
    await page.goto(origin + base + name, { waitUntil: "load" });
    const found = await page.evaluate(() => {
      for (const details of document.querySelectorAll("details")) details.open = true;
      const rust = [...document.querySelectorAll("pre > code.language-rust")];
      return {
        count: rust.length,
        wide: rust.filter((code) => [code, code.parentElement].some((box) => box.scrollWidth > box.clientWidth + 1))
          .map((code) => {
            const longest = code.innerText.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
            return `${longest.length} columns: ${longest.trim().slice(0, 60)}`;
          }),
      };
    });
    blocks += found.count;
    for (const line of found.wide) problems.push(`${name}: a Rust block scrolls sideways at 1280 px (${line})`);
    await page.close();
  }
  await wide.close();
  console.log(`listings: ${blocks} Rust blocks checked at 1280 px`);
}

// The timeline of the listing hello_async (two tasks, so two rows), on the chapter
// whose source includes it: found by its <title>, which names the listing.
const helloAsync = {
  page: chapterHolding("/timelines/hello_async.svg"),
  svg: (page) => page.locator("svg.timeline").filter({
    has: page.locator("title", { hasText: /^Timeline of hello_async, / }),
  }),
};
if (!helloAsync.page) problems.push("timeline: no chapter includes timelines/hello_async.svg");

// On a 390-px-wide phone, a timeline keeps its labels legible (12 units of a 640-unit
// picture, drawn at 10 px or more) and scrolls sideways in a frame that the keyboard can
// reach, and the page itself does not scroll sideways: on every chapter that includes one.
{
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await phone.route("**/*", (route) => new URL(route.request().url()).hostname === "127.0.0.1"
    ? route.continue() : route.abort());
  const timelinePages = chapters.filter((name) => /\/timelines\/[^}]*\.svg/.test(sourceOf(name)));
  if (timelinePages.length === 0) problems.push("phone: no chapter includes a timeline");
  for (const name of timelinePages) {
    const page = await phone.newPage();
    await page.goto(origin + base + name, { waitUntil: "load" });
    const seen = await page.evaluate(() => ({
      page: document.scrollingElement.scrollWidth - window.innerWidth,
      timelines: [...document.querySelectorAll("svg.timeline")].map((svg) => ({
        label: (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) * 12,
        stop: svg.parentElement.classList.contains("timeline-frame") && svg.parentElement.tabIndex === 0,
      })),
    }));
    if (seen.timelines.length === 0) problems.push(`phone: no timeline on ${name}`);
    for (const [i, { label, stop }] of seen.timelines.entries()) {
      if (label < 10) problems.push(`phone: timeline ${i + 1} of ${name} draws its labels at ${label.toFixed(1)} px`);
      if (!stop) problems.push(`phone: timeline ${i + 1} of ${name} is not in a frame the keyboard can scroll`);
    }
    if (seen.page > 1) problems.push(`phone: ${name} scrolls sideways by ${seen.page} px`);
    if (name === helloAsync.page) {
      await page.locator(".timeline-frame").filter({ has: helloAsync.svg(page) })
        .screenshot({ path: join(shots, "timeline-phone.png") });
    }
    await page.close();
  }
  console.log(`phone: the timelines of ${timelinePages.length} chapters checked at 390 px`);
  await phone.close();
}

// Search: type a word, and the results list some pages.
{
  const page = await open("index.html");
  await page.click("#mdbook-search-toggle");
  // The search index loads when the search bar first opens: let it arrive first.
  await page.waitForLoadState("networkidle");
  await page.locator("#mdbook-searchbar").pressSequentially("Semaphore");
  try {
    await page.waitForSelector("#mdbook-searchresults li", { timeout: 10_000 });
  } catch {
    problems.push("search: no result for Semaphore");
  }
  await page.close();
}

// Themes: pick Navy, and the page takes it (the <html> element's class). Screenshots of
// the first two chapters.
{
  const [first, second] = chapters;
  const page = await open(first);
  await page.click("#mdbook-theme-toggle");
  await page.click("#mdbook-theme-navy");
  const navy = await page.evaluate(() => document.documentElement.classList.contains("navy"));
  if (!navy) problems.push("theme: choosing Navy did not switch the page");
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${stem(first)}-navy.png`), fullPage: true });
  await page.close();
  const next = await open(second);
  await next.screenshot({ path: join(shots, `${stem(second)}.png`), fullPage: true });
  await next.close();
}

// Python beside Rust, on the first chapter that sets them side by side: Rust shows
// first; clicking Python shows the Python alone, and the choice holds on the next
// chapter that has both. Printed, both blocks show.
const tabbed = 'class="python-rust"';
const tabsPage = chapterHolding(tabbed);
if (!tabsPage) problems.push("tabs: no chapter sets Python beside Rust");
if (tabsPage) {
  const page = await open(tabsPage);
  const visible = (lang) => page.locator(`.python-rust code.language-${lang}`).first().isVisible();
  if (!(await visible("rust")) || (await visible("python"))) problems.push("tabs: Rust is not the first tab shown");
  await page.locator(".python-rust-tabs button", { hasText: "Python" }).first().click();
  if (!(await visible("python")) || (await visible("rust"))) problems.push("tabs: clicking Python did not show the Python");
  await page.screenshot({ path: join(shots, `${stem(tabsPage)}-python.png`), fullPage: true });
  await page.emulateMedia({ media: "print" });
  if (!(await visible("python")) || !(await visible("rust"))) problems.push("tabs: a printed page does not show both blocks");
  await page.close();
  const nextTabs = chapterHolding(tabbed, tabsPage);
  if (!nextTabs) problems.push(`tabs: no chapter after ${tabsPage} sets Python beside Rust`);
  if (nextTabs) {
    const next = await open(nextTabs);
    if (!(await next.locator(".python-rust code.language-python").first().isVisible())) {
      problems.push(`tabs: the choice of Python did not hold on ${nextTabs}`);
    }
    await next.close();
  }
}
if (tabsPage) {
  // With scripts off there are no tabs: both blocks show, one above the other.
  const bare = await browser.newContext({ javaScriptEnabled: false });
  await bare.route("**/*", (route) => new URL(route.request().url()).hostname === "127.0.0.1"
    ? route.continue() : route.abort());
  const page = await bare.newPage();
  await page.goto(origin + base + tabsPage);
  for (const lang of ["python", "rust"]) {
    if (!(await page.locator(`.python-rust code.language-${lang}`).first().isVisible())) {
      problems.push(`tabs: with scripts off, the ${lang} block is hidden`);
    }
  }
  await bare.close();
}

// A timeline shows, with a row a task: hello_async's, two tasks.
if (helloAsync.page) {
  const page = await open(helloAsync.page);
  const svg = helloAsync.svg(page);
  const box = (await svg.count()) === 1 ? await svg.boundingBox() : null;
  const rows = await svg.locator("text.row").count();
  if (!box || box.width < 300 || rows !== 2) problems.push(`timeline: hello_async shows ${rows} rows in ${JSON.stringify(box)}`);
  if (box) await svg.screenshot({ path: join(shots, "timeline-hello-async.png") });
  await page.close();
}

// Every Run button shows (mdBook unhides it once the playground's crate list has come;
// its toolbar itself shows on hover) and sends its listing whole, the hidden lines too
// (the support module the listing carries, the rest of a file shown in part), and
// exactly the program that `cargo test` type-checked against the playground's crates,
// which wrote what each button sends to target/playground-check/sent.json
// (tests/check/book/playground.rs). Each chapter shows as many Run buttons as it lists.
{
  const sentFile = new URL("../../target/playground-check/sent.json", import.meta.url);
  let sent = null;
  try {
    sent = JSON.parse(readFileSync(sentFile, "utf8"));
  } catch (error) {
    problems.push(`playground: no ${sentFile.pathname} (run \`cargo test\` first): ${error.message}`);
  }
  // A line of the hidden support module, which a program that carries it must send (a
  // `# ` left in front of it would not compile).
  const hidden = "mod course_support {";
  let clicked = 0;
  let carrying = 0;
  for (const name of sent ? chapters : []) {
    const codes = sent[name] ?? [];
    if (runButtons[name] !== codes.length) {
      problems.push(`playground: ${name} shows ${runButtons[name]} Run buttons, and \`cargo test\` read ${codes.length}`);
    }
    if (codes.length === 0) continue;
    const page = await open(name);
    // Solutions hide in <details>: open them, as a reader would to run one.
    await page.evaluate(() => { for (const details of document.querySelectorAll("details")) details.open = true; });
    for (const [index, expected] of codes.entries()) {
      const pre = page.locator("pre.playground").nth(index);
      const before = runs.length;
      try {
        await page.waitForFunction((index) => {
          const button = document.querySelectorAll("pre.playground")[index]?.querySelector(".play-button");
          return button && !button.hidden && !button.classList.contains("hidden");
        }, index, { timeout: 10_000 });
        // A listing beside its Python shows once its tab is picked, as a reader picks it.
        const tabs = pre.locator("xpath=ancestor::div[contains(@class, 'python-rust')]");
        if (await tabs.count() > 0) await tabs.getByRole("tab", { name: "Rust" }).click();
        await pre.hover();
        await pre.locator(".play-button").click();
        await pre.locator(".result").filter({ hasText: "answered by" }).waitFor({ timeout: 10_000 });
      } catch (error) {
        problems.push(`playground: Run button ${index + 1} of ${name} sent nothing or showed no answer: ${error.message.split("\n")[0]}`);
        continue;
      }
      clicked += 1;
      const run = runs[before];
      if (run.edition !== "2024") problems.push(`playground: ${name} #${index + 1} sends edition ${run.edition}`);
      if (expected.split("\n").includes(hidden)) {
        carrying += 1;
        if (!run.code.split("\n").includes(hidden))
          problems.push(`playground: ${name} #${index + 1} sends no \`${hidden}\` line: the hidden lines are missing`);
      }
      if (run.code !== expected)
        problems.push(`playground: ${name} #${index + 1} sends code other than the program \`cargo test\` checked (${run.code.length} characters, ${expected.length} expected)`);
    }
    await page.close();
  }
  if (sent && clicked === 0) problems.push("playground: no Run button in the book");
  console.log(`playground: ${clicked} Run buttons clicked, ${carrying} of them sending the hidden support module`);
}

// Publishing: a page that does not exist gets the book's 404 page, with a working way
// back; the print page holds every page of SUMMARY.md, its title (the first `# ` line).
{
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`404 page: ${error.message}`));
  const response = await page.goto(origin + base + "no-such-page.html");
  if (response.status() !== 404) problems.push(`404 page: answered ${response.status()}`);
  await page.locator("#mdbook-content a[href]").first().click();
  await page.waitForLoadState("load");
  if (!(await page.title()).includes("Async Rust")) problems.push("404 page: its first link leads nowhere");
  await page.close();
  const print = await open("print.html");
  const headings = await print.locator("#mdbook-content h1").allTextContents();
  for (const name of bookPages) {
    const title = sourceOf(name).match(/^# (.+)$/m)?.[1].replaceAll("`", "");
    if (!headings.includes(title)) problems.push(`print page: no chapter "${title}" (${name})`);
  }
  await print.close();
}

await browser.close();
server.close();
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the built book:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`browser: ${pages.length} pages loaded; search, themes, Python/Rust tabs, timelines, Run buttons and what they send, quizzes, the 404 and print pages work, axe finds nothing critical or serious; screenshots in ${shots}`);
