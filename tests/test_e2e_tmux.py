"""End to end in a real terminal: the installed ``newsread`` under tmux.

A whole review session (navigate, correct three quotes, add one, undo one, quit,
relaunch) and a crash (kill -9 right after the screen says "saved ✓"), checked
afterwards with the Store and ``newsread export``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_tui_support import build_db

from newsread.store import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

NEWSREAD = Path(sys.executable).with_name("newsread")


class Terminal:
    """One tmux server (private socket) running newsread in a 120×36 window."""

    def __init__(self, tmp_path: Path, db: Path):
        self.socket = f"newsread-e2e-{os.getpid()}-{tmp_path.name}"
        self.db = db
        self.env = {**os.environ, "NEWSREAD_CONFIG": str(tmp_path / "no-config.toml"), "NEWSREAD_USER": "e2e",
                    "TERM": "xterm-256color"}

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              env=self.env, timeout=30).stdout

    def launch(self, command: str = "") -> None:
        self.tmux("new-session", "-d", "-x", "120", "-y", "36", "-s", "reader",
                  command or f"{NEWSREAD} --db {self.db}")
        self.wait_for("Next quote")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "reader")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "reader", key)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "reader", "-l", text)

    def running(self) -> bool:
        return subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", "reader"],
                              capture_output=True, env=self.env).returncode == 0

    def wait_closed(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while self.running():
            assert time.monotonic() < deadline, "newsread did not quit"
            time.sleep(0.1)

    def app_pids(self) -> list[int]:
        pane = int(self.tmux("display-message", "-p", "-t", "reader", "#{pane_pid}").strip())
        children = subprocess.run(["pgrep", "-P", str(pane)], capture_output=True, text=True).stdout.split()
        return [pane, *map(int, children)]

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path):
    term = Terminal(tmp_path, build_db(tmp_path / "e2e.db"))
    yield term
    term.close()


def second_article(db: Path):
    with Store(db) as store:
        article_id = store.article_ids()[1]
        return store.article(article_id), store.quotes(article_id), store.speaker_candidates(article_id)


def test_a_whole_review_session(terminal: Terminal):
    article, (q1, q2, q3), candidates = second_article(terminal.db)
    terminal.launch()
    terminal.keys("J")
    terminal.wait_for(article.title)

    terminal.keys("a")
    terminal.wait_for(f"saved ✓ accepted quote {q1.id}")
    terminal.keys("t")
    terminal.wait_for(f"saved ✓ quote {q2.id} is indirect")
    pick = next(n for n, (name, _) in enumerate(candidates, 1) if name != q3.speaker)
    new_speaker = candidates[pick - 1][0]
    terminal.keys("j", str(pick))
    terminal.wait_for(f"saved ✓ speaker of quote {q3.id} is {new_speaker}")

    terminal.keys("v", "w", "w", "w", "A")  # from the cursor, at the quote's start: over the quote
    terminal.wait_for("A again adds it anyway")
    terminal.keys("A")
    terminal.wait_for("Who said it?")
    terminal.type("Ana Example")
    terminal.keys("Enter")
    terminal.wait_for("is Ana Example")
    terminal.keys("u")
    terminal.wait_for("saved ✓ undo: edit of quote")
    terminal.keys("q")
    terminal.wait_closed()

    terminal.launch()
    screen = terminal.wait_for(article.title)  # reopens where the work stopped
    assert "corrected" in screen
    terminal.keys("q")
    terminal.wait_closed()

    with Store(terminal.db) as store:
        assert store.quote(q1.id).status == "accepted"
        assert (store.quote(q2.id).kind, store.quote(q2.id).status) == ("indirect", "corrected")
        assert store.quote(q3.id).speaker == new_speaker
        added = [q for q in store.quotes(article.id) if q.id not in (q1.id, q2.id, q3.id)]
        assert len(added) == 1 and added[0].human and added[0].speaker == ""  # its speaker edit was undone
        assert [c.action for c in store.history()] == ["accept", "edit", "edit", "add", "edit", "undo"]

    exported = subprocess.run([str(NEWSREAD), "export", "--db", str(terminal.db), "-f", "jsonl"],
                              capture_output=True, text=True, timeout=60, env=terminal.env)
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    exported_quotes = {r["quote_id"]: r for r in records if r["article_id"] == article.id}
    with Store(terminal.db) as store:
        for quote in store.quotes(article.id):
            assert exported_quotes[quote.id]["status"] == quote.status
            assert exported_quotes[quote.id]["speaker"] == quote.speaker
    assert sorted(r["status"] for r in exported_quotes.values()) == ["accepted", "corrected", "corrected", "corrected"]


def test_a_saved_correction_survives_kill_9(terminal: Terminal):
    article, (q1, *_), _ = second_article(terminal.db)
    terminal.launch()
    terminal.keys("J")
    terminal.wait_for(article.title)
    terminal.keys("a")
    terminal.wait_for(f"saved ✓ accepted quote {q1.id}")
    for pid in reversed(terminal.app_pids()):
        os.kill(pid, signal.SIGKILL)
    terminal.wait_closed()

    with Store(terminal.db) as store:
        assert store.quote(q1.id).status == "accepted"
    terminal.launch()
    screen = terminal.wait_for(article.title)
    assert "accepted" in screen
    terminal.keys("q")
    terminal.wait_closed()


# The real `newsread` command with one bug planted after start-up: an error no code expects.
PLANTED_BUG = """
import sys
from newsread.tui import app as tui_app
started = tui_app.NewsreadApp.on_mount
def on_mount(self):
    started(self)
    self.set_timer(2, lambda: {}["a bug"])
tui_app.NewsreadApp.on_mount = on_mount
from newsread.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_a_crash_restores_the_terminal_and_says_one_line(terminal: Terminal, tmp_path: Path):
    script = tmp_path / "planted.py"
    script.write_text(PLANTED_BUG, encoding="utf-8")
    terminal.env["XDG_STATE_HOME"] = str(tmp_path / "state")  # where the crash log goes (platformdirs)
    terminal.launch(f"{sys.executable} {script} {terminal.db}; echo exit=$?; sleep 30")
    screen = terminal.wait_for("exit=")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == "exit=1"
    said = "".join(lines[:-1])  # one line, wrapped by the 120-column terminal
    assert said.startswith("newsread: the reader stopped: KeyError: 'a bug' (details in") and said.endswith("crash.log)")
    assert "Traceback" not in screen and "Next quote" not in screen  # the screen is the shell's again
    logged = next((tmp_path / "state").rglob("crash.log")).read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug" in logged
