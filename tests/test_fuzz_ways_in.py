"""Every way in, fuzzed: files, HTML, JSONL corpora, annotated imports (JSONL and brat), feeds from
a local server, and database files that are not what they should be.

Each input goes through the real command line in this process (``add --no-extract``, ``import``,
``history``, ``export``), half the time with stdout and stderr on pseudo-terminals; every run must
end with exit 0, 1 or 2, no traceback and nothing raw on a terminal, and every database it leaves
must keep the store's promises (tests/test_fuzz_harness.py). Extraction is fuzzed, more slowly,
in tests/test_fuzz_extract.py.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import tempfile
import threading
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from test_fuzz_harness import (
    WORDS,
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

from newsread.model import QUOTE_KINDS, SPEAKER_KINDS, STATUSES
from newsread.store import Store


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """An empty, migrated database: copied for each input (creating one costs a tenth of a second)."""
    path = tmp_path_factory.mktemp("template") / "n.db"
    Store(path).close()
    return path


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def folder_for(scratch: Path) -> Path:
    return Path(tempfile.mkdtemp(dir=scratch))


def database(folder: Path, template: Path, fresh: bool) -> Path:
    """A database for one input: a copy of the template, or (``fresh``) none yet, for the command to create."""
    db = folder / "n.db"
    if not fresh:
        shutil.copyfile(template, db)
    return db


def imported_counts(err: str) -> tuple[int, int, int] | None:
    """(imported, skipped, refused) from an import's summary line."""
    match = re.search(r"imported (\d+) article\(s\) with \d+ quote\(s\)(?:, skipped (\d+) already present)?"
                      r"(?:, (\d+) record\(s\) refused)?", err)
    return None if match is None else tuple(int(group or 0) for group in match.groups())


# ---- files: .txt, .md, .html ----------------------------------------------------------------

html_pieces = st.sampled_from([
    "<html>", "<head>", "<title>", "</title>", "<meta charset='latin-1'>", "<meta charset='bogus'>", "<body>", "<p>",
    "</p>", "<br>", "<script>alert(1)</script>", "<style>p{}</style>", "<article>", "</article>", "<h1>", "</h1>",
    "<![CDATA[", "]]>", "<!--", "-->", "&#27;[31m", "&#x9b;", "&#x202e;", "&#0;", "&#xd800;", "&#1114112;", "&lt;",
    "&amp;", "<a href='\x1b[31m'>", "</a>", "<meta name='author' content='\x1b]0;x\x07Ann'>", "<div>", "</div>", "<",
])
html_text = st.lists(st.one_of(html_pieces, hostile_text), max_size=25).map("".join)
file_body = st.one_of(hostile_bytes, html_text.map(lambda t: t.encode("utf-8", "surrogatepass")))


@fuzz(70)
@given(files=st.lists(st.tuples(hostile_name, st.sampled_from([".txt", ".md", ".html", ".htm", ".TXT"]), file_body),
                      min_size=1, max_size=3),
       as_folder=st.booleans(), terminal=st.booleans(), fresh=st.sampled_from([False, False, False, True]))
def test_files_of_any_bytes_under_any_name(template_db, scratch, files, as_folder, terminal, fresh):
    folder = folder_for(scratch)
    inputs = folder / "in"
    inputs.mkdir()
    paths = []
    for number, (name, suffix, body) in enumerate(files):
        path = inputs / f"{name}{number}{suffix}"
        path.write_bytes(body)
        paths.append(path)
    db = database(folder, template_db, fresh)
    ran = run_cli("--db", db, "add", "--no-extract", *([inputs] if as_folder else paths), terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    assert_store_ok(db)
    tried("add: .txt/.md/.html files")


# ---- JSONL corpora ------------------------------------------------------------------------

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.sampled_from([10**30, 2**63, -1, 0]),
                      st.floats(), hostile_text)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
                          max_leaves=8)
DEEP = "[" * 3000 + "]" * 3000
odd_lines = st.sampled_from([DEEP, '{"text": ' + DEEP + "}", '{"text": "x", "n": ' + "7" * 5000 + "}", "{nope", "[]",
                             '"just a string"', '{"text": "a"}\r{"text": "b"}', "\ufeff{}", "NaN"])


