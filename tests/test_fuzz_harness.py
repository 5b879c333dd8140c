"""The fuzz harness the tests/test_fuzz_*.py files share, and the tests of the harness itself.

- Strategies for hostile input: text and bytes full of control characters, C1 controls, escape
  sequences, bidi overrides and isolates, lone surrogates (as bytes too), hostile file names.
- ``run_cli``: ``newsread.cli.main`` in this process (fast), its stdout and stderr captured,
  or each a pseudo-terminal (``pty.openpty``), so that what a terminal would receive is checked.
  ``NEWSREAD_DEBUG`` is set, so an unexpected exception fails the test with its traceback.
- ``assert_handled``: exit 0, 1 or 2, no traceback, no internal error, and no raw control
  character on stderr (ever) or on a terminal's stdout.
- ``store_problems``: a database, opened read-only, against what the store promises to hold.
- ``tried(target)``: the count of inputs each target ran and handled, written to
  ``fuzz-counts.json`` in pytest's base temp folder and shown in the terminal summary.

Every ``@given`` runs with ``fuzz(n)``: ``derandomize=True`` (the same inputs on every run of the
same tests), no example database, no deadline, ``n`` examples sized to the time budget (times
``NEWSREAD_FUZZ_SCALE`` for a deeper search by hand). A failure is reported as found, not shrunk
(``NEWSREAD_FUZZ_SHRINK=1`` shrinks it).
"""

from __future__ import annotations

import collections
import hashlib
import io
import json
import logging
import math
import os
import pty
import re
import sqlite3
import sys
import termios
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from newsread.model import QUOTE_KINDS, SPEAKER_KINDS, STATUSES

# Shrinking a failure can take minutes: only when asked (NEWSREAD_FUZZ_SHRINK=1), so a failing
# run still ends in time and reports the input as found.
PHASES = [Phase.explicit, Phase.generate, *([Phase.shrink] if os.environ.get("NEWSREAD_FUZZ_SHRINK") else [])]


# NEWSREAD_FUZZ_SCALE=10 tries ten times the inputs, for a deeper search than the suite has time for.
SCALE = max(1, int(os.environ.get("NEWSREAD_FUZZ_SCALE", "1") or 1))


def fuzz(max_examples: int) -> settings:
    return settings(max_examples=max_examples * SCALE, deadline=None, derandomize=True, database=None, print_blob=False,
                    phases=PHASES, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                          HealthCheck.data_too_large, HealthCheck.filter_too_much])


# ---- hostile input ------------------------------------------------------------------------

ESCAPES = ["\x1b[31m", "\x1b[2J", "\x1b]0;OWNED\x07", "\x1b]52;c;ZXZpbA==\x07", "\x1bP1$r\x1b\\", "\x1b", "\x1b[",
           "\x9b31m", "\x9d0;title\x9c", "\x90q", "\x07", "\x08", "\x00", "\x7f", "\x85", "\x0b", "\x0c"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
OTHER = ["\r", "\r\n", "\n", "\n\n", "\t", "\ufeff", "\u200b", "\u2028", "e\u0301", "\u0301", "\u212b", "\ud800", "\udce9",
         "\U0001f600", "\uffff"]
MARKS = list("\"'“”‘’«»„‚")
WORDS = ["The minister said", " said ", "according to", "Ann Lee", ":", ", he said.", "told reporters", ". ", "\n\n"]
PIECES = ESCAPES + BIDI + OTHER + MARKS + WORDS

hostile_text = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=30).map("".join)
# The same, as a file would hold it: UTF-8 with surrogates as their (invalid) bytes, other encodings, random bytes.
hostile_bytes = st.one_of(
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda t: "\ufeff".join(["", t]).encode("utf-16", "surrogatepass")),
    hostile_text.map(lambda t: t.encode("latin-1", "replace")),
    st.lists(st.one_of(st.binary(max_size=30), st.sampled_from([b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x80", b"\xff\xfe",
                                                               b"\x00", b"\x1b[31m", b"\xc2\x9b"])), max_size=20).map(b"".join),
)


def _name_ok(raw: bytes) -> bool:
    return raw not in (b"", b".", b"..") and b"/" not in raw and b"\x00" not in raw and not raw.startswith(b".")


