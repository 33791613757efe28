#!/usr/bin/env python3
"""Runs the workshop's Python, cell by cell, as the notebook ran it, and checks its output.

    python3 python/run.py               # run every run, compare with python/<chapter>/output/
    BLESS=1 python3 python/run.py       # the same, and rewrite the outputs that differ
    python3 python/run.py --measure     # time the runs beside the Rust listings, write the tables
    python3 python/run.py hello         # only the runs whose names hold "hello"
    python3 python/run.py --self-test   # only check the figure rule (below) on its example

What it does:
1. Checks that it runs on the CPython of `.python-version` (3.11), makes a virtual
   environment in target/python and installs `python/requirements.txt` into it (pinned,
   with hashes), then runs itself again inside it.
2. Reads the runs from the chapters' manifests (`cargo metadata`): each chapter's
   `Cargo.toml` declares its runs, `[[package.metadata.book.python]]`, and the rows of
   its `--measure` table, `[[package.metadata.book.measure]]`.
3. Builds the book's quote service (`cargo build -p quote-service`) and starts it on
   127.0.0.1, with 100 ms of latency, afresh for each run, so that every run gets the same
   quotes. The workshop's URL in a cell is replaced by the service's: nothing leaves the
   machine.
4. Runs each run in a Python process of its own: the PRELUDE, then the cells, in
   one namespace, with top-level `await`, on one running event loop, as Jupyter does.
   Blank lines split a file into cells; a cell's last expression is printed as `Out:`
   unless it ends with `;`. When the cells are done, the loop runs on until the tasks
   they left have finished, as a notebook's loop would.
5. Compares each output with python/<chapter>/output/<run>.txt, and prints a diff: the
   text must match; the figures (numbers with a unit of the root Cargo.toml's
   `figure-units`, the list tests/check/outputs.rs reads too), the log lines' clock times
   and memory addresses are free. Lines of an `unordered` run compare as a set.

Every Python file is run, or says why not on its first line (`# Not run: <reason>`):
`cargo test` checks that, from the same manifests (tests/check/book/includes.rs).
"""

import ast
import asyncio
import difflib
import inspect
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import tomllib
import traceback
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / "python"
VENV = ROOT / "target" / "python"
WORKSHOP_URL = "https://kaamelott.chaudie.re/api/random"
LATENCY_MS = 100


@dataclass
class Run:
    """One notebook session: cells from one or more files, run in order in one namespace.
    Its chapter's `Cargo.toml` declares it: `[[package.metadata.book.python]]`."""

    chapter: str
    name: str  # the output is python/<chapter>/output/<name>.txt
    cells: list  # "chapter/file.py", or {"file": "chapter/file.py", "cells": [numbers, from 1]}
    pause: float = 0  # seconds between cells: the reader's pace in the notebook
    unordered: bool = False  # lines come in the order the network answers
    script: bool = False  # a whole program (asyncio.run), run by `python file.py`
    env: dict = field(default_factory=dict)


def manifests():
    """`cargo metadata`'s packages (the chapters' manifests) and the workspace's metadata."""
    done = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          cwd=ROOT, text=True, stdout=subprocess.PIPE, check=True)
    metadata = json.loads(done.stdout)
    return metadata["packages"], (metadata["metadata"] or {}).get("book", {})


def book_tables(packages):
    """Each chapter package's `[package.metadata.book]`, by package name."""
    return {package["name"]: (package["metadata"] or {}).get("book", {}) for package in packages}


def runs_of(tables):
    return [Run(chapter, **run) for chapter, table in sorted(tables.items())
            for run in table.get("python", [])]


# The notebook's first cell, which the deck does not show: the imports its cells use, the
# logging format of its output (`MainProcess  MainThread  2021-06-10 11:18:01,568  Hello`)
# and the `Timer` whose line it prints (`Total time: 622.796 ms`), rebuilt from them.
PRELUDE = '''
import asyncio
import logging
import sys
import time

import httpx

logging.basicConfig(
    level=logging.INFO,
    format="%(processName)s  %(threadName)s  %(asctime)s  %(message)s",
    stream=sys.stdout,
)

# httpx 0.24 (2023) and later log each request at INFO, which the workshop's did not.
logging.getLogger("httpx").setLevel(logging.WARNING)

loop = asyncio.get_running_loop()  # as the notebook's In[5] defines it, for later cells


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        print(f"Total time: {(time.perf_counter() - self.start) * 1000:.3f} ms")
'''


# ---------------------------------------------------------------- inside one run's process


