"""Benchmark the reader: startup vs a bare Textual app, memory, the library's queries, `n`,
export memory, j/k repaint.

    python bench/make_large_db.py /tmp/large.db [--articles 100000]   # once
    python bench/bench_reader.py /tmp/large.db [--runs 5] [--only store] [--clock cpu]

Start-up is timed two ways: in a real pseudo-terminal, from process start until the
first screen's text has been written (what a user sees: the `newsread` command vs a
bare Textual app run the same way), and headless under Pilot until the library is
loaded (listed, and its progress line counted, after the first screen) vs a bare app
until idle. The library's filter and sort, `n` and the search are store calls timed
beside a trivial store call; export memory is a child process's peak beside its size
before it started. Every figure is printed beside its baseline from the same run.
``--only store`` runs the store calls alone; ``--clock cpu`` times them by this process's CPU
time, which a busy machine disturbs less. Prints figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import sqlite3
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Each child prints "ready" when its first screen is up, then its RSS in kB.
BARE = """
import asyncio
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()

async def main():
    app = Bare()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print("ready", flush=True)
        rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
        print("rss", rss, flush=True)

asyncio.run(main())
"""

BARE_TERMINAL = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("hello, bare app")
        yield Footer()

Bare().run()
"""

# A bare app that repaints one line per "j": the terminal baseline for a key press.
BARE_KEYS = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    BINDINGS = [("j", "next", "Next")]
    count = 0

    def compose(self):
        yield Static("hello, bare app", id="line")
        yield Footer()

    def action_next(self):
        self.count += 1
        self.query_one("#line", Static).update(f"hello, bare app {self.count}")

Bare().run()
"""

# "listed" when the library has drawn its first rows; "ready" when the app is idle with the library
# listed and its progress line counted; then its RSS, and its RSS again after the list was run to
# its end and filtered.
NEWSREAD = """
import asyncio, sys
from pathlib import Path
from newsread.config import Config
from newsread.tui.app import NewsreadApp
from newsread.tui.article_list import ArticleList

def rss():
    return next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]