# One path component as a str (os.fsdecode: a byte that is not UTF-8 as a surrogate escape).
hostile_name = st.one_of(
    st.lists(st.one_of(st.sampled_from(ESCAPES + BIDI + ["\n", "\t", "\r", "\udce9", "é", "#", "%", "?", " "]),
                       st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), max_size=8)),
             min_size=1, max_size=8).map("".join).map(lambda t: t.encode("utf-8", "surrogateescape")),
    st.binary(min_size=1, max_size=30),
).filter(lambda raw: _name_ok(raw) and len(raw) < 120).map(os.fsdecode)


# ---- running newsread ---------------------------------------------------------------------

@dataclass
class Ran:
    code: int
    out: str
    err: str
    terminal: bool


# As a real process on a UTF-8 system encodes them: stdout strictly (a lone surrogate written
# there is a crash), stderr with backslashes.
STDOUT_ERRORS, STDERR_ERRORS = "strict", "backslashreplace"


class _Pipe:
    """A pipe's end as a text stream, encoded as a real process's would be."""

    def __init__(self, errors: str) -> None:
        self.buffer = io.BytesIO()
        self.stream = io.TextIOWrapper(self.buffer, encoding="utf-8", errors=errors, write_through=True)

    def close(self) -> str:
        self.stream.flush()
        return self.buffer.getvalue().decode("utf-8")


