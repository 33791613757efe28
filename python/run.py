#!/usr/bin/env python3
"""Runs the workshop's Python, cell by cell, as the notebook ran it, and checks its output.

    python3 python/run.py            # run every run below, compare with python/<chapter>/output/
    BLESS=1 python3 python/run.py    # the same, and rewrite the outputs that differ
    python3 python/run.py --measure  # time the runs beside the Rust listings, write the tables
    python3 python/run.py hello      # only the runs whose names hold "hello"

What it does:
1. Checks that it runs on the CPython of `.python-version` (3.11), makes a virtual
   environment in target/python and installs `python/requirements.txt` into it (pinned,
   with hashes), then runs itself again inside it.
2. Builds the book's quote service (`cargo build -p quote-service`) and starts it on
   127.0.0.1, with 100 ms of latency, afresh for each run, so that every run gets the same
   quotes. The workshop's URL in a cell is replaced by the service's: nothing leaves the
   machine.
3. Runs each run of RUNS in a Python process of its own: the PRELUDE, then the cells, in
   one namespace, with top-level `await`, on one running event loop, as Jupyter does.
   Blank lines split a file into cells; a cell's last expression is printed as `Out:`
   unless it ends with `;`. When the cells are done, the loop runs on until the tasks
   they left have finished, as a notebook's loop would.
4. Compares each output with python/<chapter>/output/<run>.txt: the text must match, the
   figures (numbers with a unit: `12.3 ms`, `1.5s`, `2.0x`), the log lines' clock times
   and memory addresses are free. Lines of an `unordered` run compare as a set.

A Python file that no run uses says why on its first line: `# Not run: <reason>`.
"""

import ast
import asyncio
import inspect
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / "python"
VENV = ROOT / "target" / "python"
WORKSHOP_URL = "https://kaamelott.chaudie.re/api/random"
LATENCY_MS = 100
NOT_RUN = "# Not run: "


@dataclass
class Run:
    """One notebook session: cells from one or more files, run in order in one namespace."""

    chapter: str
    name: str  # the output is python/<chapter>/output/<name>.txt
    cells: list  # "chapter/file.py", or ("chapter/file.py", [cell numbers, from 1])
    pause: float = 0  # seconds between cells: the reader's pace in the notebook
    unordered: bool = False  # lines come in the order the network answers
    script: bool = False  # a whole program (asyncio.run), run by `python file.py`
    env: dict = field(default_factory=dict)


HELLO = ("ch01-hello-world/hello_async.py", [1])  # the cell that defines `hello`