def cells_of(path, wanted):
    """The chosen cells of a file: its statements, split at blank lines, each cell with
    whether its last line ends with `;` (which hides its value in the notebook)."""
    source = path.read_text().replace(WORKSHOP_URL, os.environ["QUOTES_URL"] + "/api/random")
    lines = source.splitlines()
    body = ast.parse(source, str(path)).body
    cells = []
    for statement in body:
        gap = lines[cells[-1][-1].end_lineno : statement.lineno - 1] if cells else []
        if not cells or any(not line.strip() for line in gap):
            cells.append([])
        cells[-1].append(statement)
    chosen = [cell for number, cell in enumerate(cells, 1) if wanted is None or number in wanted]
    return [(cell, lines[cell[-1].end_lineno - 1].rstrip().endswith(";")) for cell in chosen]


async def run_cells(run):
    namespace = {"__name__": "__main__"}
    exec(PRELUDE, namespace)
    if t0_file := os.environ.get("RUN_T0_FILE"):
        Path(t0_file).write_text(repr(time.time()))
    first = True
    for entry in run.cells:
        file, wanted = (entry, None) if isinstance(entry, str) else (entry["file"], entry["cells"])
        for cell, quiet in cells_of(PYTHON / file, wanted):
            if not first:
                await asyncio.sleep(run.pause)
            first = False
            shown = isinstance(cell[-1], ast.Expr) and not quiet
            if shown:  # keep the value of the last expression, as the notebook's Out[n]
                cell[-1] = ast.Assign([ast.Name("_out", ast.Store())], cell[-1].value)
            module = ast.fix_missing_locations(ast.Module(cell, []))
            namespace["_out"] = None
            try:
                code = compile(module, str(PYTHON / file), "exec",
                               flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
                result = eval(code, namespace)
                if inspect.iscoroutine(result):
                    await result
            except BaseException as error:  # the notebook shows it and goes on
                if isinstance(error, (KeyboardInterrupt, SystemExit)):
                    raise
                print("".join(traceback.format_exception_only(error)), end="")
            if shown and namespace["_out"] is not None:
                print(f"Out: {namespace['_out']!r}")
    # The notebook's loop keeps running: let the tasks the cells started finish.
    current = asyncio.current_task()
    pending = [task for task in asyncio.all_tasks() if task is not current]
    if pending:
        _, still = await asyncio.wait(pending, timeout=10)
        if still:
            print(f"(still pending after 10 s: {len(still)} tasks)")
    await asyncio.sleep(0.05)  # a callback due now, such as call_later's, runs too


# ---------------------------------------------------------------- the driver


def bootstrap():
    """Check the CPython, make the venv, and run again inside it."""
    pin = (ROOT / ".python-version").read_text().strip()
    if ".".join(map(str, sys.version_info[:2])) != ".".join(pin.split(".")[:2]):
        sys.exit(f"run.py: needs CPython {pin} (.python-version), not {sys.version.split()[0]}")
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    requirements = PYTHON / "requirements.txt"
    stamp = VENV / "installed-requirements.txt"
    if not stamp.exists() or stamp.read_text() != requirements.read_text():
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--require-hashes", "--only-binary=:all:", "-r", requirements],
                       check=True)
        stamp.write_text(requirements.read_text())
    os.execv(python, [python, __file__, *sys.argv[1:]])


def cargo_build(*args):
    subprocess.run(["cargo", "build", "--quiet", *args], cwd=ROOT, check=True)


class QuoteService:
    """The book's quote service on 127.0.0.1, a free port, fresh quotes from seed 1."""

    def __enter__(self):
        binary = ROOT / "target" / "debug" / "quote-service"
        self.process = subprocess.Popen(
            [binary, "--port", "0", "--latency-ms", str(LATENCY_MS)],
            stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()  # "Serving quotes on http://127.0.0.1:PORT"
        if not line.startswith("Serving quotes on http://"):
            sys.exit(f"run.py: the quote service did not start ({binary})")
        self.url = line.split()[-1]
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGINT)
        self.process.wait()


