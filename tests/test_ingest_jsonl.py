"""Ingest of JSONL corpora: one article per line, bad lines reported and skipped."""

from __future__ import annotations

import json

from newsread.ingest import IngestFailure, read_sources
from newsread.model import Article


def test_corpus_lines_become_articles_and_bad_lines_failures(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "First text.", "title": "One", "url": "https://x.org/1",
                    "date": "2024-01-02", "source": "X News", "author": "Ann"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Second\r\ntext \x1b[2J.", "id": 7}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n')
    results = list(read_sources([str(path)]))
    first, *failures, second, bad_bytes = results
    assert first == Article(text="First text.", title="One", source="X News", url="https://x.org/1",
                            date="2024-01-02", author="Ann", path=f"{path}#a1")
    assert [f.reason for f in failures] == [
        "line 3: not JSON", "line 4: not a JSON object", 'line 5: no "text" string', "line 6: empty article",
    ]
    assert all(f.source == str(path) for f in failures)
    assert second.text == "Second\ntext ." and second.path == f"{path}#7"
    assert isinstance(bad_bytes, IngestFailure) and bad_bytes.reason.startswith("line 8: not UTF-8 text")


def test_line_without_id_is_traced_by_line_number(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Hello."}\n', encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert article.path == f"{path}#line-1"