RUNS = [
    Run("ch01-hello-world", "hello_sync", ["ch01-hello-world/hello_sync.py"]),
    Run("ch01-hello-world", "hello_async", ["ch01-hello-world/hello_async.py"]),
    Run("ch02-futures", "lazy", ["ch02-futures/lazy.py"]),
    Run("ch03-runtime", "task_result", ["ch03-runtime/task_result.py"], pause=1.5),
    Run("ch04-timers", "call_later",
        [("ch03-runtime/task_result.py", [1, 2]), "ch04-timers/call_later.py"]),
    Run("ch04-timers", "timeout",
        [("ch03-runtime/task_result.py", [1]), "ch04-timers/done_callback.py",
         "ch04-timers/timeout.py"]),
    Run("ch05-starving", "starve", [HELLO, "ch05-starving/starve.py"]),
    # *Done* comes before or after the Worlds, as the sum takes less or more than 1 s.
    Run("ch05-starving", "starve_yield",
        [HELLO, "ch05-starving/starve_yield.py", ("ch05-starving/starve.py", [2])],
        unordered=True),
    # The book's own: the process pool the workshop points to without showing it.
    Run("ch05-starving", "process_pool", ["ch05-starving/process_pool.py"]),
    Run("ch06-cost-of-async", "overhead_plain", ["ch06-cost-of-async/overhead_plain.py"]),
    Run("ch06-cost-of-async", "overhead_async", ["ch06-cost-of-async/overhead_async.py"]),
    Run("ch07-http-sync", "fetch_sync", ["ch07-http-sync/fetch_sync.py"]),
    Run("ch08-http-concurrent", "join_set",
        ["ch08-http-concurrent/fetch_quote_async.py", "ch08-http-concurrent/join_set.py"],
        unordered=True),
    Run("ch09-http-limited", "semaphore",
        [("ch09-http-limited/semaphore.py", [1]), "ch09-http-limited/semaphore_timed.py"],
        unordered=True),
    Run("ch10-subprocesses", "terminate",
        ["ch10-subprocesses/tee.py", "ch10-subprocesses/kill.py",
         "ch10-subprocesses/terminate_wait.py"], pause=1),
    Run("ch10-subprocesses", "terminate_exec", ["ch10-subprocesses/terminate_exec.py"]),
    Run("ch11-queues", "workers", ["ch11-queues/workers.py"]),
    Run("ch11-queues", "worker_dies", ["ch11-queues/worker_dies.py"]),
    Run("ch13-debugging", "watchdog", ["ch13-debugging/watchdog.py"], script=True,
        env={"PYTHONASYNCIODEBUG": "1"}),
    Run("ch13-debugging", "debug_mode", ["ch13-debugging/debug_mode.py"], script=True,
        env={"PYTHONASYNCIODEBUG": "1"}),
    Run("ch13-debugging", "never_retrieved", ["ch13-debugging/never_retrieved.py"],
        script=True),
    Run("ch14-sockets", "echo_clients", ["ch14-sockets/echo_clients.py"]),
    Run("ch14-sockets", "server_close",
        ["ch14-sockets/echo_clients.py", "ch14-sockets/server_close.py"]),
    Run("ch17-sync-and-async", "sync_library", ["ch17-sync-and-async/sync_library.py"],
        script=True),
    Run("ch17-sync-and-async", "run_in_running_loop",
        ["ch17-sync-and-async/run_in_running_loop.py"]),
    Run("ch17-sync-and-async", "to_thread", ["ch17-sync-and-async/to_thread.py"]),
    # Its stdin is empty, as for every run: the read ends at once (the page says why
    # an open stdin would hold asyncio.run back).
    Run("ch17-sync-and-async", "stdin_executor", ["ch17-sync-and-async/stdin_executor.py"],
        script=True),
]

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
        file, wanted = (entry, None) if isinstance(entry, str) else entry
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


def check_every_file_runs_or_says_why():
    used = {entry if isinstance(entry, str) else entry[0] for run in RUNS for entry in run.cells}
    problems = []
    for path in sorted(PYTHON.glob("ch*/*.py")):
        name = str(path.relative_to(PYTHON))
        marked = path.read_text().startswith(NOT_RUN)
        if name in used and marked:
            problems.append(f"{name} runs, yet its first line says `{NOT_RUN.strip()}`")
        if name not in used and not marked:
            problems.append(f"{name} is in no run: add it to RUNS, or start it with "
                            f"`{NOT_RUN}<why>`")
    for name in used - {str(p.relative_to(PYTHON)) for p in PYTHON.glob("ch*/*.py")}:
        problems.append(f"RUNS names {name}, which does not exist")
    if problems:
        sys.exit("run.py:\n  " + "\n  ".join(problems))


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
            command = [sys.executable, __file__, "--cells", run.name]
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


FIGURE = re.compile(r"\d[\d.]*( ms| µs| ns| KiB| MiB| seconds|s|x)(?![A-Za-z0-9])")
CLOCK = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}")
ADDRESS = re.compile(r"0x[0-9a-f]+|when=[\d.]+")


def shape(text, unordered):
    """The text, figures, clock times and addresses masked: what must not change."""
    masked = [ADDRESS.sub("#", CLOCK.sub("#", FIGURE.sub(r"#\1", line)))
              for line in text.splitlines()]
    return sorted(masked) if unordered else masked


