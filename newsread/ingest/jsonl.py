"""JSONL corpora -> Articles: one JSON object per line with "text" and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsread.model import Article

from .result import IngestFailure, NotText, decode_utf8, finish

METADATA_KEYS = ("title", "url", "date", "source", "author")


def read_corpus(path: Path) -> Iterator[Article | IngestFailure]:
    """Each good line becomes an Article; each bad line an IngestFailure naming the line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield IngestFailure(str(path), error.strerror or type(error).__name__)
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield article_from_line(raw, number, path)


def article_from_line(raw: bytes, number: int, path: Path) -> Article | IngestFailure:
    def failure(reason: str) -> IngestFailure:
        return IngestFailure(str(path), f"line {number}: {reason}")

    try:
        record = json.loads(decode_utf8(raw))
    except NotText as problem:
        return failure(str(problem))
    except json.JSONDecodeError:
        return failure("not JSON")
    if not isinstance(record, dict):
        return failure("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return failure('no "text" string')
    # The corpus's own id is kept in the path so an article can be traced back to its line.
    item_id = record.get("id")
    where = f"{path}#{item_id}" if item_id not in (None, "") else f"{path}#line-{number}"
    article = Article(text=text, path=where, **{key: _as_str(record.get(key)) for key in METADATA_KEYS})
    result = finish(article, str(path))
    if isinstance(result, IngestFailure):
        return failure(result.reason)
    return result


def _as_str(value: object) -> str:
    return "" if value is None else str(value)
