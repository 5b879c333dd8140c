"""Hostile input: nothing hangs, crashes, or reaches the terminal raw.

Real ``newsread`` processes on real files: FIFOs, /dev/zero, /dev/full, read-only
folders, JSON nested thousands deep, fields of the wrong type, brat spans that cannot be
quotes, text full of control characters and bidi overrides. Each is one line of error (or
its data shown safely), never a hang or a traceback. Timeouts here only guard against hangs.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from test_cli import NEWSREAD, SAMPLES, assert_one_line_error

from newsread.ingest import IngestFailure, read_sources
from newsread.library import content_hash
from newsread.model import Article, Extraction, Quote
from newsread.store import Store
from newsread.text import normalize, normalize_mapped, visible

HANG_GUARD = 60  # seconds: a hang fails the test instead of stalling the suite
CONTROLS = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\u2069")
SAMPLE = SAMPLES / "wn-cuba-bus-crash-2019-01-12.txt"


def environment(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NEWSREAD_DB"}
    env["NEWSREAD_CONFIG"] = "/nonexistent/newsread.toml"
    return {**env, **extra}


def newsread(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """The installed command, as in test_cli.run, with a short hang guard."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("env", environment())
    return subprocess.run([NEWSREAD, *args], text=True, timeout=HANG_GUARD, **kwargs)