def check(runs):
    bless = os.environ.get("BLESS") == "1"
    failed = []
    for run in runs:
        started = time.perf_counter()
        text, _ = run_once(run)
        file = PYTHON / run.chapter / "output" / f"{run.name}.txt"
        same = file.exists() and shape(file.read_text(), run.unordered) == shape(text, run.unordered)
        verdict = "ok" if same else ("rewritten" if bless else "DIFFERS")
        print(f"{run.chapter}/{run.name}: {verdict} ({time.perf_counter() - started:.1f} s)")
        if not same and bless:
            file.parent.mkdir(exist_ok=True)
            file.write_text(text)
        elif not same:
            failed.append(run.name)
            print(f"--- {file.relative_to(ROOT)}\n{file.read_text() if file.exists() else ''}"
                  f"+++ this run\n{text}")
    if failed:
        sys.exit(f"run.py: {len(failed)} output(s) differ: {', '.join(failed)} "
                 f"(BLESS=1 python3 python/run.py rewrites them; read the diff)")


# ---------------------------------------------------------------- --measure: the tables

REPEATS = 3
RUST_PACKAGES = ["ch01-hello-world", "ch05-starving", "ch07-http-sync", "ch08-http-concurrent",
                 "ch09-http-limited", "ch10-subprocesses", "ch11-queues"]
RUST_LINE = re.compile(r"^(\d+\.\d+)s \S+ (.*)$")
PY_LINE = re.compile(r"^\S+  \S+  \d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d),(\d{3})  (.*)$")


def rust_once(binary):
    """A Rust listing, release build, real clock, against a fresh quote service."""
    with QuoteService() as service:
        done = subprocess.run([ROOT / "target" / "release" / binary], cwd=ROOT, text=True,
                              env={**os.environ, "QUOTES_URL": service.url},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=True)
    return [(float(m[1]), m[2]) for m in map(RUST_LINE.match, done.stdout.splitlines()) if m], \
        done.stdout


def python_once(name):
    """A run of RUNS: its log lines as (seconds after the first, message), and its text."""
    text, stamped = run_once(next(run for run in RUNS if run.name == name))
    logged = [(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]) + int(m[4]) / 1000, m[5])
              for m in map(PY_LINE.match, text.splitlines()) if m]
    logged = [(at - logged[0][0], message) for at, message in logged]
    return logged, text, stamped


def total_ms(text):
    return float(re.search(r"Total time: ([\d.]+) ms", text)[1])


def first(lines, start):
    return next(at for at, message in lines if message.startswith(start))


def last(lines, start):
    return [at for at, message in lines if message.startswith(start)][-1]


def span(lines):
    return (lines[-1][0] - lines[0][0],)


def starving(lines):
    return first(lines, "Hello"), first(lines, "Done"), last(lines, "World")


def tee_gap(lines):
    return ((first(lines, "World") - first(lines, "Hello")) * 1000,)


def figure(values, template):
    """`template` with each {i} the range of the i-th figure over the repeats."""
    def one(i):
        unit, digits = template[1][i]
        lo, hi = min(v[i] for v in values), max(v[i] for v in values)
        if f"{lo:.{digits}f}" == f"{hi:.{digits}f}":
            return f"{lo:.{digits}f}{unit}"
        return f"{lo:.{digits}f} to {hi:.{digits}f}{unit}"
    return template[0].format(*(one(i) for i in range(len(template[1]))))


SECONDS, MS = (" s", 3), (" ms", 0)
SPAN = ("{0}", [SECONDS])
TOTAL = ("{0}", [MS])
STARVING = ("Hellos at {0}, *Done* at {1}, last World at {2}", [SECONDS, SECONDS, SECONDS])
GAP = ("{0} apart", [(" ms", 0)])
WORKERS = ("{0}, {1}, {2}", [SECONDS, SECONDS, SECONDS])