def run_once(run):
    """Runs a run in a process of its own: its output, and each line with the time it
    reached us, counted from when the first cell started."""
    env = {**os.environ, **run.env, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    t0_file = VENV / f"{run.name}.t0"
    env["RUN_T0_FILE"] = str(t0_file)
    with QuoteService() as service:
        env["QUOTES_URL"] = service.url
        if run.script:
            command = [sys.executable, PYTHON / run.cells[0]]
        else:
            command = [sys.executable, __file__, "--cells", json.dumps(run.__dict__)]
        started = time.time()
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = [(line, time.time()) for line in child.stdout]
        child.wait()
    t0 = float(t0_file.read_text()) if t0_file.exists() else started
    t0_file.unlink(missing_ok=True)
    text = normalise("".join(line for line, _ in lines))
    if child.returncode:
        text += f"(exit code {child.returncode})\n"
    return text, [(line, at - t0) for line, at in lines]


def normalise(text):
    """Paths that depend on the machine, shortened."""
    text = text.replace(str(PYTHON) + "/", "")
    return text.replace(str(Path(asyncio.__file__).parent), ".../asyncio")


def figure_pattern(units):
    """The figure rule that tests/check/outputs.rs applies too, from the one list in the root
    Cargo.toml (`[workspace.metadata.book] figure-units`): a number followed by one of the
    units, and by no letter or digit."""
    alternatives = "|".join(re.escape(unit["unit"]) for unit in units)
    return re.compile(rf"\d[\d.]*({alternatives})(?![^\W_])")


def check_figure_rule(figure):
    """The example tests/check/outputs.rs checks its side of the rule with."""
    line = "4 threads: 812.5 ms, 1.97x faster, 0.50 seconds, 3 tasks"
    masked = figure.sub(r"#\1", line)
    if masked != "4 threads: # ms, #x faster, # seconds, 3 tasks":
        sys.exit(f"run.py: the figure rule masks {line!r} as {masked!r}")


CLOCK = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}")
ADDRESS = re.compile(r"0x[0-9a-f]+|when=[\d.]+")


def shape(text, unordered, figure):
    """The text, figures, clock times and addresses masked: what must not change."""
    masked = [ADDRESS.sub("#", CLOCK.sub("#", figure.sub(r"#\1", line)))
              for line in text.splitlines()]
    return sorted(masked) if unordered else masked


def check(runs, figure):
    bless = os.environ.get("BLESS") == "1"
    failed = []
    for run in runs:
        started = time.perf_counter()
        text, _ = run_once(run)
        file = PYTHON / run.chapter / "output" / f"{run.name}.txt"
        expected = file.read_text() if file.exists() else ""
        same = file.exists() and shape(expected, run.unordered, figure) == shape(
            text, run.unordered, figure)
        verdict = "ok" if same else ("rewritten" if bless else "DIFFERS")
        print(f"{run.chapter}/{run.name}: {verdict} ({time.perf_counter() - started:.1f} s)")
        if not same and bless:
            file.parent.mkdir(exist_ok=True)
            file.write_text(text)
        elif not same:
            failed.append(run.name)
            name = str(file.relative_to(ROOT))
            print("".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                               name, "this run")))
    if failed:
        sys.exit(f"run.py: {len(failed)} output(s) differ: {', '.join(failed)} "
                 f"(BLESS=1 python3 python/run.py rewrites them; read the diff)")


# ---------------------------------------------------------------- --measure: the tables

REPEATS = 3
RUST_LINE = re.compile(r"^(\d+\.\d+)s \S+ (.*)$")
PY_LINE = re.compile(r"^\S+  \S+  \d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d),(\d{3})  (.*)$")

# What a timed run gave: its log lines as (seconds after the first, message), its text,
# and each line of output with the time it reached us (Python runs only).
Timed = namedtuple("Timed", "logged text stamped")


def rust_once(binary):
    """A Rust listing, release build, real clock, against a fresh quote service."""
    with QuoteService() as service:
        done = subprocess.run([ROOT / "target" / "release" / binary], cwd=ROOT, text=True,
                              env={**os.environ, "QUOTES_URL": service.url},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=True)
    logged = [(float(m[1]), m[2]) for m in map(RUST_LINE.match, done.stdout.splitlines()) if m]
    return Timed(logged, done.stdout, [])


def python_once(run):
    text, stamped = run_once(run)
    logged = [(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]) + int(m[4]) / 1000, m[5])
              for m in map(PY_LINE.match, text.splitlines()) if m]
    logged = [(at - logged[0][0], message) for at, message in logged]
    return Timed(logged, text, stamped)


def first(lines, start):
    return next(at for at, message in lines if message.startswith(start))


def last(lines, start):
    return [at for at, message in lines if message.startswith(start)][-1]


def total(timed):
    return (float(re.search(r"Total time: ([\d.]+) ms", timed.text)[1]),)


def span(timed):
    return (timed.logged[-1][0] - timed.logged[0][0],)


def starving(timed):
    lines = timed.logged
    return first(lines, "Hello"), first(lines, "Done"), last(lines, "World")