def on_terminal(*args: str) -> tuple[bytes, subprocess.Popen]:
    """What ``newsread ARGS`` writes to stdout when stdout is a terminal (a pseudo-terminal here)."""
    master, slave = pty.openpty()
    child = subprocess.Popen([NEWSREAD, *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
                             env=environment(TERM="xterm-256color"))
    os.close(slave)
    output, deadline = b"", time.monotonic() + HANG_GUARD
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif child.poll() is not None:
                break
    finally:
        os.close(master)
        child.wait(HANG_GUARD)
    child.stderr_text = child.stderr.read().decode("utf-8", errors="replace")
    child.stderr.close()
    return output, child


def assert_no_raw_controls(data: str | bytes) -> None:
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    raw = [ch for ch in CONTROLS if ch in text]
    assert not raw, f"{raw} reached the terminal"


# ---- 1. import normalises every field, offsets carried through ----------------------

RAW_TEXT = "Intro\x1b[2J line.\r\n\r\nThe mayor said: \u201cCafe\u0301 \x9b31mprices\x07 rise.\u201d Then more.\r\n"
QUOTED = "Café prices rise."


def raw_offsets(fragment_start: str, fragment_end: str) -> tuple[int, int]:
    return RAW_TEXT.index(fragment_start), RAW_TEXT.index(fragment_end) + len(fragment_end)


def stored_records(db: Path) -> list[tuple]:
    with Store(db) as store:
        return [(store.article(i), store.quotes(i)) for i in store.article_ids()]


def test_jsonl_import_normalises_every_field_and_carries_the_offsets(tmp_path):
    start, end = raw_offsets("Cafe", "rise.")
    cue_start = RAW_TEXT.index("said")
    mention = RAW_TEXT.index("mayor")
    line = {
        "id": "x1", "title": "Title\x1b]0;OWNED\x07 here", "source": "Src\x9b1m", "author": "Au\x00thor",
        "url": "https://e.org/\x1b[31m", "date": "2024-01-02", "text": RAW_TEXT,
        "quotes": [{"start": start, "end": end, "kind": "direct", "speaker": "The\x1b[5m mayor", "cue": "said\x07",
                    "cue_start": cue_start, "mention_start": mention, "mention_end": mention + 5,
                    "status": "accepted", "note": "check\x1b]52;c;ZXZpbA==\x07 this"}],
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = newsread("--db", str(db), "import", "--format", "jsonl", str(path))
    assert result.returncode == 0, result.stderr
    ((article, (quote,)),) = stored_records(db)
    assert article.text == normalize(RAW_TEXT) and "\r" not in article.text
    assert (article.title, article.source, article.author, article.url) == ("Title here", "Src", "Author", "https://e.org/")
    assert quote.text == QUOTED == article.text[quote.start:quote.end]
    assert article.text[quote.cue_start:quote.cue_start + 4] == "said" and quote.cue == "said"
    assert article.text[quote.mention_start:quote.mention_end] == "mayor"
    assert quote.speaker == "The mayor" and quote.note == "check this"


def test_brat_import_with_crlf_and_escapes_carries_the_offsets(tmp_path):
    start, end = raw_offsets("Cafe", "rise.")
    cue_start = RAW_TEXT.index("said")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "7.txt").write_bytes(RAW_TEXT.encode("utf-8"))  # \r\n kept: brat counts every character
    (tmp_path / "b" / "7.ann").write_text(
        f"T1\tCue {cue_start} {cue_start + 4}\tsaid\n"
        f"T2\tContent {start} {end}\t{RAW_TEXT[start:end]}\n"
        f"T3\tAttribution {cue_start} {cue_start + 4}\tsaid\n"
        "E1\tAttribution:T3 Cue:T1 Content:T2\n"
        "#1\tAnnotatorNotes E1\tThe \x1b[31mmayor\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = newsread("--db", str(db), "import", "--format", "brat", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    ((article, (quote,)),) = stored_records(db)
    assert article.text == normalize(RAW_TEXT)
    assert quote.text == QUOTED and quote.speaker == "The mayor" and quote.cue == "said"
    assert article.text[quote.cue_start:quote.cue_start + 4] == "said"


def test_offset_map_agrees_with_normalize_on_hostile_text():
    pieces = ["a", " ", "\n", "\t", "\r", "\r\n", "\x1b[31m", "\x1b]0;t\x07", "\x1b", "\x9b2J", "\x9d0;x\x9c", "\x00",
              "\x7f", "e\u0301", "\u0301", "\u1100\u1161\u11a8", "\u212b", "\u0344", "\ud800", "\u202e", "é"]
    import random

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        normal, mapping = normalize_mapped(text)
        assert normal == normalize(text)
        if mapping is not None:
            shown = [mapping(o) for o in range(len(text) + 1)]
            assert shown == sorted(shown) and shown[-1] == len(normal)
            assert all(0 <= mapping(o) <= mapping(o, end=True) <= len(normal) for o in range(len(text) + 1))


# ---- 2. what reaches a terminal ------------------------------------------------------

HOSTILE = "Plain \x1b]0;OWNED\x07\x1b[31mred \x9b31m one-byte CSI, \u202eevil\u202c and \u2066isolate\u2069."


def hostile_db(path: Path) -> int:
    with Store(path, user="ev\x1b[31mil\u202e") as store:
        article_id, _ = store.add_article(Article(text=HOSTILE, title=f"T\x9b{HOSTILE[:20]}"), content_hash(HOSTILE))
        store.store_extraction(article_id, Extraction([Quote(0, 5, "Plain", "direct", speaker="Sp\u202eeaker")], []), "x")
        quote_id = store.quotes(article_id)[0].id
        store.edit(quote_id, note="n\x9bote \u202e")
        store.accept(quote_id)
    return article_id


def test_export_history_to_a_terminal_show_controls_while_pipes_and_files_keep_them(tmp_path):
    db = tmp_path / "n.db"
    hostile_db(db)
    for fmt in ("articles-jsonl", "csv"):
        shown, child = on_terminal("--db", str(db), "export", "--format", fmt)
        assert child.returncode == 0, child.stderr_text
        assert_no_raw_controls(shown)
        assert "OWNED" in shown.decode("utf-8") and "Sp\ufffdeaker" in shown.decode("utf-8")
    shown, child = on_terminal("--db", str(db), "history")
    assert child.returncode == 0 and b"ev\xe2\x90\x9b[31mil" in shown  # ESC as ␛
    assert_no_raw_controls(shown)
    # Piped or written with -o, the data stays exact (JSON escapes what it escapes).
    piped = newsread("--db", str(db), "export", "--format", "articles-jsonl")
    assert json.loads(piped.stdout)["text"] == HOSTILE and "\u202e" in piped.stdout and "\x9b" in piped.stdout
    assert newsread("--db", str(db), "export", "--format", "articles-jsonl", "-o", str(tmp_path / "a.jsonl")).returncode == 0
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == piped.stdout
    assert "ev\x1b[31mil" in newsread("--db", str(db), "history").stdout


def test_extract_to_a_terminal_shows_controls(tmp_path):
    path = tmp_path / "bidi\x9b\u202etxt.exe.txt"
    path.write_text("The minister said: \u201cWe will \u202eact\u202c now.\u201d\n", encoding="utf-8")
    shown, child = on_terminal("extract", str(path))
    assert child.returncode == 0, child.stderr_text
    assert_no_raw_controls(shown)
    record = json.loads(shown.decode("utf-8").strip())
    assert record["path"] == visible(str(path)) and record["quotes"]


def test_file_names_in_errors_are_shown_not_obeyed(tmp_path):
    name = "bad\x1b]0;OWNED\x07\x1b[31mred\u202e.txt"
    (tmp_path / name).write_bytes(b"\x00binary")
    result = newsread("--db", str(tmp_path / "n.db"), "add", "--no-extract", str(tmp_path / name), str(tmp_path / ("gone" + name)))
    assert result.returncode == 1
    assert_no_raw_controls(result.stderr)
    assert "bad␛]0;OWNED␇␛[31mred\ufffd.txt: binary file" in result.stderr
    assert "gonebad␛]0;OWNED␇" in result.stderr
    result = newsread("--db", str(tmp_path / "n.db"), "import", "--format", "brat", str(tmp_path / ("gone" + name)))
    assert_one_line_error(result, "no such file or folder")
    assert_no_raw_controls(result.stderr)


def test_a_file_name_that_is_not_utf8_is_stored_and_printed_readably(tmp_path):
    path = tmp_path / "caf\udce9.txt"  # the byte 0xE9 (Latin-1 é) in the name: not UTF-8
    path.write_text("The minister said: \u201cWe will act now.\u201d\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = newsread("--db", str(db), "add", "--no-extract", str(path), str(tmp_path / "gone\udce9.txt"))
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert "gone\\xe9.txt: no such file" in result.stderr
    ((article, _),) = stored_records(db)
    assert article.path == str(tmp_path / "caf\\xe9.txt")
    extracted = newsread("extract", str(path), env={**environment(), "LC_ALL": "C.UTF-8"})
    assert extracted.returncode == 0, extracted.stderr
    assert json.loads(extracted.stdout)["path"] == article.path


def test_the_reader_shows_bidi_controls_as_placeholders(tmp_path):
    import asyncio

    from test_tui_injection import SIZE, screen_text

    from newsread.config import Config
    from newsread.tui.app import NewsreadApp

    db = tmp_path / "n.db"
    article_id = hostile_db(db)

    async def main() -> str:
        app = NewsreadApp(db, Config(user="tester"))
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            app.screen.open_article(article_id, None)
            await pilot.pause()
            return screen_text(app)

    text = asyncio.run(main())
    assert "\ufffdevil\ufffd and \ufffdisolate\ufffd" in text
    assert_no_raw_controls(text)


# ---- 3. files that are not regular files ---------------------------------------------

def test_fifo_device_and_socket_are_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus_fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(corpus_fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "inner.txt")
    shutil.copy(SAMPLE, folder / "real.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    try:
        db = tmp_path / "n.db"
        result = newsread("--db", str(db), "add", "--no-extract", "/dev/zero", str(fifo), str(corpus_fifo),
                          str(folder), str(tmp_path / "sock.txt"))
    finally:
        sock.close()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for name in ("/dev/zero", str(fifo), str(corpus_fifo), str(folder / "inner.txt"), str(tmp_path / "sock.txt")):
        assert f"  {name}: not a regular file\n" in result.stderr
    assert "added 1 article(s)" in result.stderr  # the folder's regular file
    assert_one_line_error(newsread("--db", str(db), "import", "--format", "jsonl", str(corpus_fifo)),
                          "pipe.jsonl: not a regular file")


def test_size_cap_counts_the_bytes_read_not_the_size_stated():
    maps = Path("/proc/self/maps")  # a regular file that states its size as 0
    if not maps.is_file() or maps.stat().st_size:
        pytest.skip("needs Linux /proc, whose files state size 0")
    (result,) = read_sources([str(maps)], max_bytes=100)
    assert isinstance(result, IngestFailure) and result.reason == "larger than 100 bytes cap"


def test_corpus_line_over_the_cap_is_one_failure_and_the_rest_is_read(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Short one."}) + "\n", encoding="utf-8")
    failure, article = read_sources([str(path)], max_bytes=1000)
    assert failure.reason == "line 1: larger than 1 kB cap" and article.text == "Short one."


# ---- 4. JSON nested 5,000 deep ------------------------------------------------------

DEEP = '{"text": "deep", "title": ' + "[" * 5000 + "]" * 5000 + "}"


def test_deep_json_is_one_line_error_and_the_other_lines_are_read(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": "Before the deep line."}) + "\n" + DEEP + "\n"
                      + json.dumps({"text": "After the deep line."}) + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = newsread("--db", str(db), "add", "--no-extract", str(corpus))
    assert result.returncode == 1 and "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"  {corpus}: line 2: JSON nested too deeply\n" in result.stderr
    assert sorted(a.text for a, _ in stored_records(db)) == ["After the deep line.", "Before the deep line."]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "Fine."}) + "\n" + DEEP + "\n", encoding="utf-8")
    assert_one_line_error(newsread("--db", str(tmp_path / "i.db"), "import", "--format", "jsonl", str(gold)),
                          f"{gold}:2: JSON nested too deeply")


def test_a_number_of_thousands_of_digits_is_one_line_error(tmp_path):
    line = '{"text": "Long number.", "n": ' + "7" * 5000 + "}\n"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(line + json.dumps({"text": "The next line."}) + "\n", encoding="utf-8")
    result = newsread("--db", str(tmp_path / "n.db"), "add", "--no-extract", str(corpus))
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert f"  {corpus}: line 1: not JSON (a number too long to read)\n" in result.stderr
    assert [a.text for a, _ in stored_records(tmp_path / "n.db")] == ["The next line."]
    assert_one_line_error(newsread("--db", str(tmp_path / "i.db"), "import", "--format", "jsonl", str(corpus)),
                          f"{corpus}:1: not JSON (a number too long to read)")


# ---- 5. a full stdout, a backup with nowhere to go -----------------------------------

def test_full_stdout_is_one_line(tmp_path):
    db = tmp_path / "n.db"
    hostile_db(db)
    with open("/dev/full", "w") as full:
        for args in (("history",), ("export",), ("extract", str(SAMPLE))):
            db_args = () if args[0] == "extract" else ("--db", str(db))
            result = newsread(*db_args, *args, capture_output=False, stdout=full, stderr=subprocess.PIPE)
            assert result.returncode == 1, args
            assert result.stderr == "newsread: stdout: No space left on device\n", (args, result.stderr)


def make_read_only(path: Path) -> None:
    """Read-only as a user sees it: permission bits, or for root (who ignores them) the immutable flag."""
    if os.geteuid() != 0:
        path.chmod(0o555 if path.is_dir() else 0o444)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root and the file system cannot mark a file immutable")


def make_writable(*paths: Path) -> None:
    for path in paths:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_backup_into_a_missing_or_read_only_folder_is_one_line(tmp_path):
    db = tmp_path / "n.db"
    hostile_db(db)
    assert_one_line_error(newsread("--db", str(db), "backup", str(tmp_path / "missing" / "b.db")), "missing: no such folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    try:
        make_read_only(locked)
        result = newsread("--db", str(db), "backup", str(locked / "b.db"))
    finally:
        make_writable(locked)
    assert_one_line_error(result, "b.db")
    assert "internal error" not in result.stderr and list(locked.iterdir()) == []


# ---- 6. wrong types ------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "message"), [
    ({"title": {"nested": 1}}, 'title {"nested": 1} is not a string'),
    ({"source": ["a"]}, 'source ["a"] is not a string'),
    ({"id": {"x": 1}}, 'id {"x": 1} is not an integer or a string'),
    ({"quotes": [{"start": "0", "end": 2}]}, 'quote 1: start "0" is not an integer'),
    ({"quotes": [{"start": 0, "end": 1.5}]}, "quote 1: end 1.5 is not an integer"),
    ({"quotes": [{"start": True, "end": 2}]}, "quote 1: start true is not an integer"),
    ({"quotes": [{"start": 0, "end": 2, "cue_start": "1"}]}, 'quote 1: cue_start "1" is not an integer'),
    ({"quotes": [{"start": 0, "end": 2, "cue_start": 10 ** 30}]}, "quote 1: cue_start 1000000000000000000000000000000 is outside"),
    ({"quotes": [{"start": 0, "end": 2, "speaker": {"name": "x"}}]}, 'quote 1: speaker {"name": "x"} is not a string'),
    ({"quotes": [{"start": 0, "end": 2, "confidence": "high"}]}, 'quote 1: confidence "high" is not a number'),
    ({"quotes": [{"start": 0, "end": 2, "confidence": 10 ** 400}]}, "quote 1: confidence 10000000000"),  # a float cannot hold it
    ({"quotes": [{"start": 0, "end": 2, "status": "accepted", "human": "yes"}]}, 'quote 1: human "yes" is not true or false'),
])
def test_import_refuses_wrong_types_naming_line_and_field(tmp_path, fields, message):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Good line."}) + "\n" + json.dumps({"text": "Some text.", **fields}) + "\n",
                    encoding="utf-8")
    result = newsread("--db", str(tmp_path / "n.db"), "import", "--format", "jsonl", str(path))
    assert_one_line_error(result, f"{path}:2: {message}")


def test_ingest_refuses_wrong_types_naming_line_and_field(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [{"text": "One.", "title": {"nested": 1}}, {"text": "Two.", "author": 17}, {"text": "Three.", "id": [1]},
             {"text": "Four.", "title": "Fine"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    results = list(read_sources([str(path)]))
    assert [r.reason for r in results[:3]] == [
        'line 1: title {"nested": 1} is not a string', "line 2: author 17 is not a string",
        "line 3: id [1] is not an integer or a string"]
    assert results[3].title == "Fine"


# ---- 7. brat spans that cannot be quotes ---------------------------------------------

BRAT_TEXT = "Ann said that rain is coming and that the river will rise.\n"


def brat_folder(tmp_path: Path, ann: str) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir(exist_ok=True)
    (folder / "3.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (folder / "3.ann").write_text(ann, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("content", "problem"), [
    ("T2\tContent 30 14\train is coming\n", "T2: reversed offsets 30 14"),
    ("T2\tContent 14 14\t\n", "T2: zero-length span at 14"),
    ("T2\tContent 14 20;40 33\train\n", "T2: reversed offsets 40 33"),
])
def test_brat_reversed_and_zero_length_spans_are_one_line_errors(tmp_path, content, problem):
    folder = brat_folder(tmp_path, "T1\tCue 4 8\tsaid\n" + content + "T3\tAttribution 4 8\tsaid\nE1\tAttribution:T3 Cue:T1 Content:T2\n")
    result = newsread("--db", str(tmp_path / "n.db"), "import", "--format", "brat", str(folder))
    assert_one_line_error(result, f"{folder / '3.ann'}: {problem}")
    assert stored_records(tmp_path / "n.db") == []
    # A Content no event uses is a quote too: the same rule.
    folder = brat_folder(tmp_path, content)
    assert_one_line_error(newsread("--db", str(tmp_path / "m.db"), "import", "--format", "brat", str(folder)), problem)


def test_brat_overlapping_quotes_are_kept_as_brat_allows_them(tmp_path):
    outer, inner = "rain is coming and that the river will rise", "the river will rise"
    start, nested = BRAT_TEXT.index(outer), BRAT_TEXT.index(inner)
    folder = brat_folder(tmp_path, f"T1\tContent {start} {start + len(outer)}\t{outer}\n"
                                   f"T2\tContent {nested} {nested + len(inner)}\t{inner}\n")
    result = newsread("--db", str(tmp_path / "n.db"), "import", "--format", "brat", str(folder))
    assert result.returncode == 0, result.stderr
    ((_, quotes),) = stored_records(tmp_path / "n.db")
    assert [q.text for q in quotes] == [outer, inner]


# ---- 8. encodings and an empty database ----------------------------------------------

def test_utf16_with_bom_is_read_and_an_empty_database_said_to_be_so(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("\ufeffHeadline\r\nThe mayor said “café” twice.\r\n").encode(encoding))
        (article,) = read_sources([str(path)])
        assert isinstance(article, Article), article
        assert article.text == "Headline\nThe mayor said “café” twice.\n" and article.title == "Headline"
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in ("history", "export"):
        assert_one_line_error(newsread("--db", str(empty), command), "empty.db: empty or not a newsread database")
    assert empty.read_bytes() == b""


def test_database_name_with_uri_characters_is_that_file(tmp_path):
    db = tmp_path / "we#ird?mode=ro.db"
    assert newsread("--db", str(db), "add", "--no-extract", str(SAMPLE)).returncode == 0
    assert db.is_file() and sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(db.name)) == []
    assert newsread("--db", str(db), "history").returncode == 0


# ---- 9. a database on read-only media ------------------------------------------------

def test_export_and_history_on_a_read_only_folder(tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "n.db"
    hostile_db(db)
    assert sorted(p.name for p in folder.iterdir()) == ["n.db"]  # closed cleanly: no -wal, no -shm
    assert db.read_bytes()[18:20] == b"\x02\x02"  # the header says WAL: reading needs a -shm SQLite cannot make
    try:
        make_read_only(db)
        make_read_only(folder)
        exported = newsread("--db", str(db), "export", "--format", "articles-jsonl")
        history = newsread("--db", str(db), "history")
    finally:
        make_writable(folder, db)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["text"] == HOSTILE
    assert history.returncode == 0 and len(history.stdout.splitlines()) == 2, history.stderr


def test_read_only_folder_with_a_log_but_no_shm_is_one_line(tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "n.db"
    hostile_db(db)
    with Store(db, user="x") as store:  # a committed change still in the log, as after a crash
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.edit(store.quotes(store.article_ids()[0])[0].id, note="in the log only")
        shutil.copy(db, tmp_path / "n.db")
        shutil.copy(f"{db}-wal", tmp_path / "n.db-wal")
    shutil.rmtree(folder)
    folder.mkdir()
    shutil.move(tmp_path / "n.db", db)
    shutil.move(tmp_path / "n.db-wal", f"{db}-wal")
    try:
        for path in (db, Path(f"{db}-wal"), folder):
            make_read_only(path)
        result = newsread("--db", str(db), "history")
    finally:
        make_writable(folder, db, Path(f"{db}-wal"))
    assert_one_line_error(result, "n.db-wal", "read-only folder")


# ---- 10. an add stopped before extraction ---------------------------------------------

def test_add_again_extracts_what_a_stopped_add_left_unextracted(tmp_path):
    db = tmp_path / "n.db"
    first = SAMPLE
    second = SAMPLES / "govuk-carlisle-park-homes-2012-12-17.txt"
    assert newsread("--db", str(db), "add", "--no-extract", str(first), str(second)).returncode == 0
    assert all(quotes == [] for _, quotes in stored_records(db))
    again = newsread("--db", str(db), "add", "--jobs", "1", str(first), str(second))
    assert again.returncode == 0, again.stderr
    assert "skipped 2 duplicate(s) (2 not yet extracted)" in again.stderr
    assert all(quotes for _, quotes in stored_records(db))
    once_more = newsread("--db", str(db), "add", "--jobs", "1", str(first))
    assert "skipped 1 duplicate(s)\n" in once_more.stderr and "found" not in once_more.stderr
