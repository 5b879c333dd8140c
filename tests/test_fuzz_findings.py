"""What the fuzzers (tests/test_fuzz_*.py) found, each pinned by a test of its own; and the two
behaviours they lean on: an import goes past a bad record, and eval refuses hostile gold in one
line per record naming file:line.

Run in this process (tests/test_fuzz_harness.py's ``run_cli``) unless a hang is what is tested.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from test_fuzz_harness import (
    _environment,  # noqa: F401 - autouse fixture
    assert_handled,
    assert_store_ok,
    run_cli,
)

from newsread.ingest import content_hash
from newsread.model import Article, Extraction, Quote
from newsread.store import Store

GOOD = "Ann Lee said: \u201cThe river will rise.\u201d"


def good_line(number: int) -> str:
    text = f"{GOOD} Story {number}."
    return json.dumps({"id": f"g{number}", "title": f"Story {number}", "text": text,
                       "quotes": [{"start": 15, "end": 35, "kind": "direct", "speaker": "Ann Lee"}]})


def stored(db: Path) -> list[tuple[Article, list]]:
    with Store(db, readonly=True) as store:
        return [(store.article(i), store.quotes(i)) for i in store.article_ids()]


# ---- an import goes past a bad record ---------------------------------------------------------

def test_a_bad_jsonl_record_is_its_own_line_and_the_rest_is_imported(tmp_path):
    lines = [good_line(n) for n in range(1, 13)]
    lines.insert(3, "{not json")
    lines.insert(9, json.dumps({"text": "Some text.", "quotes": [{"start": 0, "end": 99}]}))
    path = tmp_path / "in.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "caf\xe9"}\n')
    db = tmp_path / "n.db"
    ran = run_cli("--db", db, "import", "--format", "jsonl", path)
    assert_handled(ran, codes=(1,))
    assert ran.err.splitlines() == [
        f"newsread: {path}:4: not JSON",
        f"newsread: {path}:10: quote 1: quote offsets [0, 99) are outside the text (10 characters)",
        f"newsread: {path}:15: not UTF-8 text (byte 0xe9)",
        "newsread: imported 12 article(s) with 12 quote(s), 3 record(s) refused",
    ]
    assert [a.title for a, _ in stored(db)] == [f"Story {n}" for n in range(1, 13)]
    assert_store_ok(db)
    again = run_cli("--db", db, "import", "--format", "jsonl", path)  # the good ones are there already
    assert again.code == 1 and again.err.endswith("imported 0 article(s) with 0 quote(s), skipped 12 already present, "
                                                  "3 record(s) refused\n")


def test_a_bad_brat_file_is_its_own_line_and_the_others_are_imported(tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    for stem in ("1", "2", "3"):
        (folder / f"{stem}.txt").write_text(f"{GOOD} {stem}", encoding="utf-8")
        (folder / f"{stem}.ann").write_text("T1\tContent 15 35\tx\n", encoding="utf-8")
    (folder / "4.txt").write_text(GOOD, encoding="utf-8")
    (folder / "4.ann").write_text("T1\tContent 30 14\tx\n", encoding="utf-8")
    (folder / "5.ann").write_text("T1\tContent 0 3\tAnn\n", encoding="utf-8")
    db = tmp_path / "n.db"
    ran = run_cli("--db", db, "import", "--format", "brat", folder)
    assert_handled(ran, codes=(1,))
    assert ran.err.splitlines() == [
        f"newsread: {folder / '4.ann'}: T1: reversed offsets 30 14",
        f"newsread: {folder / '5.ann'}: no matching .txt file",
        "newsread: imported 3 article(s) with 3 quote(s), 2 record(s) refused",
    ]
    assert sorted(a.id for a, _ in stored(db)) == [1, 2, 3]


def test_an_import_with_nothing_good_leaves_no_new_database(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("[]\n{\n", encoding="utf-8")
    db = tmp_path / "new" / "n.db"
    ran = run_cli("--db", db, "import", "--format", "jsonl", path)
    assert_handled(ran, codes=(1,))
    assert ran.err.splitlines()[-1] == "newsread: imported 0 article(s) with 0 quote(s), 2 record(s) refused"
    assert not (tmp_path / "new").exists()


# ---- eval refuses hostile gold ----------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    (b'{"text": "caf\xe9"}\n', ":1: not UTF-8 text (byte 0xe9)"),
    (b'{"text": 17}\n', ':1: no "text" string'),
    (b'{"text": "ab", "quotes": {"start": 0}}\n', ':1: "quotes" is not a list of objects'),
    (b'{"text": "ab", "quotes": [{"start": "0", "end": 1}]}\n', ':1: quote 1: start "0" is not an integer'),
    (b'{"text": "ab", "quotes": [{"start": 0, "end": 9}]}\n', ":1: quote 1: quote offsets [0, 9) are outside the text"),
    (b'{"text": "ab", "quotes": [{"start": 0, "end": 1, "kind": "sung"}]}\n', ":1: quote 1: unknown kind 'sung'"),
    (b'{"text": "ab", "quotes": [{"start": 0, "end": 1, "speaker": ["A"]}]}\n', ':1: quote 1: speaker ["A"] is not a string'),
    (b"[" * 5000 + b"]" * 5000 + b"\n", ":1: JSON nested too deeply"),
    (b'{"text": "ab", "n": ' + b"7" * 5000 + b"}\n", ":1: not JSON (a number too long to read)"),
    (b"\n\n" + b"not json\n", ":3: not JSON"),
])
def test_eval_names_the_bad_gold_line_and_scores_nothing(tmp_path, monkeypatch, content, message):
    from newsread import commands

    monkeypatch.setattr(commands, "_load_pipeline", lambda name: pytest.fail("gold refused before any pipeline"))
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(json.dumps({"text": "Fine."}).encode() + b"\n" + content)
    ran = run_cli("eval", gold)
    assert_handled(ran, codes=(2,))
    first, last = ran.err.splitlines()
    assert first.startswith(f"newsread: {gold}:") and message.split(": ", 1)[-1] in first
    assert f"{gold}:{int(message.split(':')[1]) + 1}:" in first  # the line after the good one
    assert last == "newsread: 1 gold record(s) cannot be read; nothing scored"


def test_eval_names_every_bad_gold_line_of_every_file(tmp_path, monkeypatch):
    from newsread import commands

    monkeypatch.setattr(commands, "_load_pipeline", lambda name: pytest.fail("gold refused before any pipeline"))
    (tmp_path / "a.jsonl").write_text("{\n" + json.dumps({"text": "Fine."}) + "\n[]\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b"\xff\n")
    ran = run_cli("eval", tmp_path)
    assert_handled(ran, codes=(2,))
    assert ran.err.splitlines() == [
        f"newsread: {tmp_path / 'a.jsonl'}:1: not JSON", f"newsread: {tmp_path / 'a.jsonl'}:3: not a JSON object",
        f"newsread: {tmp_path / 'b.jsonl'}:1: not UTF-8 text (byte 0xff)",
        "newsread: 3 gold record(s) cannot be read; nothing scored"]


@pytest.mark.parametrize("layout", ["empty file", "blank lines", "empty folder"])
def test_eval_with_no_gold_articles_says_so(tmp_path, monkeypatch, layout):
    from newsread import commands

    monkeypatch.setattr(commands, "_load_pipeline", lambda name: pytest.fail("no gold, no pipeline"))
    gold = tmp_path / ("gold" if layout == "empty folder" else "gold.jsonl")
    if layout == "empty folder":
        gold.mkdir()
    else:
        gold.write_text("" if layout == "empty file" else "\n \n", encoding="utf-8")
    ran = run_cli("eval", gold)
    assert_handled(ran, codes=(2,))
    assert ran.err == f"newsread: {gold}: no gold articles (.jsonl lines with a text)\n"


# ---- what the fuzzers found -----------------------------------------------------------------------

def test_a_feed_entrys_title_and_author_are_stored_clean():
    """Fuzzer: a feed entry's title and author (and the feed's title) were stored with their control
    characters when the entry's page was fetched (the page's article was finished before them)."""
    from newsread.ingest.feeds import with_entry_metadata

    article = with_entry_metadata(Article(text="Text."), {"title": "Big\x1b[31m\nnews\x07", "author": "\x07Ann \u2028Lee"},
                                  "The\x1b]0;OWNED\x07 Gazette")
    assert (article.title, article.author, article.source) == ("Big news", "Ann Lee", "The Gazette")


def test_a_feed_feedparser_cannot_read_is_one_failure():
    """Fuzzer: feedparser raises UnicodeEncodeError on a character reference to a surrogate ("&#xd800;")
    in an entry; the whole add ended in an internal error."""
    import time

    from newsread.ingest import IngestFailure
    from newsread.ingest.feeds import read_feed

    body = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>x</title>"
            b"<description>a &#xd800; b</description></item></channel></rss>")
    (failure,) = read_feed(body, "http://e.org/feed", fetch_page=None, page_to_article=None,
                           deadline=time.monotonic() + 5, late="late")
    assert isinstance(failure, IngestFailure)
    assert (failure.source, failure.reason) == ("http://e.org/feed", "could not parse the feed (UnicodeEncodeError)")


def damaged_db(tmp_path: Path, how: str) -> Path:
    db = tmp_path / "n.db"
    with Store(db) as store:
        article_id, _ = store.add_article(Article(text=GOOD, title="River"), content_hash(GOOD))
        store.store_extraction(article_id, Extraction([Quote(15, 35, GOOD[15:35], "direct", speaker="Ann Lee")], []), "x")
        store.accept(store.quotes(article_id)[0].id)
    conn = sqlite3.connect(db)
    with conn:
        if how == "title not UTF-8":
            conn.execute("UPDATE articles SET title = CAST(x'ff1b5b33316d' AS TEXT)")
        elif how == "log not JSON":
            conn.execute("DROP TRIGGER corrections_append_only_update")
            conn.execute("UPDATE corrections SET [after] = '{'")
        elif how == "column renamed":
            conn.execute("ALTER TABLE quotes RENAME COLUMN confidence TO confidenco")
    conn.close()
    if how == "schema not UTF-8":
        data = bytearray(db.read_bytes())
        at = data.index(b'CREATE TABLE "speakers"')
        data[at + 14] = 0xFF  # a byte of the schema's own text
        db.write_bytes(bytes(data))
    return db


@pytest.mark.parametrize(("how", "command", "reason"), [
    ("title not UTF-8", ("history", "1"), "holds text that is not UTF-8"),
    ("log not JSON", ("history",), "holds data that is not JSON"),
    ("column renamed", ("export",), "its tables are not as newsread makes them (no column 'confidence'"),
    ("title not UTF-8", ("export",), "holds text that is not UTF-8 (damaged, or written by another program?)"),
    ("schema not UTF-8", ("export",), "database file is corrupt"),
    ("schema not UTF-8", ("add", "--no-extract", "{file}"), "database file is corrupt"),
])
def test_a_damaged_or_foreign_database_is_one_line_naming_it(tmp_path, how, command, reason):
    """Fuzzer: a damaged database file, or one another program wrote into, was an internal error
    (UnicodeDecodeError, KeyError, JSONDecodeError or sqlite3's own error while reading rows)."""
    db = damaged_db(tmp_path, how)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    ran = run_cli("--db", db, *(part.format(file=tmp_path / "a.txt") for part in command))
    assert_handled(ran, codes=(1,))
    assert ran.err.startswith(f"newsread: {db}: {reason}"), ran.err


def test_an_error_not_raised_by_the_store_is_still_an_internal_error(tmp_path, monkeypatch):
    """Only what the store meets reading the file is told as the file's fault: any other error stays a bug."""
    from newsread.store import Store as RealStore

    db = damaged_db(tmp_path, "none")
    monkeypatch.setattr(RealStore, "history", lambda self, article_id=None: json.loads("{"))
    monkeypatch.delenv("NEWSREAD_DEBUG")
    ran = run_cli("--db", db, "history")
    assert ran.code == 1 and "internal error: JSONDecodeError" in ran.err


def test_an_imported_mention_is_a_span_or_none(tmp_path):
    """Fuzzer: mention_start -1 with mention_end 21 (or start after end) was stored."""
    for mention in ({"mention_start": -1, "mention_end": 7}, {"mention_start": 7, "mention_end": 3}, {"mention_start": 3}):
        line = {"text": GOOD, "quotes": [{"start": 15, "end": 35, **mention}]}
        (tmp_path / "in.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
        ran = run_cli("--db", tmp_path / "n.db", "import", "--format", "jsonl", tmp_path / "in.jsonl")
        assert_handled(ran, codes=(1,))
        assert "is not a span of the text (-1 and -1 for none)" in ran.err
    assert not (tmp_path / "n.db").exists()


def test_an_article_reference_or_database_name_that_is_not_utf8_is_one_line(tmp_path):
    """Fuzzer: ``history`` or ``reextract`` given bytes that are not UTF-8 (a surrogate escape in
    argv), or a --db name so, was an internal error (UnicodeEncodeError)."""
    text = tmp_path / "caf\udce9.txt"
    text.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "n.db"
    assert run_cli("--db", db, "add", "--no-extract", text).code == 0
    assert run_cli("--db", db, "history", text).code == 0  # the file as added, found by its name
    for command in (("history", "nope\udce9"), ("reextract", "nope\udce9")):
        ran = run_cli("--db", db, *command)
        assert_handled(ran, codes=(1,))
        assert ran.err == 'newsread: no article matches "nope\\xe9" (by id, path, file name or title)\n'
    ran = run_cli("--db", tmp_path / "caf\udce9.db", "add", "--no-extract", text)
    assert_handled(ran, codes=(2,))
    assert "caf\\xe9.db: a database file name must be UTF-8 text" in ran.err


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_importing_an_empty_folder_says_so(tmp_path, fmt):
    """Fuzzer: an empty folder imported nothing and exited 0, as if all were well."""
    ran = run_cli("--db", tmp_path / "n.db", "import", "--format", fmt, tmp_path)
    assert_handled(ran, codes=(1,))
    assert ran.err == f"newsread: {tmp_path}: no {'.ann' if fmt == 'brat' else '.jsonl'} files in the folder\n"


# ---- found while building the fuzzers (which now cover them) ------------------------------------

@pytest.mark.parametrize(("quote", "message"), [
    ({"kind": "shouted"}, "unknown kind 'shouted' (one of direct, indirect, mixed)"),
    ({"speaker_kind": "ALIEN"}, "unknown speaker_kind 'ALIEN' (one of PERSON, ORG, OTHER)"),
    ({"start": 20, "end": 20}, "quote offsets [20, 20) hold nothing"),
    ({"id": 2**63, "status": "accepted"}, "id 9223372036854775808 is too large for an id"),
])
def test_import_refuses_what_the_store_must_not_hold(tmp_path, quote, message):
    """An unknown kind was stored as it was; an empty quote too; an id past SQLite's integers was an
    internal error (OverflowError)."""
    line = {"text": GOOD, "quotes": [{"start": 15, "end": 35, **quote}]}
    (tmp_path / "in.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    ran = run_cli("--db", tmp_path / "n.db", "import", "--format", "jsonl", tmp_path / "in.jsonl")
    assert_handled(ran, codes=(1,))
    assert f"in.jsonl:1: quote 1: {message}" in ran.err


@pytest.mark.parametrize(("stem", "ann", "metadata", "expected"), [
    ("²", "", None, (0, "")),  # a digit int() does not read: was an internal error
    ("99999999999999999999", "", None, (1, "is too large for an id")),
    ("7", "", {"file": "7", "id": 2**64}, (1, "is too large for an id")),
    ("7", "A1\tKind E1 sung\n", None, (1, "unknown kind 'sung'")),
])
def test_brat_ids_and_kinds_are_checked(tmp_path, stem, ann, metadata, expected):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / f"{stem}.txt").write_text(GOOD, encoding="utf-8")
    (folder / f"{stem}.ann").write_text("T1\tContent 15 35\tx\nT2\tAttribution 15 35\tx\nE1\tAttribution:T2 Content:T1\n" + ann,
                                        encoding="utf-8")
    if metadata is not None:
        (folder / "metadata.jsonl").write_text(json.dumps(metadata) + "\n", encoding="utf-8")
    ran = run_cli("--db", tmp_path / "n.db", "import", "--format", "brat", folder)
    assert_handled(ran, codes=(expected[0],))
    assert expected[1] in ran.err
    assert_store_ok(tmp_path / "n.db")


def test_stored_paths_are_one_line_of_plain_text(tmp_path):
    """A corpus's own id, or a file's name, with control characters was stored as it was."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x\x1b[31my", "text": GOOD}) + "\n", encoding="utf-8")
    named = tmp_path / "bad\x1b]0;OWNED\x07name.txt"
    named.write_text(GOOD + " Again.", encoding="utf-8")
    db = tmp_path / "n.db"
    assert run_cli("--db", db, "add", "--no-extract", corpus, named).code == 0
    assert sorted(a.path for a, _ in stored(db)) == [str(tmp_path / "bad\\x1b]0;OWNED\\x07name.txt"), f"{corpus}#x\\x1b[31my"]
    assert_store_ok(db)
    assert run_cli("--db", db, "history", named).code == 0  # still found by the name as given


def test_a_fifo_in_an_import_folder_is_named_not_waited_for(tmp_path):
    """Every .jsonl under a folder was opened as it was: a FIFO among them hung the import."""
    from test_cli import NEWSREAD

    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "good.jsonl").write_text(good_line(1) + "\n", encoding="utf-8")
    env = {**os.environ, "NEWSREAD_CONFIG": "/nonexistent/newsread.toml"}
    result = subprocess.run([NEWSREAD, "--db", str(tmp_path / "n.db"), "import", "--format", "jsonl", str(tmp_path)],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [f"newsread: {tmp_path / 'pipe.jsonl'}: not a regular file",
                                          "newsread: imported 1 article(s) with 1 quote(s), 1 record(s) refused"]


def test_a_feed_url_in_the_progress_line_is_shown_not_obeyed(monkeypatch):
    """The progress line of a feed's pages wrote the URL as given onto the terminal."""
    from newsread.commands import _FeedPages

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    pages = _FeedPages()
    pages("http://e.org/feed\x1b]0;OWNED\x07\u202e", 1, 2)
    pages.end()
    assert "feed␛]0;OWNED␇\ufffd" in terminal.getvalue() and "\x1b" not in terminal.getvalue()