def gap(timed):
    return ((first(timed.logged, "World") - first(timed.logged, "Hello")) * 1000,)


def slept(timed):
    return tuple(at for at, message in timed.logged if "has slept" in message)


def slept_arrived(timed):
    """A print has no clock: the time each line reached us."""
    return tuple(at for line, at in timed.stamped if "has slept" in line)


SECONDS, MS = (" s", 3), (" ms", 0)
# A measure row's `figure`: what to read from the Python run, from the Rust listing, and
# how to write it: a template whose {i} is the range of the i-th figure over the repeats.
FIGURES = {
    "span": (span, span, ("{0}", [SECONDS])),
    "total": (total, total, ("{0}", [MS])),
    "starving": (starving, starving,
                 ("Hellos at {0}, *Done* at {1}, last World at {2}", [SECONDS] * 3)),
    "gap": (gap, gap, ("{0} apart", [MS])),
    "workers": (slept_arrived, slept, ("{0}, {1}, {2}", [SECONDS] * 3)),
}
RATIO = ("{0}", [("x", 2)])


def figure(values, template):
    """`template` with each {i} the range of the i-th figure over the repeats."""
    def one(i):
        unit, digits = template[1][i]
        lo, hi = min(v[i] for v in values), max(v[i] for v in values)
        if f"{lo:.{digits}f}" == f"{hi:.{digits}f}":
            return f"{lo:.{digits}f}{unit}"
        return f"{lo:.{digits}f} to {hi:.{digits}f}{unit}"
    return template[0].format(*(one(i) for i in range(len(template[1]))))


class Measurer:
    """Runs each Python run and Rust listing REPEATS times, once for all rows that use it."""

    def __init__(self, runs):
        self.runs = {run.name: run for run in runs}
        self.cache = {}

    def python(self, name):
        if name not in self.cache:
            self.cache[name] = [python_once(self.runs[name]) for _ in range(REPEATS)]
        return self.cache[name]

    def rust(self, binary):
        if ("rust", binary) not in self.cache:
            self.cache[("rust", binary)] = [rust_once(binary) for _ in range(REPEATS)]
        return self.cache[("rust", binary)]


def bench_medians(chapter, rows):
    """The medians, in ms, of the benchmarks the rows name (`bench = "<bench>/<name>"`)."""
    names = [row["bench"] for row in rows if "bench" in row]
    if not names:
        return {}
    benches = sorted({name.split("/")[0] for name in names})
    args = [arg for bench in benches for arg in ("--bench", bench)]
    output = subprocess.run(
        ["cargo", "bench", "--quiet", "-p", chapter, *args, "--",
         *[name.split("/")[1] for name in names]],
        cwd=ROOT, text=True, stdout=subprocess.PIPE, check=True).stdout
    medians = {}
    for name in names:
        row = next(line for line in output.splitlines() if f"─ {name.split('/')[1]} " in line)
        value, unit = row.split("│")[2].split()
        medians[name] = float(value) * {"ms": 1, "µs": 1e-3, "s": 1000}[unit]
    return medians


def chapter_rows(chapter, rows, measurer):
    """A chapter's table: label, slide, the Python's figure, the Rust's."""
    medians = bench_medians(chapter, rows)
    values, table = [], []
    for row in rows:
        if "ratio" in row:  # the figures of one row over another's, each repeat's
            top, bottom = (values[number - 1] for number in row["ratio"])
            py = [(t[0] / b[0],) for t, b in zip(top[0], bottom[0])]
            rust = f"{top[1] / bottom[1]:.2f}x"
            values.append((py, None))
            table.append((row["label"], row["slide"], figure(py, RATIO), rust))
            continue
        read_py, read_rust, template = FIGURES[row["figure"]]
        py = [read_py(timed) for timed in measurer.python(row["python"])]
        if "bench" in row:
            rust_value = medians[row["bench"]]
            rust = f"{rust_value:.1f} ms"
        else:
            rust_value = None
            rust = figure([read_rust(timed) for timed in measurer.rust(row["rust"])], template)
        values.append((py, rust_value))
        table.append((row["label"], row["slide"], figure(py, template), rust))
    return table


def crate_version(name):
    lock = tomllib.loads((ROOT / "Cargo.lock").read_text())
    return next(package["version"] for package in lock["package"] if package["name"] == name)