async def main():
    app = NewsreadApp(Path(sys.argv[1]), Config(user="bench"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        articles = screen.query_one(ArticleList)
        while not articles.rows_read:  # the first rows drawn
            await asyncio.sleep(0.002)
        print("listed", flush=True)
        await pilot.pause()
        while screen.progress is None:
            await pilot.pause(0.01)
        assert screen.article is not None and screen.library_ready
        print("ready", flush=True)
        print("rss", rss(), flush=True)
        articles.focus()
        await pilot.press("end", "pageup", "f", *"wiki")
        await pilot.pause()
        print("browsed", rss(), flush=True)

asyncio.run(main())
"""

# Export every quote as JSONL to /dev/null (stdout); on stderr: quotes, VmRSS before (kB), the peak
# (VmHWM) after a tenth of the articles and at the end, seconds.
EXPORT = """
import sys, time
from newsread.formats import export
from newsread.store import Store

def status(key):
    return int(next(l for l in open("/proc/self/status") if l.startswith(key)).split()[1])

store = Store(sys.argv[1], readonly=True)
tenth, marks = max(store.count_articles() // 10, 1), {}

def sampled(records):
    for number, record in enumerate(records, 1):
        if number == tenth:
            marks["tenth"] = status("VmHWM")
        yield record

before = status("VmRSS")
began = time.perf_counter()
count = export("jsonl", sampled(store.export_records()), None)
print(count, before, marks.get("tenth", 0), status("VmHWM"), time.perf_counter() - began, file=sys.stderr)
"""


# Children run with bytecode caching on, as an installed package does: Textual's
# site-packages come with .pyc files, so compiling newsread's sources on every
# start (PYTHONDONTWRITEBYTECODE) would not be a like-for-like comparison. The
# cache goes to a temporary prefix, not into the source tree.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "newsread-bench-pycache")


def time_to_ready(code: str, *args: str) -> dict[str, float]:
    """Seconds from process start to each line a child prints alone ('listed', 'ready'), and the kB
    of each 'rss' or 'browsed' line."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=CHILD_ENV)
    figures: dict[str, float] = {}
    for line in child.stdout:
        key, *value = line.split()
        figures[key] = float(value[0]) if value else time.perf_counter() - started
    if child.wait() != 0:
        raise SystemExit("a benchmark child failed")
    return figures


@contextmanager
def in_pty(argv: list[str]) -> Iterator[int]:
    """Run ``argv`` in a 120x36 pseudo-terminal; yield the terminal's side, stop the app after."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**CHILD_ENV, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        yield master
    finally:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        os.close(master)


def time_to_screen(argv: list[str], marker: bytes, timeout: float = 30.0) -> float:
    """Seconds from starting ``argv`` in a 120x36 pseudo-terminal until ``marker`` is written."""
    started = time.perf_counter()
    seen, elapsed = b"", None
    with in_pty(argv) as master:
        while elapsed is None and time.perf_counter() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            seen = seen[-4096:] + chunk
            if marker in seen:
                elapsed = time.perf_counter() - started
    if elapsed is None:
        raise SystemExit(f"{argv[0]}: the first screen never showed {marker!r}")
    return elapsed


def key_to_paint(argv: list[str], marker: bytes, presses: int, key: bytes = b"j") -> list[float]:
    """Milliseconds from writing ``key`` to the pty until the app's output for it has ended, per press.

    What a user waits for in a real terminal: the key travels in, the app repaints, the
    bytes come out. Output "ended" means nothing more for 50 ms (not counted).
    """
    def drain(quiet: float) -> float | None:
        """Read until ``quiet`` seconds pass with no output; the time of the last byte read."""
        last = None
        while select.select([master], [], [], quiet)[0]:
            os.read(master, 1 << 16)
            last = time.perf_counter()
        return last

    with in_pty(argv) as master:
        seen, started = b"", time.perf_counter()
        while marker not in seen and time.perf_counter() - started < 30:
            if select.select([master], [], [], 0.5)[0]:
                seen = seen[-4096:] + os.read(master, 1 << 16)
        drain(1.0)  # let start-up work (the library read, background wrapping) finish
        times = []
        for _ in range(presses):
            sent = time.perf_counter()
            os.write(master, key)
            last = drain(0.05)
            if last is not None:
                times.append((last - sent) * 1000)
        return times


def first_title(db: Path) -> bytes:
    """The start of the title the reader opens first: the last corrected article's, else the first."""
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT article_id FROM corrections ORDER BY id DESC LIMIT 1").fetchone()
    article_id = row[0] if row and row[0] is not None else conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    title = conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    conn.close()
    return title[:12].encode()


def bench_jk(db: Path, presses: int):
    """Key-to-idle ms per j/k press, widget repaint ms, unbound-key baseline ms, words; on the longest article."""
    from newsread.config import Config
    from newsread.tui.app import NewsreadApp
    from newsread.tui.article_view import ArticleView

    async def main():
        app = NewsreadApp(db, Config(user="bench"))
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            longest = max(screen.visible_ids[:4], key=lambda i: len(screen.store.article(i).text))
            screen.open_article(longest)
            await pilot.pause()
            view = screen.query_one(ArticleView)
            words = len(view.text.split())
            keyed, painted, idle, cpu_ms, idle_cpu = [], [], [], [], []
            for _ in range(presses // 2):  # an unbound key: Pilot's own cost of a press
                began, cpu = time.perf_counter(), time.process_time()
                await pilot.press("f12")
                idle.append((time.perf_counter() - began) * 1000)
                idle_cpu.append((time.process_time() - cpu) * 1000)
            for index in range(presses):
                key = "j" if (index // 20) % 2 == 0 else "k"
                began, cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                keyed.append((time.perf_counter() - began) * 1000)
                cpu_ms.append((time.process_time() - cpu) * 1000)
                # The widget's own share: restyle the spans and render every visible line.
                began = time.perf_counter()
                screen.action_move(1 if key == "j" else -1)
                for y in range(view.size.height):
                    view.render_line(y)
                painted.append((time.perf_counter() - began) * 1000)
            unreviewed = []
            for _ in range(presses // 2):  # n: the next unreviewed quote, across articles
                began = time.perf_counter()
                await pilot.press("n")
                unreviewed.append((time.perf_counter() - began) * 1000)
            return keyed, painted, idle, words, cpu_ms, idle_cpu, unreviewed

    return asyncio.run(main())


# What median_ms reads: the wall clock, or (--clock cpu) this process's CPU time, which another
# process busy on the same cores disturbs less (the store calls run in this process, SQLite included).
CLOCK = time.perf_counter


def median_ms(call, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = CLOCK()
        call()
        times.append((CLOCK() - began) * 1000)
    return statistics.median(times)


def library_filters(db: Path) -> list[tuple[str, str]]:
    """(what, filter) to time, taken from the database: a word of the last article's title, the most
    common source, one letter, the most quoted speaker, and no filter."""
    conn = sqlite3.connect(db)
    title = conn.execute("SELECT title FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    source = conn.execute("SELECT source FROM articles GROUP BY source ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    quoted = conn.execute("""SELECT s.name, count(*) FROM quote_speakers qs JOIN speakers s ON s.id = qs.speaker_id
                             GROUP BY qs.speaker_id ORDER BY count(*) DESC""").fetchall()
    conn.close()
    word = max((w for w in title.split() if w.isalpha()), key=len, default=title[:5])
    filters = [("title word", word.lower()), ("source", source.lower()), ("one letter", "e")]
    if quoted:
        filters.append(("speaker", "@" + quoted[0][0].split()[-1].lower()))
        # Two letters as typed on the way to a name, matching the speakers of about a quarter of the quotes
        # (neither few nor most: the speaker filter's dearest case), then most speakers, and '@' alone (all).
        total = sum(n for _, n in quoted)
        pairs = {name[i:i + 2] for name, _ in quoted for i in range(len(name) - 1) if name[i:i + 2].isalpha()}

        def share(pair: str) -> float:
            return sum(n for name, n in quoted if pair in name.casefold()) / total

        middle = min(sorted(pairs), key=lambda pair: abs(share(pair.casefold()) - 0.25)).casefold()
        filters += [("speakers, a quarter", "@" + middle), ("speakers, most", "@a"), ("any speaker", "@")]
    return [*filters, ("none (Esc)", "")]


def bench_queries(db: Path, runs: int) -> None:
    """The store calls behind the library, `n` and the search, each beside a trivial store call."""
    from newsread.store import Store
    from newsread.tui.article_list import PAGE
    from newsread.tui.search import search

    with Store(db, readonly=True) as store:
        baseline = median_ms(store.data_version, runs)

        def answer(query: str, sort: str) -> None:  # what a filter key costs: the listing and the first page of rows
            store.list_library(query, sort).rows(0, PAGE)

        print(f"library filter: the store lists the matches and reads the first {PAGE} rows (median of {runs}; "
              f"trivial store call: {baseline:.2f} ms; goal <= 50 ms)")
        sorts = ("added", "newest", "source", "unreviewed first")
        print(f"  {'filter':<26} {'articles':>9} {'added':>9} {'newest':>9} {'source':>9} {'unreviewed':>10}")
        for what, query in library_filters(db):
            count = len(store.list_library(query))
            times = [median_ms(lambda query=query, sort=sort: answer(query, sort), runs) for sort in sorts]
            print(f"  {what + ' ' + repr(query):<26} {count:>9,} " + " ".join(f"{t:6.1f} ms" for t in times))
        view = store.list_library("")
        middle = view[len(view) // 2]
        print(f"  position of an article in the list (J/K, opening one): {median_ms(lambda: view.index(middle), runs):.2f} ms")

        first, last = view[0], view[-1]
        positions = [("from the first article", (first, -1), False), ("from the middle", (middle, -1), False),
                     ("from the last article (none after)", (last, 1 << 62), False),
                     ("back from the middle (p)", (middle, -1), True)]
        print(f"n, the next unreviewed quote in corpus order (median of {runs}; trivial store call: {baseline:.2f} ms; "
              "goal <= 30 ms)")
        for what, after, backwards in positions:
            ms = median_ms(lambda after=after, backwards=backwards: store.next_unreviewed(after, backwards=backwards), runs)
            print(f"  {what:<36} {ms:7.2f} ms")

        print(f"search (/), articles and quotes by full-text, the last word as a prefix, as the dialog asks "
              f"(median of {runs}; trivial store call: {baseline:.2f} ms; goal <= 50 ms)")
        # The last article's number ("#100000" in its title) matches one article, so that list is ranked.
        number = str(view[-1] if len(view) else 1)
        for words in ("a", "the", "said", "minister", "toilet paper", "zanzibar", number, f"the {number}"):
            ms = median_ms(lambda words=words: search(store, words), runs)
            print(f"  {words!r:<16} {ms:8.1f} ms   {search(store, words).order or 'no match'}")


def bench_export(db: Path) -> tuple[int, int, int, int, float]:
    """Quotes exported, kB before, peak kB after a tenth and at the end, seconds (a child process)."""
    child = subprocess.run([sys.executable, "-c", EXPORT, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, env=CHILD_ENV)
    if child.returncode != 0:
        raise SystemExit(f"the export child failed:\n{child.stderr[-2000:]}")
    count, before, tenth, peak, seconds = child.stderr.split()[-5:]
    return int(count), int(before), int(tenth), int(peak), float(seconds)


def bench_huge(megabytes: float, runs: int) -> tuple[float, float, float, int]:
    """Median ms to open (load, style, wrap and render the visible lines) a normal and a huge article,
    and ms until the huge one is wrapped to its end in the background; its quote count."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_large_db import add_huge_article, build

    from newsread.config import Config
    from newsread.tui.app import NewsreadApp
    from newsread.tui.article_view import ArticleView

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "huge.db"
        build(db, 20, 10)
        huge = add_huge_article(db, megabytes)

        async def main():
            app = NewsreadApp(db, Config(user="bench"))
            async with app.run_test(size=(120, 36)) as pilot:
                screen = app.screen
                await app.workers.wait_for_complete()
                await pilot.pause()
                view = screen.query_one(ArticleView)
                normal_ms, huge_ms, wrapped_ms = [], [], []
                for _ in range(runs):
                    for article_id, times in ((2, normal_ms), (huge, huge_ms)):
                        began = time.perf_counter()
                        screen.open_article(article_id)
                        for y in range(view.size.height):
                            view.render_line(y)
                        times.append((time.perf_counter() - began) * 1000)
                        while not view.wrapped:
                            await asyncio.sleep(0.005)
                        if article_id == huge:
                            wrapped_ms.append((time.perf_counter() - began) * 1000)
                        await pilot.pause()
                return statistics.median(normal_ms), statistics.median(huge_ms), statistics.median(wrapped_ms), len(screen.quotes)

        return asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--huge-mb", type=float, default=5.0)
    parser.add_argument("--only", choices=["all", "store"], default="all",
                        help="store: only the store calls behind the library, n and the search (no terminal, no export)")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="what the store calls are timed by: the wall clock, or this process's CPU time")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    if args.clock == "cpu":
        print("store calls timed by this process's CPU time (--clock cpu)")
    if args.only == "store":
        bench_queries(args.db, args.runs * 4)
        return

    newsread = str(Path(sys.executable).with_name("newsread"))
    marker = first_title(args.db)
    time_to_screen([sys.executable, "-c", BARE_TERMINAL], b"hello, bare app")  # warm-up: bytecode caches
    time_to_screen([newsread, "--db", str(args.db)], marker)
    bare_t, ours_t = [], []
    for _ in range(args.runs):  # alternated, so machine load affects both alike
        bare_t.append(time_to_screen([sys.executable, "-c", BARE_TERMINAL], b"hello, bare app"))
        ours_t.append(time_to_screen([newsread, "--db", str(args.db)], marker))
    bare_s, ours_s = statistics.median(bare_t), statistics.median(ours_t)
    print(f"startup to first screen in a terminal (median of {args.runs}, 120x36 pty)")
    print(f"  bare Textual app : {bare_s * 1000:7.0f} ms")
    print(f"  newsread --db    : {ours_s * 1000:7.0f} ms   ratio {ours_s / bare_s:.2f}x (goal <= 1.5x)")

    bare, ours = [], []
    for _ in range(args.runs):
        bare.append(time_to_ready(BARE))
        ours.append(time_to_ready(NEWSREAD, str(args.db)))
    bare_s = statistics.median(b["ready"] for b in bare)
    listed_s = statistics.median(o["listed"] for o in ours)
    ours_s = statistics.median(o["ready"] for o in ours)
    print(f"startup until the library is loaded (median of {args.runs}, headless Pilot 120x36)")
    print(f"  bare Textual app, until idle         : {bare_s * 1000:7.0f} ms")
    print(f"  newsread, library listed             : {listed_s * 1000:7.0f} ms   ratio {listed_s / bare_s:.2f}x")
    print(f"  newsread, listed and progress counted: {ours_s * 1000:7.0f} ms   ratio {ours_s / bare_s:.2f}x (goal <= 2.5x)")
    bare_mb = statistics.median(b["rss"] for b in bare) / 1024
    rss_mb = statistics.median(o["rss"] for o in ours) / 1024
    browsed_mb = statistics.median(o["browsed"] for o in ours) / 1024
    print(f"memory (VmRSS) on {args.db.name} (median of {args.runs})")
    print(f"  bare Textual app                     : {bare_mb:7.0f} MB")
    print(f"  newsread, library loaded             : {rss_mb:7.0f} MB   (goal <= 150 MB)")
    print(f"  newsread, after End and a filter     : {browsed_mb:7.0f} MB")

    bench_queries(args.db, args.runs * 4)

    count, before, tenth, peak, seconds = bench_export(args.db)
    print(f"export of every quote as JSONL, streamed (one child process; {count:,} quotes in {seconds:.0f} s)")
    print(f"  before the export (VmRSS)            : {before / 1024:7.0f} MB")
    print(f"  peak after a tenth of the articles   : {tenth / 1024:7.0f} MB")
    print(f"  peak at the end (VmHWM)              : {peak / 1024:7.0f} MB   (+{(peak - before) / 1024:.0f} MB over before)")

    keyed, painted, idle, words, cpu_ms, idle_cpu, unreviewed = bench_jk(args.db, args.presses)
    print(f"j/k on a {words:,}-word article ({args.presses} presses)")
    print(f"  key press to idle (Pilot, includes event loop) : median {statistics.median(keyed):.1f} ms, "
          f"p95 {sorted(keyed)[int(len(keyed) * 0.95) - 1]:.1f} ms")
    print(f"  unbound key press to idle (Pilot baseline)     : median {statistics.median(idle):.1f} ms")
    print(f"  => j/k cost over the baseline                  : {statistics.median(keyed) - statistics.median(idle):.1f} ms")
    print(f"  CPU time per j/k press (whole app: key, action, layout, repaint) : median {statistics.median(cpu_ms):.1f} ms "
          f"(unbound key: {statistics.median(idle_cpu):.1f} ms)")
    print(f"  selection change + repaint of visible lines    : median {statistics.median(painted):.2f} ms, "
          f"max {max(painted):.2f} ms")
    print(f"  n (next unreviewed) press to idle (Pilot)      : median {statistics.median(unreviewed):.1f} ms "
          f"(unbound key: {statistics.median(idle):.1f} ms)")

    presses = min(args.presses, 50)
    bare_keys = key_to_paint([sys.executable, "-c", BARE_KEYS], b"hello, bare app", presses)
    ours_keys = key_to_paint([newsread, "--db", str(args.db)], marker, presses)
    bare_k, ours_k = statistics.median(bare_keys), statistics.median(ours_keys)
    print(f"j key to the end of its repaint in a real terminal (median of {presses}, 120x36 pty)")
    print(f"  bare Textual app, one line changes : {bare_k:6.1f} ms")
    print(f"  newsread, next quote               : {ours_k:6.1f} ms   (goal <= 30 ms; ratio {ours_k / bare_k:.2f}x)")

    normal_ms, huge_ms, wrapped_ms, huge_quotes = bench_huge(args.huge_mb, 3)
    print("time to open an article (load, style, lay out and render what is on screen; median of 3)")
    print(f"  normal article                     : {normal_ms:7.1f} ms")
    print(f"  {args.huge_mb:g} MB article ({huge_quotes:,} quotes) : {huge_ms:7.1f} ms   ratio {huge_ms / normal_ms:.1f}x; "
          f"wrapped to its end in the background after {wrapped_ms:.0f} ms")


if __name__ == "__main__":
    main()
