"""In a real terminal, escape sequences stored in a database never reach the terminal.

A database written by another tool holds an article whose title, text, source,
speaker and note carry OSC 52 (clipboard write), OSC 0 (window title), clear
screen, a one-byte CSI, BEL, backspace, NUL and DEL. The installed ``newsread``
runs in a pseudo-terminal until the article's title is on screen, then q quits;
the bytes it wrote must hold none of the injected sequences.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from test_tui_support import insert_hostile_article

from newsread.library import content_hash
from newsread.model import Article
from newsread.store import Store

NEWSREAD = shutil.which("newsread") or str(Path(sys.executable).with_name("newsread"))


def run_in_terminal(db: Path, home: Path, marker: bytes, timeout: float = 60.0) -> bytes:
    """Everything ``newsread --db db`` writes to a 120x36 terminal until ``marker`` shows and q quits it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"), "NEWSREAD_USER": "tester"}
    env.pop("NEWSREAD_DB", None)
    child = subprocess.Popen([NEWSREAD, "--db", str(db)], stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True)
    os.close(slave)
    output = b""
    quit_sent = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            if not quit_sent and marker in output:
                time.sleep(0.3)  # let the first screen finish drawing
                os.write(master, b"q")
                quit_sent = True
            if quit_sent and child.poll() is not None:
                break
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)
        os.close(master)
    assert marker in output, output[-2000:]
    assert quit_sent and child.returncode == 0, (child.returncode, output[-2000:])
    return output


@pytest.fixture
def clean_db(tmp_path: Path) -> Path:
    path = tmp_path / "clean.db"
    with Store(path, user="test") as store:
        text = "Hostile-free text.\n\nThe minister said: “We will act now.” Then the report goes on.\n"
        store.add_article(Article(text=text, title="Hostile-free title", source="Source"), content_hash(text))
    return path


def test_injected_sequences_never_reach_the_terminal(tmp_path: Path, clean_db: Path):
    hostile = tmp_path / "hostile.db"
    insert_hostile_article(hostile)
    written = run_in_terminal(hostile, tmp_path / "home1", b"Hostile")
    control = run_in_terminal(clean_db, tmp_path / "home2", b"Hostile")
    text = written.decode("utf-8", errors="replace")

    for payload in ("\x1b]52;", "\x1b]0;pwned", "\x1bthor", "\x1b[31m red", "\x9b", "\x08", "\x00", "\x7f"):
        assert payload not in text, f"{payload!r} reached the terminal"
    assert b"\x1b]52" not in written
    # Textual may clear the screen itself: no more often than for a clean article.
    assert written.count(b"\x1b[2J") <= control.count(b"\x1b[2J")
    assert text.count("\x07") <= control.decode("utf-8", errors="replace").count("\x07")
    # The payloads are shown, harmless, as text with control pictures.
    assert "Hostile␛]52;c;ZXZpbA==␇" in text
