"""The ways in that run the real spaCy pipeline, fuzzed: ``add`` with extraction, ``extract`` onto a
terminal, ``reextract``, and ``eval`` on hostile gold files (which must fail in one line naming
file:line, before any pipeline is loaded). Extraction is slow, so few inputs extract; most of the
gold files are refused before it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from test_fuzz_harness import (
    _environment,  # noqa: F401 - autouse fixture
    assert_handled,
    assert_store_ok,
    fuzz,
    fuzz_counts,  # noqa: F401 - autouse fixture
    hostile_bytes,
    hostile_name,
    hostile_text,
    run_cli,
    tried,
)
from test_fuzz_ways_in import gold_line, json_value, odd_lines

from newsread.store import Store

SPOKEN = st.lists(st.one_of(hostile_text, *[st.sampled_from([
    "The minister said: \u201cWe will act \x1b[31mnow\u202e.\u201d",
    "\u201cIt was\x9b2J wrong,\u201d Ann Lee told reporters.\n\n",
    "Police said the \u2066river\u2069 would rise, according to officials.",
    "He added that \u201cnothing\x07 would change\u201d. ",
])] * 2), min_size=1, max_size=6).map("".join)  # two in three pieces a sentence the extractor takes


def readable(text: str) -> bytes:
    """``text`` as a file ingest reads (UTF-8, no NUL: else it is refused before any extraction)."""
    return text.replace("\x00", "").encode("utf-8", "replace")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-extract")


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "n.db"
    Store(path).close()
    return path


@pytest.mark.slow
@fuzz(6)
@given(texts=st.lists(SPOKEN, min_size=1, max_size=2), name=hostile_name, terminal=st.booleans())
def test_add_with_extraction_stores_only_what_the_store_allows(scratch, template_db, texts, name, terminal):
    folder = Path(tempfile.mkdtemp(dir=scratch))
    db = folder / "n.db"
    shutil.copyfile(template_db, db)
    paths = []
    for number, text in enumerate(texts):
        paths.append(folder / f"{name}{number}.txt")
        paths[-1].write_bytes(readable(text))
    ran = run_cli("--db", db, "add", "--jobs", "1", *paths, terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    event(" ".join(re.findall(r"found \d+ quote|added \d+ article", ran.err)))
    assert_store_ok(db)
    if ran.code == 0:
        ran = run_cli("--db", db, "reextract", "--jobs", "1", terminal=terminal)
        assert_handled(ran, codes=(0,))
        assert_store_ok(db)
    tried("add with extraction (and reextract)")


@pytest.mark.slow
@fuzz(4)
@given(text=SPOKEN, name=hostile_name)
def test_extract_onto_a_terminal(scratch, text, name):
    path = Path(tempfile.mkdtemp(dir=scratch)) / f"{name}.txt"
    path.write_bytes(readable(text))
    ran = run_cli("extract", path, terminal=True)
    assert_handled(ran, codes=(0, 1))
    for line in ran.out.split("\n"):
        if line:
            event(f"{len(json.loads(line)['quotes'])} quote(s)")
    tried("extract onto a terminal")


# ---- eval on hostile gold files -------------------------------------------------------------

@st.composite
def gold_file(draw) -> bytes:
    """A gold file: lines of (mostly) articles, wrong types, offsets out of range, deep JSON, bytes that
    are not UTF-8, or nothing at all."""
    shape = draw(st.sampled_from(["lines", "lines", "lines", "bytes", "empty", "blank lines"]))
    if shape == "bytes":
        return draw(hostile_bytes)
    if shape == "empty":
        return b""
    if shape == "blank lines":
        return b"\n  \n\t\n"
    lines = draw(st.lists(st.one_of(gold_line(), odd_lines, json_value.map(json.dumps)), min_size=1, max_size=4))
    return "\n".join(lines).encode("utf-8", "surrogatepass") + draw(st.sampled_from([b"\n", b"", b"\n\xff\n"]))


@fuzz(50)
@given(files=st.lists(gold_file(), min_size=1, max_size=3), as_folder=st.booleans(), terminal=st.booleans())
def test_eval_on_hostile_gold_files(scratch, files, as_folder, terminal):
    folder = Path(tempfile.mkdtemp(dir=scratch))
    gold = folder / "gold"
    gold.mkdir()
    paths = []
    for number, content in enumerate(files):
        paths.append(gold / f"g{number}.jsonl")
        paths[-1].write_bytes(content)
    ran = run_cli("eval", *([gold] if as_folder else paths), terminal=terminal)
    event(f"exit {ran.code}")
    assert_handled(ran, codes=(0, 2))
    if ran.code == 2:  # each refused record named by file:line, then the count; or no gold at all
        errors = [line for line in ran.err.split("\n") if line.startswith("newsread: ")]
        assert errors[-1].endswith("nothing scored") or "no gold articles" in errors[-1], ran.err
        assert all(re.match(r"newsread: .*g\d\.jsonl:\d+: ", line) for line in errors[:-1]), ran.err
    else:
        assert re.match(r"\d+ articles\n", ran.out), ran.out
    tried("eval: hostile gold files")


def test_eval_names_a_fifo_in_a_gold_folder_without_waiting_for_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "good.jsonl").write_text(json.dumps({"text": "Ann said it."}) + "\n", encoding="utf-8")
    ran = run_cli("eval", tmp_path)
    assert_handled(ran, codes=(2,))
    assert f"{tmp_path / 'pipe.jsonl'}: not a regular file" in ran.err
    tried("eval: a FIFO among the gold")