class _Terminal:
    """A pseudo-terminal as a text stream: what is written to it is read back from its other side."""

    def __init__(self, errors: str) -> None:
        master, slave = pty.openpty()
        attributes = termios.tcgetattr(slave)
        attributes[1] &= ~termios.OPOST  # the bytes as written: no \n -> \r\n on the way
        termios.tcsetattr(slave, termios.TCSANOW, attributes)
        self.master, self.received = master, bytearray()
        self.stream = io.TextIOWrapper(io.FileIO(slave, "w"), encoding="utf-8", errors=errors, line_buffering=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:  # EIO: the other side is closed and everything is read
                return
            if not chunk:
                return
            self.received += chunk

    def close(self) -> str:
        try:
            self.stream.close()
        finally:
            self.reader.join(10)
            os.close(self.master)
        return self.received.decode("utf-8")  # what a terminal got must be UTF-8


def run_cli(*argv: str, terminal: bool = False) -> Ran:
    """``newsread ARGV`` in this process; stdout and stderr each a pipe, or each a pseudo-terminal."""
    from newsread.cli import main

    saved = sys.stdout, sys.stderr
    ends = [(_Terminal if terminal else _Pipe)(errors) for errors in (STDOUT_ERRORS, STDERR_ERRORS)]
    sys.stdout, sys.stderr = ends[0].stream, ends[1].stream
    # As in a real process, no handler on the root logger: a library's warning reaches stderr
    # (logging's last resort), where pytest's capture would hide it.
    root = logging.getLogger()
    saved_handlers, root.handlers = root.handlers, []
    # and warnings shown as a real process shows them (pytest would record them instead)
    caught = warnings.catch_warnings()
    caught.__enter__()
    warnings.resetwarnings()
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.simplefilter("ignore", category)
    warnings.showwarning = warnings._showwarning_orig  # type: ignore[attr-defined]
    try:
        try:
            code = main([str(arg) for arg in argv])
        except SystemExit as exit_:  # argparse: --help, a usage error
            code = exit_.code if isinstance(exit_.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        sys.stdout, sys.stderr = saved
        root.handlers = saved_handlers
        caught.__exit__(None, None, None)
        out, err = (end.close() for end in ends)
    return Ran(code, out, err, terminal)


@pytest.fixture(autouse=True)
def _environment(monkeypatch, tmp_path_factory):
    """No config file, no default database, tracebacks raised rather than reported as one line."""
    monkeypatch.setenv("NEWSREAD_CONFIG", "/nonexistent/newsread.toml")
    monkeypatch.setenv("NEWSREAD_DEBUG", "1")
    monkeypatch.delenv("NEWSREAD_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))


# ---- what every run must do ---------------------------------------------------------------

# What a terminal acts on: C0 controls but \n and \t, DEL, C1 controls, bidi embeddings, overrides, isolates.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# Every line newsread writes on stderr: its own one-line messages, summaries and progress bars.
# Anything else (a library's log line or warning) has no business there.
OWN_LINE = re.compile(r"(newsread: |added |imported |found |re-extracted |wrote |backed up |  \S|\r?(reading|extracting|"
                      r"re-extracting|fetching the pages of) )")


def raw_controls(text: str, *, allowed: str = "") -> list[str]:
    return sorted({ch for ch in RAW_CONTROL.findall(text) if ch not in allowed})


def assert_handled(ran: Ran, *, codes=(0, 1, 2)) -> None:
    """Exit 0, 1 or 2, no traceback, and nothing a terminal would obey written raw where it would
    reach one: stderr always (it shows file names), stdout when it is a terminal."""
    assert ran.code in codes, (ran.code, ran.err)
    assert "Traceback" not in ran.err and "internal error" not in ran.err, ran.err
    # stderr: a terminal's progress bar redraws its line with \r
    assert not raw_controls(ran.err, allowed="\r" if ran.terminal else ""), ascii(ran.err)
    if ran.terminal:
        assert not raw_controls(ran.out), ascii(ran.out)
    strangers = [line for line in ran.err.split("\n") if line.strip() and not OWN_LINE.match(line)]
    assert not strangers, strangers[:3]
    if ran.code:
        assert ran.err.strip(), "a failure says why"


# ---- what the store must hold -------------------------------------------------------------

CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def store_problems(db: Path) -> list[str]:
    """What a newsread database holds that the store's promises forbid; [] for no database (or a
    file that is not one: it is only read). Opened read-only, through SQLite alone."""
    if not db.is_file():
        return []
    uri = f"file:{quote(str(db.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        conn.row_factory = sqlite3.Row
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        return []
    try:
        if not {"articles", "quotes", "speakers", "quote_speakers"} <= tables:
            return []
        return _problems(conn)
    finally:
        conn.close()


def _problems(conn: sqlite3.Connection) -> list[str]:
    problems = []

    def bad(where: str, what: str) -> None:
        problems.append(f"{where}: {what}")

    texts = {}
    for a in conn.execute("SELECT * FROM articles"):
        where = f"article {a['id']}"
        text = a["text"]
        if not isinstance(text, str):
            bad(where, f"text is {type(text).__name__}")
            continue
        texts[a["id"]] = text
        if CONTROL_IN_TEXT.search(text) or "\r" in text:
            bad(where, f"control character in text: {CONTROL_IN_TEXT.findall(text)[:3]}")
        if not unicodedata.is_normalized("NFC", text):
            bad(where, "text not NFC")
        if a["content_hash"] != hashlib.sha256(text.encode("utf-8")).hexdigest():
            bad(where, "content_hash is not the text's")
        for key in ("title", "source", "url", "date", "author", "licence", "path"):
            value = a[key]
            if not isinstance(value, str) or ONE_LINE.search(value):
                bad(where, f"{key} {value!r} is not one clean line")
    speakers = {}
    for s in conn.execute("SELECT * FROM speakers"):
        speakers[s["id"]] = s
        where = f"speaker {s['id']}"
        if not isinstance(s["name"], str) or not s["name"].strip() or ONE_LINE.search(s["name"]):
            bad(where, f"name {s['name']!r}")
        if s["kind"] not in SPEAKER_KINDS:
            bad(where, f"kind {s['kind']!r}")
        try:
            aliases = json.loads(s["aliases"] or "[]")
            assert isinstance(aliases, list) and all(isinstance(x, str) and not ONE_LINE.search(x) for x in aliases)
        except (ValueError, AssertionError):
            bad(where, f"aliases {s['aliases']!r}")
    quote_ids = set()
    for q in conn.execute("SELECT * FROM quotes"):
        quote_ids.add(q["id"])
        where = f"quote {q['id']}"
        text = texts.get(q["article_id"])
        if text is None:
            bad(where, "of no article")
            continue
        start, end = q["start"], q["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            bad(where, f"offsets [{start}, {end}) not inside the text ({len(text)})")
        elif q["text"] != text[start:end]:
            bad(where, "text is not the article's at its offsets")
        if q["kind"] not in QUOTE_KINDS:
            bad(where, f"kind {q['kind']!r}")
        if q["status"] not in STATUSES:
            bad(where, f"status {q['status']!r}")
        if q["human"] not in (0, 1):
            bad(where, f"human {q['human']!r}")
        if not isinstance(q["confidence"], (int, float)) or not math.isfinite(q["confidence"]):
            bad(where, f"confidence {q['confidence']!r}")
        if not (q["cue_start"] == -1 or 0 <= q["cue_start"] <= len(text)):
            bad(where, f"cue_start {q['cue_start']}")
        if not ((q["mention_start"], q["mention_end"]) == (-1, -1) or 0 <= q["mention_start"] <= q["mention_end"] <= len(text)):
            bad(where, f"mention [{q['mention_start']}, {q['mention_end']})")
        for key in ("text", "cue", "note"):
            if not isinstance(q[key], str) or CONTROL_IN_TEXT.search(q[key]) or "\r" in q[key]:
                bad(where, f"control character in {key}: {q[key]!r}")
        if q["speaker_id"] is not None and q["speaker_id"] not in speakers:
            bad(where, f"speaker {q['speaker_id']} does not exist")
        try:
            evidence = json.loads(q["evidence"] or "[]")
            assert isinstance(evidence, list) and all(isinstance(step, dict) for step in evidence)
        except (ValueError, AssertionError):
            bad(where, f"evidence {q['evidence']!r}")
    for link in conn.execute("SELECT * FROM quote_speakers"):
        if link["quote_id"] not in quote_ids or link["speaker_id"] not in speakers:
            bad("quote_speakers", f"dangling {dict(link)}")
    return problems


def assert_store_ok(db: Path) -> None:
    problems = store_problems(db)
    assert not problems, problems[:5]


# ---- inputs tried per target ----------------------------------------------------------------

COUNTS: collections.Counter[str] = collections.Counter()


def tried(target: str) -> None:
    """One more input of ``target`` tried and handled (call it once every check passed)."""
    COUNTS[target] += 1


class _CountsReport:
    def __init__(self, path: Path) -> None:
        self.path = path

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not COUNTS:
            return
        terminalreporter.section("fuzz: inputs tried and handled")
        for target, count in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{target:<40} {count:>6}")
        terminalreporter.write_line(f"{'total':<40} {sum(COUNTS.values()):>6}   ({self.path})")


@pytest.fixture(scope="session", autouse=True)
def fuzz_counts(request, tmp_path_factory):
    """Registers the summary once; at the end of the session writes the counts to fuzz-counts.json."""
    path = tmp_path_factory.getbasetemp() / "fuzz-counts.json"
    manager = request.config.pluginmanager
    if not manager.has_plugin("newsread-fuzz-counts"):
        manager.register(_CountsReport(path), "newsread-fuzz-counts")
    yield COUNTS
    path.write_text(json.dumps(dict(sorted(COUNTS.items())), indent=1) + "\n", encoding="utf-8")


# ---- the harness's own tests ----------------------------------------------------------------

def test_a_terminal_run_sees_what_a_terminal_would(tmp_path):
    ran = run_cli("--db", str(tmp_path / "n.db"), "locate", terminal=True)
    assert ran.code == 0 and ran.terminal and "database:" in ran.out
    (tmp_path / "a.txt").write_text("Ann said: \u201cHello there.\u201d\n", encoding="utf-8")
    assert run_cli("--db", str(tmp_path / "n.db"), "add", "--no-extract", str(tmp_path / "a.txt")).code == 0
    ran = run_cli("--db", str(tmp_path / "n.db"), "history", "\x1b[31m\u202e", terminal=True)
    assert ran.code == 1 and "\\u001b[31m\ufffd" in ran.err  # JSON-quoted, the override shown
    assert_handled(ran)


def test_the_checks_catch_what_they_are_for():
    with pytest.raises(AssertionError):
        assert_handled(Ran(0, "\x1b[31m", "", True))
    with pytest.raises(AssertionError):
        assert_handled(Ran(1, "", "newsread: \u202eevil", False))
    with pytest.raises(AssertionError):
        assert_handled(Ran(3, "", "newsread: x", False))
    assert_handled(Ran(0, "\x1b[31m piped: the data exact", "", False))


def test_store_problems_finds_what_the_store_forbids(tmp_path):
    from newsread.ingest import content_hash
    from newsread.model import Article, Extraction, Quote
    from newsread.store import Store

    db = tmp_path / "n.db"
    with Store(db) as store:
        article_id, _ = store.add_article(Article(text="Ann said hello."), content_hash("Ann said hello."))
        store.store_extraction(article_id, Extraction([Quote(9, 14, "hello", "direct", speaker="Ann")], []), "x")
    assert store_problems(db) == []
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE articles SET title = 'a\x1b[31mb'")
        conn.execute("UPDATE quotes SET kind = 'shouted', \"end\" = 99")
    conn.close()
    found = " ".join(store_problems(db))
    assert "title" in found and "kind 'shouted'" in found and "offsets [9, 99)" in found
    (tmp_path / "random.db").write_bytes(b"not a database at all")
    assert store_problems(tmp_path / "random.db") == []


@fuzz(30)
@given(hostile_name)
def test_hostile_names_are_one_path_component(name):
    assert "/" not in name and "\x00" not in name and name not in (".", "..")
    tried("harness: hostile names")