@st.composite
def corpus_line(draw) -> bytes:
    shape = draw(st.sampled_from(["article", "article", "wrong types", "odd", "bytes"]))
    if shape == "odd":
        return draw(odd_lines).encode("utf-8")
    if shape == "bytes":
        return draw(hostile_bytes).replace(b"\n", b" ")
    record = {"text": draw(hostile_text)}
    keys = ["title", "url", "date", "source", "author", "id"]
    for key in draw(st.lists(st.sampled_from(keys), unique=True)):
        record[key] = draw(hostile_text if shape == "article" and key != "id" else json_value)
    if shape == "wrong types":
        record[draw(st.sampled_from(["text", *keys]))] = draw(json_value)
    return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@fuzz(60)
@given(lines=st.lists(corpus_line(), max_size=6), name=hostile_name, terminal=st.booleans())
def test_jsonl_corpora_of_any_lines(template_db, scratch, lines, name, terminal):
    folder = folder_for(scratch)
    corpus = folder / f"{name}.jsonl"
    corpus.write_bytes(b"\n".join(lines))
    db = database(folder, template_db, fresh=False)
    ran = run_cli("--db", db, "add", "--no-extract", corpus, terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    assert_store_ok(db)
    tried("add: JSONL corpora")


# ---- annotated imports: articles JSONL (the gold format) --------------------------------------

def offset(length: int):
    return st.one_of(st.integers(-2, length + 2), st.integers(0, max(length, 0)), json_leaf)


@st.composite
def gold_quote(draw, text: str, hostile: bool) -> dict:
    """A quote as a gold file holds it: fields of the right types and offsets inside ``text``, or
    (``hostile``) offsets anywhere and one field of any JSON at all."""
    length = len(text)
    start = draw(st.integers(0, max(length - 1, 0)))
    quote = {"start": start, "end": draw(st.integers(start + 1, max(length, start + 1))),
             "kind": draw(st.sampled_from(QUOTE_KINDS)), "speaker": draw(hostile_text)}
    inside = st.integers(-1, length)
    optional = {
        "speakers": st.lists(hostile_text, max_size=3), "speaker_kind": st.sampled_from(SPEAKER_KINDS),
        "status": st.sampled_from(STATUSES), "cue": hostile_text, "cue_start": inside, "mention_start": inside,
        "mention_end": inside, "confidence": st.floats(0, 1), "human": st.booleans(), "note": hostile_text,
        "id": st.one_of(st.integers(0, 999), st.integers(0, 2**70)), "sieve": hostile_text, "text": hostile_text,
        "evidence": st.lists(st.fixed_dictionaries({"sieve": hostile_text, "text": hostile_text, "start": inside,
                                                    "end": inside}), max_size=2),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=5)):
        quote[key] = draw(optional[key])
    if hostile:
        if draw(st.booleans()):
            quote["start"], quote["end"] = draw(offset(length)), draw(offset(length))
        quote[draw(st.sampled_from(["start", "end", "kind", *sorted(optional)]))] = draw(json_value)
    return quote


@st.composite
def gold_line(draw) -> str:
    """A gold line: mostly an article newsread can import (text full of controls, offsets into it), or
    one with a hostile quote or field, or a line that is no article at all."""
    shape = draw(st.sampled_from(["good", "good", "good", "good", "good", "hostile quote", "hostile field", "odd"]))
    if shape == "odd":
        return draw(odd_lines)
    text = draw(hostile_text) + draw(st.sampled_from(WORDS))  # never blank
    quotes = draw(st.lists(st.booleans().map(lambda hostile: hostile and shape == "hostile quote"), max_size=3))
    record: dict = {"text": text, "quotes": [draw(gold_quote(text, hostile)) for hostile in quotes]}
    for key in draw(st.lists(st.sampled_from(["id", "title", "source", "url", "date", "author", "licence"]), unique=True)):
        record[key] = draw(st.one_of(hostile_text, st.integers(0, 999), st.integers(0, 2**70)) if key == "id" else hostile_text)
    if shape == "hostile field":
        record[draw(st.sampled_from(["text", "quotes", "id", "title"]))] = draw(json_value)
    return json.dumps(record, ensure_ascii=False)


@fuzz(100)
@given(lines=st.lists(gold_line(), min_size=1, max_size=5), fmt=st.sampled_from(["jsonl", "articles-jsonl"]),
       terminal=st.booleans(), fresh=st.sampled_from([False, False, False, True]))
