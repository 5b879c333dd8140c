"""Every way out, fuzzed: exports in every format, ``newsread history`` and error messages naming
hostile files, from databases holding hostile text (written through the store as another tool
could, or into its tables directly), in this process on pseudo-terminals, and a few as real
``newsread`` processes on a real pseudo-terminal.

On a terminal nothing a terminal obeys may arrive raw (C0 controls but newline and tab, ESC, C1
controls, bidi overrides and isolates); piped or written with ``-o`` the data stays exact.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_harness import (
    _environment,  # noqa: F401 - autouse fixture
    assert_handled,
    fuzz,
    fuzz_counts,  # noqa: F401 - autouse fixture
    hostile_name,
    hostile_text,
    raw_controls,
    run_cli,
    tried,
)

from newsread.formats import EXPORT_FORMATS
from newsread.ingest import content_hash
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store
from newsread.text import storable, visible

STREAM_FORMATS = sorted(name for name, module in EXPORT_FORMATS.items() if module.WRITES == "stream")
PATH_FORMATS = sorted(name for name, module in EXPORT_FORMATS.items() if module.WRITES != "stream")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-out")


def words(text: str) -> str:
    return text + " Ann Lee said: \u201cThe river will rise.\u201d"


def hostile_db(path: Path, texts: list[str], user: str, raw_fields: list[tuple[str, str, str]]) -> None:
    """A database holding ``texts`` as they are (not normalised: another tool wrote them), quotes
    with hostile speakers, cues and notes, corrections by a hostile ``user``, and ``raw_fields``
    ((table, column, value)) written into the tables directly. (SQLite text is UTF-8: a lone surrogate
    cannot be written, so it comes as U+FFFD; text that is not UTF-8 is tests/test_fuzz_ways_in.py's.)"""
    texts, user = [storable(text) for text in texts], storable(user)
    raw_fields = [(table, column, storable(value)) for table, column, value in raw_fields]
    with Store(path, user=user) as store:
        for number, text in enumerate(texts):
            text = words(text) + f" {number}"
            article_id, _ = store.add_article(Article(text=text, title=texts[-1 - number], source=user, author=text[:9],
                                                      url=f"https://e.org/{text[:5]}", path=text[:12]), content_hash(text))
            end = len(text)
            quotes = [Quote(0, min(end, 7), text[:7], "direct", speaker=user or "x", cue=text[-3:], cue_start=end - 3,
                            mention_start=0, mention_end=min(end, 3), speakers=[user or "x", texts[0] or "y"]),
                      Quote(end - 20, end - 2, text[end - 20:end - 2], "indirect", speaker=texts[number] or "z",
                            sieve=texts[0], evidence=[{"sieve": texts[0], "text": texts[number], "start": 0, "end": 2}])]
            store.store_extraction(article_id, Extraction(quotes, [Speaker(user or "x", "ORG", aliases=[texts[0]])]), user)
            first, second = store.quotes(article_id)
            store.edit(first.id, note=texts[number], speaker=texts[0] or "w")
            store.accept(second.id)
            store.reject(first.id)
        store.undo()
    conn = sqlite3.connect(path)
    with conn:
        for table, column, value in raw_fields:
            if table == "corrections":
                conn.execute("DROP TRIGGER IF EXISTS corrections_append_only_update")
            conn.execute(f"UPDATE [{table}] SET [{column}] = ? || rowid", [value])  # rowid: names stay unique
    conn.close()


raw_field = st.tuples(st.sampled_from([
    ("articles", "title"), ("articles", "source"), ("articles", "author"), ("articles", "url"), ("articles", "date"),
    ("articles", "path"), ("articles", "licence"), ("quotes", "cue"), ("quotes", "note"), ("speakers", "name"),
    ("corrections", "user"), ("corrections", "at"),
]), hostile_text.map(lambda t: t + "\x1b[31m\u202e")).map(lambda pair: (*pair[0], pair[1]))


@fuzz(10)
@given(texts=st.lists(hostile_text, min_size=1, max_size=3), user=hostile_text, raw_fields=st.lists(raw_field, max_size=3),
       reference=st.one_of(hostile_text, st.just("1")), to_files=st.sampled_from([True, False, False]))
def test_exports_and_history_of_a_hostile_database(scratch, texts, user, raw_fields, reference, to_files):
    db = Path(tempfile.mkdtemp(dir=scratch)) / "n.db"
    hostile_db(db, texts, user, raw_fields)
    for fmt in STREAM_FORMATS:
        shown = run_cli("--db", db, "export", "--format", fmt, terminal=True)
        assert_handled(shown, codes=(0,))
        assert shown.out or fmt in ("csv", "datasette-metadata")
    piped = run_cli("--db", db, "export", "--format", "articles-jsonl")
    assert_handled(piped, codes=(0,))
    with Store(db, readonly=True) as store:  # piped, the data is exactly what is stored
        stored = [store.article(article_id).text for article_id in store.article_ids()]
    assert [json.loads(line)["text"] for line in piped.out.split("\n") if line] == stored
    for fmt in PATH_FORMATS if to_files else ():  # a spacy export costs half a second: not every time
        out = db.parent / f"out-{fmt}"
        assert_handled(run_cli("--db", db, "export", "--format", fmt, "-o", out, terminal=True), codes=(0,))
    for args in (("history",), ("history", reference), ("reextract", reference + "\x1b[31m")):
        assert_handled(run_cli("--db", db, *args, terminal=True), codes=(0, 1))
    tried("export (every format) and history: hostile database")


@pytest.fixture(scope="module")
def one_article_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "n.db"
    with Store(db) as store:
        store.add_article(Article(text=words("")), content_hash(words("")))
    return db


@fuzz(45)
@given(name=hostile_name, command=st.sampled_from([
    ("add", "--no-extract", "{missing}"), ("add", "--no-extract", "{binary}"), ("add", "--no-extract", "{empty folder}"),
    ("import", "--format", "jsonl", "{missing}"), ("import", "--format", "brat", "{binary}"),
    ("import", "--format", "articles-jsonl", "{binary}"), ("import", "--format", "brat", "{empty folder}"),
    ("eval", "{missing}"), ("eval", "{binary}"), ("eval", "{empty folder}"), ("extract", "{missing}"),
    ("export", "-o", "{missing folder}/x.jsonl"), ("export", "--format", "brat", "-o", "{binary}"),
    ("backup", "{binary}"), ("backup", "{missing folder}/b.db"), ("history", "{name}"), ("--db", "{missing folder}/n.db", "history"),
]), terminal=st.booleans())
def test_error_messages_name_hostile_files_safely(scratch, one_article_db, name, command, terminal):
    folder = Path(tempfile.mkdtemp(dir=scratch))
    db = folder / "n.db"
    shutil.copyfile(one_article_db, db)
    paths = {"missing": folder / f"{name}.txt", "binary": folder / f"{name}.jsonl", "empty folder": folder / f"{name}-d",
             "missing folder": folder / f"{name}-gone", "name": name}
    paths["binary"].write_bytes(b"\x00\xff\x1b[31m")
    paths["empty folder"].mkdir()
    args = [part.format(**paths) for part in command]
    ran = run_cli(*(args if args[0] == "--db" else ["--db", db, *args]), terminal=terminal)
    assert_handled(ran, codes=(1, 2))
    named = [p for key, p in paths.items() if f"{{{key}}}" in " ".join(command) and key != "name"]
    if named and "no such" in ran.err:  # the file named as the person would recognise it, controls shown
        assert any(visible(storable(str(p)))[:60] in ran.err for p in named), (ran.err, named)
    tried("error messages naming hostile files")


def test_an_export_onto_a_terminal_device_is_refused(tmp_path):
    master, slave = pty.openpty()
    try:
        db = tmp_path / "n.db"
        hostile_db(db, ["\x1b]0;OWNED\x07"], "u", [])
        ran = run_cli("--db", db, "export", "-o", os.ttyname(slave))
        assert_handled(ran, codes=(2,))
        assert "is a terminal" in ran.err
    finally:
        os.close(master)
        os.close(slave)
    tried("export -o a terminal device")


# ---- real processes on a real pseudo-terminal ---------------------------------------------------

NEWSREAD = shutil.which("newsread", path=str(Path(os.sys.executable).parent))


def on_terminal(*args: str, cwd: Path) -> tuple[int, str, str]:
    """``newsread ARGS`` as its own process, stdout and stderr each on a pseudo-terminal."""
    ends = [pty.openpty(), pty.openpty()]
    env = {**os.environ, "NEWSREAD_CONFIG": "/nonexistent/newsread.toml", "TERM": "xterm-256color"}
    env.pop("NEWSREAD_DEBUG", None)
    child = subprocess.Popen([NEWSREAD, *args], stdin=subprocess.DEVNULL, stdout=ends[0][1], stderr=ends[1][1], env=env, cwd=cwd)
    for _, slave in ends:
        os.close(slave)
    received = [b"", b""]
    deadline = time.monotonic() + 60
    import select

    open_ends = {ends[0][0]: 0, ends[1][0]: 1}
    while open_ends and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_ends), [], [], 0.2)
        for fd in ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # EIO: the child closed its end
                chunk = b""
            if chunk:
                received[open_ends[fd]] += chunk
            else:
                del open_ends[fd]
    for master, _ in ends:
        os.close(master)
    code = child.wait(60)
    out, err = (data.decode("utf-8").replace("\r\n", "\n") for data in received)
    return code, out, err


@fuzz(2)
@given(name=hostile_name, text=hostile_text)
def test_real_processes_on_a_real_terminal(scratch, name, text):
    folder = Path(tempfile.mkdtemp(dir=scratch))
    (folder / f"{name}.txt").write_text(words(text), encoding="utf-8", errors="surrogatepass")
    (folder / f"{name}.jsonl").write_bytes(b'{"text": "ok"}\n\x1b[31m\xff\n')
    db = folder / "n.db"
    for args in (("add", "--no-extract", f"{name}.txt", f"{name}-gone.txt"), ("import", "--format", "jsonl", f"{name}.jsonl"),
                 ("export", "--format", "articles-jsonl"), ("history", name)):
        code, out, err = on_terminal("--db", str(db), *args, cwd=folder)
        assert code in (0, 1, 2) and "Traceback" not in err and "internal error" not in err, err
        assert not raw_controls(out) and not raw_controls(err, allowed="\r"), ascii(out + err)
    tried("real processes on a pseudo-terminal")