# Each chapter's rows: what ran, the slide's figure, the Python run and the Rust listing
# with what to read from each, and how to write it.
TABLES = {
    "ch01-hello-world": [
        ("`hello()` twice, blocking: first *Hello* to last *World*", "2.008 s",
         ("hello_sync", span), ("hello_sync", span), SPAN),
        ("two tasks: first *Hello* to last *World*", "1.008 s",
         ("hello_async", span), ("hello_async", span), SPAN),
    ],
    "ch05-starving": [
        ("CPU task that yields every 10⁷ additions, beside two hellos",
         "Hellos at 0.118 s, *Done* at 0.978 s, last World at 1.124 s",
         ("starve_yield", starving), ("starve_yield", starving), STARVING),
        ("the same without yielding", "(commented out in the workshop)",
         ("starve", starving), ("starve", starving), STARVING),
    ],
    "ch07-http-sync": [
        ("10 requests, one at a time", "763 ms",
         ("fetch_sync", total_ms), ("fetch_sync", total_ms), TOTAL),
    ],
    "ch08-http-concurrent": [
        ("10 requests, concurrently", "196 ms",
         ("join_set", total_ms), ("join_set", total_ms), TOTAL),
    ],
    "ch09-http-limited": [
        ("one at a time", "763 ms", ("fetch_sync", total_ms), ("fetch_sync", total_ms), TOTAL),
        ("concurrently", "196 ms", ("join_set", total_ms), ("join_set", total_ms), TOTAL),
        ("five at a time", "201 ms (a semaphore of 5)",
         ("semaphore", total_ms), ("semaphore", total_ms), TOTAL),
    ],
    "ch10-subprocesses": [
        ("write `Hello` and `World` to `tee`, log its output: the two lines", "1 ms apart",
         ("terminate", tee_gap), ("tee", tee_gap), GAP),
    ],
    "ch11-queues": [
        ("two workers, sleeps of 1, 0.5 and 0.75 s: the three lines",
         "Worker 2 0.50, Worker 1 1.00, Worker 2 0.75 (no times shown)",
         ("workers", "stamps"), ("workers", "workers"), WORKERS),
    ],
}


def read(kind, name, cache):
    """One figure tuple per repeat, for a Python run or a Rust listing (run once each)."""
    key = (kind, name)
    if key not in cache:
        cache[key] = [python_once(name) if kind == "python" else rust_once(name)
                      for _ in range(REPEATS)]
    return cache[key]


def extract(kind, runs, how):
    out = []
    for result in runs:
        lines, text = result[0], result[1]
        if how == total_ms:
            out.append((total_ms(text),))
        elif how == "stamps":  # a print has no clock: the time each line reached us
            out.append(tuple(at for line, at in result[2] if "has slept" in line))
        elif how == "workers":
            out.append(tuple(at for at, message in lines if "has slept" in message))
        else:
            out.append(how(lines))
    return out


def overhead_rows(cache):
    """Chapter 6: the workshop's two cells, and the benchmark's medians (20 samples)."""
    bench = subprocess.run(
        ["cargo", "bench", "--quiet", "-p", "ch06-cost-of-async", "--bench", "overhead", "--",
         "plain_fn", "async_fn_block_on"],
        cwd=ROOT, text=True, stdout=subprocess.PIPE, check=True).stdout
    medians = {}
    for name in ("plain_fn", "async_fn_block_on"):
        row = next(line for line in bench.splitlines() if f"─ {name} " in line)
        value, unit = row.split("│")[2].split()
        medians[name] = float(value) * {"ms": 1, "µs": 1e-3, "s": 1000}[unit]
    plain = [(total_ms(r[1]),) for r in read("python", "overhead_plain", cache)]
    awaited = [(total_ms(r[1]),) for r in read("python", "overhead_async", cache)]
    ratio = [(a[0] / p[0],) for p, a in zip(plain, awaited)]
    rust_ratio = medians["async_fn_block_on"] / medians["plain_fn"]
    return [
        ("10⁷ calls of a plain function", "623 ms", figure(plain, TOTAL),
         f"{medians['plain_fn']:.1f} ms"),
        ("10⁷ awaited calls of an `async` function", "1115 ms", figure(awaited, TOTAL),
         f"{medians['async_fn_block_on']:.1f} ms"),
        ("async ÷ plain", "1.79x", figure(ratio, ("{0}", [("x", 2)])), f"{rust_ratio:.2f}x"),
    ]