def machine(http, bench):
    """The machine and the versions that made the figures."""
    lscpu = dict(line.split(":", 1) for line in subprocess.run(
        ["lscpu"], text=True, stdout=subprocess.PIPE).stdout.splitlines() if ":" in line)
    model = lscpu.get("Model name", "unknown CPU").strip()
    if "Hypervisor vendor" in lscpu:
        model += f" (a {lscpu['Hypervisor vendor'].strip()} virtual machine)"
    rustc = subprocess.run(["rustc", "--version"], cwd=ROOT, text=True,
                           stdout=subprocess.PIPE).stdout.split()[1]
    python = f"CPython {sys.version.split()[0]}"
    rust = f"Rust {rustc}, tokio {crate_version('tokio')}"
    if http:
        import httpx

        python += f", httpx {httpx.__version__}"
        rust += f", reqwest {crate_version('reqwest')}"
    if bench:
        rust += f", divan {crate_version('divan')}"
    return f"{os.cpu_count()} cores of an {model}; {python}; {rust}"


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def client_build_ms():
    """How long building an httpx client takes: the workshop's cells build one a request."""
    import httpx

    times = []
    for _ in range(10):
        start = time.perf_counter()
        httpx.Client().close()
        times.append((time.perf_counter() - start) * 1000)
    return (f" Building one httpx client (`httpx.Client()`), which the workshop's cells do for "
            f"every request, took {min(times):.0f} to {max(times):.0f} ms here (10 times).")


def measure(packages, tables, runs, chapters):
    """Every chapter's `[[package.metadata.book.measure]]` table, whose name holds one of
    `chapters` (all when none), written to python/<chapter>/measured/figures.md."""
    chosen = {chapter: table["measure"] for chapter, table in sorted(tables.items())
              if table.get("measure") and (not chapters or any(a in chapter for a in chapters))}
    binaries = {row["rust"] for rows in chosen.values() for row in rows if "rust" in row}
    holders = sorted({package["name"] for package in packages for target in package["targets"]
                      if "bin" in target["kind"] and target["name"] in binaries})
    cargo_build("--release", *[arg for package in holders for arg in ("-p", package)])
    facts = {name: fact for table in tables.values()
             for name, fact in table.get("listings", {}).items()}
    when, load_before = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load()
    measurer, written = Measurer(runs), []
    for chapter, rows in chosen.items():
        table = chapter_rows(chapter, rows, measurer)
        http = any("quote-client" in facts.get(row.get("rust"), {}) for row in rows)
        bench = any("bench" in row for row in rows)
        written.append((chapter, table, client_build_ms() if http else "", bench))
    loads = f"Load average (1, 5, 15 min) {load_before} when the run started, {load()} when it ended."
    for chapter, rows, extra, bench in written:
        about = f"{machine(bool(extra), bench)}, {'bench profile' if bench else 'release build'}. {loads}"
        if extra:
            extra = (f" The quote service ran on 127.0.0.1 with {LATENCY_MS} ms of latency a "
                     f"request, where the slides used the workshop's public API.{extra}")
        write_table(chapter, rows, about, when, extra, bench)


def write_table(chapter, rows, about, when, extra="", bench=False):
    how = ("the Python three times each, lowest to highest; the Rust benchmark's median of "
           f"20 samples (`cargo bench -p {chapter}`)" if bench else
           f"each {REPEATS} times, lowest to highest")
    text = ("| Run | Workshop's slide (2021) | Workshop's Python, here | Rust listing, here |\n"
            "|---|---|---|---|\n"
            + "".join(f"| {' | '.join(row)} |\n" for row in rows)
            + f"\n*Measured {when} by `python3 python/run.py --measure`, {how}: {about}{extra}*\n")
    file = PYTHON / chapter / "measured" / "figures.md"
    file.parent.mkdir(exist_ok=True)
    file.write_text(text)
    print(f"{file.relative_to(ROOT)}:\n{text}")


def main():
    if sys.argv[1:2] == ["--cells"]:
        run = Run(**json.loads(sys.argv[2]))
        os.environ.setdefault("QUOTES_URL", "")
        asyncio.run(run_cells(run))
        return
    bootstrap()
    packages, workspace = manifests()
    figure = figure_pattern(workspace["figure-units"])
    check_figure_rule(figure)
    if "--self-test" in sys.argv:
        print("run.py: the figure rule masks as tests/check/outputs.rs does")
        return
    tables = book_tables(packages)
    runs = runs_of(tables)
    cargo_build("-p", "quote-service")
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if "--measure" in sys.argv:
        measure(packages, tables, runs, args)
    else:
        check([run for run in runs if not args or any(arg in run.name for arg in args)], figure)


if __name__ == "__main__":
    main()
