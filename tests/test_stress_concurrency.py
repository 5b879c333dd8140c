"""A stress test: the reader correcting quotes while `newsread add` and `newsread reextract`
run in a loop in another process, for a bounded time.

Afterwards the database and its full-text indexes pass their integrity checks, and every
correction the reader's status line showed as saved is in the database as shown.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_tui_concurrency import integrity
from test_tui_support import build_db

from newsread.config import Config
from newsread.store import Store
from newsread.tui.app import NewsreadApp

pytestmark = pytest.mark.slow

SECONDS = 25  # how long the other process keeps adding and re-extracting
NEWSREAD = str(Path(sys.executable).parent / "newsread")

WRITER = """
import subprocess, sys, time
newsread, db, folder, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
deadline, rounds = time.monotonic() + seconds, 0
while time.monotonic() < deadline:
    path = f"{folder}/added-{rounds}.txt"
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"Round {rounds}\\n\\n\\"We are at round {rounds},\\" the organiser said. "
                  f"She added that the next round would follow soon.\\n")
    for args in (["add", path], ["reextract"]):
        done = subprocess.run([newsread, "--db", db, *args], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{args[0]} failed: {done.stderr}")
    rounds += 1
print(rounds)
"""

SAVED = re.compile(r"^saved ✓ (accepted|rejected) quote (\d+)|^saved ✓ quote (\d+) is (direct|indirect|mixed)")


def test_reader_corrections_survive_adds_and_reextractions_running_beside_it(tmp_path):
    path = build_db(tmp_path / "n.db", limit=14)
    env = {**os.environ, "NEWSREAD_CONFIG": "/nonexistent/newsread.toml", "NEWSREAD_USER": "writer"}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, NEWSREAD, str(path), str(tmp_path), str(SECONDS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    shown: dict[int, tuple[str, str]] = {}  # quote id -> (field, value) the status line last said was saved
    other_lines: list[str] = []

    def record(text) -> None:
        # every message the status line shows, in order: a key the loaded machine handles only
        # after the next read of the screen cannot hide its message
        said = text.plain
        match = SAVED.match(said)
        if match and match.group(2):
            shown[int(match.group(2))] = ("status", match.group(1))
        elif match:
            shown[int(match.group(3))] = ("kind", match.group(4))
        elif said:
            other_lines.append(said)

    async def review():
        app = NewsreadApp(path, Config(user="reviewer"))
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            screen.watch(screen.query_one("#status"), "text", record, init=False)
            keys = "axtjaJxtka"
            presses = 0
            while writer.poll() is None:
                await pilot.press(keys[presses % len(keys)])
                presses += 1
                await pilot.pause(0.05)
            await pilot.pause()
            return presses

    started = time.monotonic()
    presses = asyncio.run(review())
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    rounds = int(out.strip())
    print(f"\nstress: {time.monotonic() - started:.0f} s, writer rounds (add + reextract) {rounds}, "
          f"key presses {presses}, corrections shown saved {len(shown)}, other messages {len(other_lines)}")
    assert rounds >= 1 and len(shown) >= 10  # a loaded machine does fewer rounds; each one is checked
    assert all("corrupt" not in line and "malformed" not in line for line in other_lines), other_lines
    assert integrity(path) == [[("ok",)], [], []]
    with Store(path) as store:
        for quote_id, (field, value) in shown.items():
            quote = store.quote(quote_id)
            if field == "status":
                assert quote.status == value, (quote_id, value, quote)
            else:
                assert quote.kind == value and quote.status == "corrected", (quote_id, value, quote)
        assert store.count_articles() == 14 + rounds