def machine(http, bench):
    """The machine and the versions that made the figures."""
    lscpu = dict(line.split(":", 1) for line in subprocess.run(
        ["lscpu"], text=True, stdout=subprocess.PIPE).stdout.splitlines() if ":" in line)
    model = lscpu.get("Model name", "unknown CPU").strip()
    if "Hypervisor vendor" in lscpu:
        model += f" (a {lscpu['Hypervisor vendor'].strip()} virtual machine)"
    rustc = subprocess.run(["rustc", "--version"], cwd=ROOT, text=True,
                           stdout=subprocess.PIPE).stdout.split()[1]
    lock = (ROOT / "Cargo.lock").read_text()
    crate = lambda name: re.search(rf'name = "{name}"\nversion = "([^"]+)"', lock)[1]
    python, rust = f"CPython {sys.version.split()[0]}", f"Rust {rustc}, tokio {crate('tokio')}"
    if http:
        import httpx

        python += f", httpx {httpx.__version__}"
        rust += f", reqwest {crate('reqwest')}"
    if bench:
        rust += f", divan {crate('divan')}"
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


def measure(chapters):
    cargo_build("--release", *[arg for package in RUST_PACKAGES for arg in ("-p", package)])
    when, load_before = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load()
    cache, tables = {}, []
    for chapter, rows in TABLES.items():
        if chapters and not any(arg in chapter for arg in chapters):
            continue
        table = []
        for label, slide, (py_name, py_how), (rust_name, rust_how), template in rows:
            py = extract("python", read("python", py_name, cache), py_how)
            rust = extract("rust", read("rust", rust_name, cache), rust_how)
            table.append((label, slide, figure(py, template), figure(rust, template)))
        http = chapter in ("ch07-http-sync", "ch08-http-concurrent", "ch09-http-limited")
        tables.append((chapter, table, client_build_ms() if http else "", False))
    if not chapters or any(arg in "ch06-cost-of-async" for arg in chapters):
        tables.append(("ch06-cost-of-async", overhead_rows(cache), "", True))
    loads = f"Load average (1, 5, 15 min) {load_before} when the run started, {load()} when it ended."
    for chapter, rows, extra, bench in tables:
        about = f"{machine(bool(extra), bench)}, {'bench profile' if bench else 'release build'}. {loads}"
        if extra:
            extra = (f" The quote service ran on 127.0.0.1 with {LATENCY_MS} ms of latency a "
                     f"request, where the slides used the workshop's public API.{extra}")
        write_table(chapter, rows, about, when, extra, bench)


def write_table(chapter, rows, about, when, extra="", bench=False):
    how = ("the Python three times each, lowest to highest; the Rust benchmark's median of "
           "20 samples (`cargo bench -p ch06-cost-of-async`)" if bench else
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
        run = next(run for run in RUNS if run.name == sys.argv[2])
        os.environ.setdefault("QUOTES_URL", "")
        asyncio.run(run_cells(run))
        return
    bootstrap()
    check_every_file_runs_or_says_why()
    cargo_build("-p", "quote-service")
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    runs = [run for run in RUNS if not args or any(arg in run.name for arg in args)]
    if "--measure" in sys.argv:
        measure(args)
    else:
        check(runs)


if __name__ == "__main__":
    main()
