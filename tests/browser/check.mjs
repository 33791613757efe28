// Loads the built book in headless Chromium, as a reader would, and fails (exit code 1)
// on a page that logs a console error or throws, a request that leaves 127.0.0.1,
// a search that does not find "Semaphore", or a theme switch that does not switch.
// Usage: node tests/browser/check.mjs <built book folder> <screenshot folder>
import { createServer } from "node:http";
import { readFile, readdir, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const [site = "book", shots = "target/browser"] = process.argv.slice(2);
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
// Any request to another host is a problem, and is not sent.
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === "127.0.0.1") return route.continue();
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

const pages = (await readdir(site)).filter((file) => file.endsWith(".html"));
for (const name of pages) {
  const page = await open(name);
  await page.close();
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

// Themes: pick Navy, and the page takes it (the <html> element's class).
{
  const page = await open("ch01-hello-world.html");
  await page.click("#mdbook-theme-toggle");
  await page.click("#mdbook-theme-navy");
  const navy = await page.evaluate(() => document.documentElement.classList.contains("navy"));
  if (!navy) problems.push("theme: choosing Navy did not switch the page");
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "ch01-hello-world-navy.png"), fullPage: true });
  await page.close();
  const futures = await open("ch02-futures.html");
  await futures.screenshot({ path: join(shots, "ch02-futures.png"), fullPage: true });
  await futures.close();
}

await browser.close();
server.close();
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the built book:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log(`browser: ${pages.length} pages loaded, search and themes work; screenshots in ${shots}`);