def test_annotated_jsonl_imports(template_db, scratch, lines, fmt, terminal, fresh):
    folder = folder_for(scratch)
    path = folder / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    db = database(folder, template_db, fresh)
    ran = run_cli("--db", db, "import", "--format", fmt, path, terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    assert_store_ok(db)
    counts = imported_counts(ran.err)
    event(f"exit {ran.code}, imported {counts and counts[0]}, refused {counts and counts[2]}")
    if ran.code == 0:  # every record in: none refused
        assert counts is not None and sum(counts) == len([line for line in lines if line.strip()]), ran.err
    elif counts is not None:  # some refused, each with its own line naming file:line
        imported, skipped, refused = counts
        assert refused and imported + skipped + refused == len([line for line in lines if line.strip()]), ran.err
        assert len(re.findall(r"^newsread: .*gold\.jsonl:\d+: ", ran.err, re.MULTILINE)) == refused, ran.err
    tried("import: articles JSONL")


# ---- annotated imports: brat folders ----------------------------------------------------------

@st.composite
def ann_file(draw, length: int) -> str:
    lines = []
    spans = []
    for number in range(1, draw(st.integers(0, 6)) + 1):
        kind = draw(st.sampled_from(["T", "T", "T", "E", "A", "#", "junk"]))
        if kind == "T":
            start = draw(st.integers(-1, length + 2))
            end = draw(st.one_of(st.integers(-1, length + 2), st.integers(start, max(start, length))))
            label = draw(st.sampled_from(["Content", "Content", "Cue", "Source", "Attribution", "Other"]))
            offsets = f"{start} {end}" if draw(st.integers(0, 4)) else f"{start} {end};{draw(st.integers(-1, length + 2))} {end}"
            lines.append(f"T{number}\t{label} {offsets}\t{draw(hostile_text)}")
            spans.append(f"T{number}")
        elif kind == "E" and spans:
            roles = " ".join(f"{role}:{draw(st.sampled_from(spans))}" for role in draw(
                st.lists(st.sampled_from(["Content", "Cue", "Source", "Content2"]), unique=True, max_size=3)))
            lines.append(f"E{number}\tAttribution:{draw(st.sampled_from(spans))} {roles}")
        elif kind == "A":
            name = draw(st.sampled_from(["Kind", "SpeakerKind", "Status", "Confidence", "Human", "Other"]))
            value = draw(st.one_of(st.sampled_from([*QUOTE_KINDS, *SPEAKER_KINDS, *STATUSES, "high", "low", "nan", "1e400"]),
                                   hostile_text.map(lambda t: t.replace("\n", " ").replace("\r", " "))))
            lines.append(f"A{number}\t{name} E{draw(st.integers(1, 6))} {value}")
        elif kind == "#":
            note = draw(st.sampled_from(["", "speakers: A | \x1b[31mB", "confidence: 0.5", "confidence: nan",
                                         "confidence: x"]) | hostile_text)
            lines.append(f"#{number}\tAnnotatorNotes {draw(st.sampled_from(['E1', 'T1', 'E2']))}\t{note}")
        else:
            lines.append(draw(hostile_text))
    return "\n".join(lines) + "\n"


brat_stem = st.one_of(st.integers(0, 2**70).map(str), st.sampled_from(["٣", "²", "007", "article-1"]), hostile_name)


@st.composite
def brat_article(draw) -> tuple[str, bytes, str]:
    text = draw(hostile_text)
    body = text.encode("utf-8", "surrogatepass") if draw(st.integers(0, 5)) else draw(hostile_bytes)
    return draw(brat_stem), body, draw(ann_file(len(text)))


@fuzz(80)
@given(articles=st.lists(brat_article(), min_size=1, max_size=3), metadata=st.one_of(st.none(), st.lists(
    st.fixed_dictionaries({"file": st.one_of(brat_stem, json_leaf)}, optional={"id": json_leaf, "title": st.one_of(
        hostile_text, json_leaf)}).map(json.dumps), max_size=3)), terminal=st.booleans())
def test_brat_folders_with_any_offsets(template_db, scratch, articles, metadata, terminal):
    folder = folder_for(scratch)
    brat = folder / "brat"
    brat.mkdir()
    for number, (stem, text, ann) in enumerate(articles):
        stem = stem if number == 0 else f"{stem}-{number}"
        (brat / f"{stem}.txt").write_bytes(text)
        (brat / f"{stem}.ann").write_text(ann, encoding="utf-8", errors="surrogatepass")
    if metadata is not None:
        (brat / "metadata.jsonl").write_text("\n".join(metadata) + "\n", encoding="utf-8", errors="surrogatepass")
    db = database(folder, template_db, fresh=False)
    ran = run_cli("--db", db, "import", "--format", "brat", brat, terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    assert_store_ok(db)
    counts = imported_counts(ran.err)
    event(f"exit {ran.code}, imported {counts and counts[0]}, refused {counts and counts[2]}")
    if counts is not None and "metadata.jsonl" not in ran.err:  # a bad metadata line stops the import
        assert sum(counts) == len(articles), ran.err
    tried("import: brat folders")


# ---- feeds from a local server ----------------------------------------------------------------

class _Site(http.server.BaseHTTPRequestHandler):
    """Serves whatever ``pages`` holds: path -> (status, headers, body)."""

    pages: dict[str, tuple[int, dict, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        status, headers, body = self.pages.get(self.path.partition("?")[0], (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def xml_text(text: str, raw: bool) -> str:
    """``text`` in an XML element: escaped (every character, as a feed may carry it), or raw."""
    return text if raw else escape(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))


@st.composite
def feed(draw, base: str, number: int) -> dict[str, tuple[int, dict, bytes]]:
    """A feed at /feed-N and the pages its entries link to."""
    pages = {}
    entries = []
    raw = draw(st.booleans())
    for entry in range(draw(st.integers(0, 3))):
        link = f"/page-{number}-{entry}"
        target = draw(st.sampled_from(["page", "page", "text", "missing", "redirect loop", "binary", "elsewhere"]))
        if target == "page":
            pages[link] = (200, {"Content-Type": draw(st.sampled_from(["text/html", "text/html; charset=latin-1",
                                                                      "text/html; charset=bogus", ""]))},
                           draw(html_text).encode("utf-8", "surrogatepass"))
        elif target == "text":
            pages[link] = (200, {"Content-Type": "text/plain"}, draw(hostile_bytes))
        elif target == "redirect loop":
            pages[link] = (302, {"Location": link}, b"")
        elif target == "binary":
            pages[link] = (200, {"Content-Type": "application/octet-stream"}, draw(hostile_bytes))
        href = {"elsewhere": "javascript:alert(1)", "missing": base + link + "-gone"}.get(target, base + link)
        entries.append(f"<item><title>{xml_text(draw(hostile_text), raw)}</title><link>{escape(href)}</link>"
                       f"<description>{xml_text(draw(html_text), raw)}</description>"
                       f"<author>{xml_text(draw(hostile_text), raw)}</author>"
                       f"<pubDate>{xml_text(draw(st.sampled_from(['Mon, 02 Jan 2006 15:04:05 GMT', 'not a date', ''])), raw)}"
                       "</pubDate></item>")
    body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{xml_text(draw(hostile_text), raw)}</title>"
            + "".join(entries) + "</channel></rss>")
    if draw(st.integers(0, 4)) == 0:
        body = body[: draw(st.integers(0, len(body)))]  # cut off
    content_type = draw(st.sampled_from(["application/rss+xml", "text/xml", "application/xml", "text/html"]))
    pages[f"/feed-{number}"] = (200, {"Content-Type": content_type}, body.encode("utf-8", "surrogatepass"))
    return pages


@fuzz(35)
@given(data=st.data(), suffix=st.sampled_from(["", "", "?x=\u202e\u2066", "#\u202efrag", "\x1b]0;t\x07"]),
       terminal=st.booleans())
def test_feeds_and_pages_from_a_local_server(site, template_db, scratch, data, suffix, terminal):
    number = data.draw(st.integers(0, 10**6))  # in the paths: each input's own feed and pages
    _Site.pages = data.draw(feed(site, number))
    db = database(folder_for(scratch), template_db, fresh=False)
    ran = run_cli("--db", db, "add", "--no-extract", f"{site}/feed-{number}{suffix}", terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    assert_store_ok(db)
    tried("add: feeds and their pages (HTTP)")


# ---- database files that are not what they should be ------------------------------------------

@pytest.fixture(scope="module")
def filled_db(tmp_path_factory) -> Path:
    """A small newsread database with an article, quotes and a correction: the bytes to damage."""
    from newsread.ingest import content_hash
    from newsread.model import Article, Extraction, Quote

    path = tmp_path_factory.mktemp("filled") / "n.db"
    text = "Ann Lee said: \u201cThe river will rise.\u201d Officials said it would not."
    with Store(path, user="tester") as store:
        article_id, _ = store.add_article(Article(text=text, title="River"), content_hash(text))
        store.store_extraction(article_id, Extraction([Quote(15, 35, text[15:35], "direct", speaker="Ann Lee")], []), "x")
        store.accept(store.quotes(article_id)[0].id)
    return path


# How to damage a good database file: a recipe, so that a failing input is shown short.
damage = st.one_of(
    st.tuples(st.just("truncated"), st.floats(0, 1, exclude_max=True)),
    st.tuples(st.just("flipped"), st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8)),
    st.tuples(st.just("header and noise"), st.binary(max_size=200)),
    st.tuples(st.just("bytes"), hostile_bytes),
    st.tuples(st.sampled_from(["empty", "other tool", "text not UTF-8", "bad JSON in the log"]), st.none()),
)


def damaged_copy(good: Path, db: Path, recipe) -> None:
    import sqlite3

    how, detail = recipe
    data = good.read_bytes()
    if how == "truncated":
        db.write_bytes(data[: int(detail * len(data))])
    elif how == "flipped":
        changed = bytearray(data)
        for where, value in detail:
            changed[int(where * len(data))] = value
        db.write_bytes(bytes(changed))
    elif how == "header and noise":
        db.write_bytes(data[:100] + detail)
    elif how == "bytes":
        db.write_bytes(detail)
    elif how == "empty":
        db.write_bytes(b"")
    elif how == "other tool":  # a real SQLite file of another program
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE articles (id TEXT, text BLOB)")
        conn.execute("INSERT INTO articles VALUES ('\x1b[31m', x'00ff')")
        conn.commit()
        conn.close()
    else:  # a newsread database another program wrote into
        shutil.copyfile(good, db)
        conn = sqlite3.connect(db)
        if how == "text not UTF-8":
            conn.execute("UPDATE articles SET title = CAST(x'ff1b5b33316d' AS TEXT)")
            conn.execute("UPDATE quotes SET note = CAST(x'c0af' AS TEXT)")
        else:
            conn.execute("DROP TRIGGER IF EXISTS corrections_append_only_update")
            conn.execute("UPDATE corrections SET [after] = '{\"status\": ', [before] = '[1, 2]'")
        conn.commit()
        conn.close()


COMMANDS = [("history",), ("export", "--format", "jsonl"), ("export", "--format", "csv"), ("export", "--format", "articles-jsonl"),
            ("add", "--no-extract", "{text}"), ("import", "--format", "jsonl", "{gold}"), ("backup", "{backup}"),
            ("history", "1"), ("reextract", "--jobs", "1", "\x1b[31mnone")]


@fuzz(80)
@given(recipe=damage, command=st.sampled_from(COMMANDS), terminal=st.booleans())
def test_damaged_and_foreign_database_files(filled_db, scratch, recipe, command, terminal):
    folder = folder_for(scratch)
    db = folder / "n.db"
    damaged_copy(filled_db, db, recipe)
    (folder / "a.txt").write_text("Ann said: \u201cHello.\u201d\n", encoding="utf-8")
    (folder / "g.jsonl").write_text(json.dumps({"text": "Fine text."}) + "\n", encoding="utf-8")
    args = [part.format(text=folder / "a.txt", gold=folder / "g.jsonl", backup=folder / "b.db") for part in command]
    ran = run_cli("--db", db, *args, terminal=terminal)
    assert_handled(ran, codes=(0, 1))
    tried("database files: damaged or foreign")


@fuzz(25)
@given(name=hostile_name, command=st.sampled_from([*COMMANDS[:4], COMMANDS[4]]), terminal=st.booleans())
def test_database_path_of_any_name(scratch, name, command, terminal):
    folder = folder_for(scratch)
    (folder / "a.txt").write_text("Ann said: \u201cHello.\u201d\n", encoding="utf-8")
    args = [part.format(text=folder / "a.txt") for part in command]
    ran = run_cli("--db", folder / name, *args, terminal=terminal)
    assert_handled(ran, codes=(0, 1, 2) if args[0] == "add" else (1, 2))  # 2: a name that is not UTF-8
    assert_store_ok(folder / name)
    shutil.rmtree(folder / name, ignore_errors=True)
    (folder / name).unlink(missing_ok=True)
    (folder / name).mkdir()
    ran = run_cli("--db", folder / name, *args, terminal=terminal)
    assert_handled(ran, codes=(1, 2))
    tried("database files: any name")
