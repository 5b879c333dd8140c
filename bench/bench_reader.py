"""Benchmark the reader: startup vs a bare Textual app, j/k repaint, memory.

    python bench/make_large_db.py /tmp/large.db      # once
    python bench/bench_reader.py /tmp/large.db [--runs 5]

Start-up is timed two ways: in a real pseudo-terminal, from process start until the
first screen's text has been written (what a user sees: the `newsread` command vs a
bare Textual app run the same way), and headless under Pilot until the app is idle
(which includes the library read that runs after the first screen).
Prints figures only; nothing here asserts a timing.
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

NEWSREAD = """
import asyncio, sys
from pathlib import Path
from newsread.config import Config
from newsread.tui.app import NewsreadApp

async def main():
    app = NewsreadApp(Path(sys.argv[1]), Config(user="bench"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        while not app.screen.library_ready:
            await pilot.pause(0.01)
        assert app.screen.article is not None
        print("ready", flush=True)
        rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
        print("rss", rss, flush=True)

asyncio.run(main())
"""


# Children run with bytecode caching on, as an installed package does: Textual's
# site-packages come with .pyc files, so compiling newsread's sources on every
# start (PYTHONDONTWRITEBYTECODE) would not be a like-for-like comparison. The
# cache goes to a temporary prefix, not into the source tree.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "newsread-bench-pycache")


def time_to_ready(code: str, *args: str) -> tuple[float, int]:
    """Seconds from process start to its 'ready' line, and its RSS (kB) if printed."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=CHILD_ENV)
    elapsed, rss = 0.0, 0
    for line in child.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - started
        elif line.startswith("rss"):
            rss = int(line.split()[1])
    if child.wait() != 0:
        raise SystemExit("a benchmark child failed")
    return elapsed, rss


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
            longest = max(screen.summaries, key=lambda i: len(screen.store.article(i).text) if i < 5 else 0)
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
            return keyed, painted, idle, words, cpu_ms, idle_cpu

    return asyncio.run(main())


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
    args = parser.parse_args()

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
        bare.append(time_to_ready(BARE)[0])
        ours.append(time_to_ready(NEWSREAD, str(args.db)))
    bare_s = statistics.median(bare)
    ours_s = statistics.median(t for t, _ in ours)
    rss_mb = statistics.median(r for _, r in ours) / 1024
    print(f"startup until idle, library loaded (median of {args.runs}, headless Pilot 120x36)")
    print(f"  bare Textual app : {bare_s * 1000:7.0f} ms")
    print(f"  newsread         : {ours_s * 1000:7.0f} ms   ratio {ours_s / bare_s:.2f}x")
    print(f"memory (RSS) of newsread when idle on {args.db.name}: {rss_mb:.0f} MB")

    keyed, painted, idle, words, cpu_ms, idle_cpu = bench_jk(args.db, args.presses)
    print(f"j/k on a {words:,}-word article ({args.presses} presses)")
    print(f"  key press to idle (Pilot, includes event loop) : median {statistics.median(keyed):.1f} ms, "
          f"p95 {sorted(keyed)[int(len(keyed) * 0.95) - 1]:.1f} ms")
    print(f"  unbound key press to idle (Pilot baseline)     : median {statistics.median(idle):.1f} ms")
    print(f"  => j/k cost over the baseline                  : {statistics.median(keyed) - statistics.median(idle):.1f} ms")
    print(f"  CPU time per j/k press (whole app: key, action, layout, repaint) : median {statistics.median(cpu_ms):.1f} ms "
          f"(unbound key: {statistics.median(idle_cpu):.1f} ms)")
    print(f"  selection change + repaint of visible lines    : median {statistics.median(painted):.2f} ms, "
          f"max {max(painted):.2f} ms")

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
