"""JSONL corpora -> Articles: one JSON object per line with "text" and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsread.model import Article

from .result import IngestFailure, NotRegularFile, NotText, decode_utf8, finish, open_regular, too_large

METADATA_KEYS = ("title", "url", "date", "source", "author")


def read_corpus(path: Path, *, max_bytes: int = 10_000_000) -> Iterator[Article | IngestFailure]:
    """Each good line becomes an Article; each bad line (or one over ``max_bytes``) an
    IngestFailure naming the line."""
    try:
        handle = open_regular(path)
    except NotRegularFile as problem:
        yield IngestFailure(str(path), str(problem))
        return
    except OSError as error:
        yield IngestFailure(str(path), error.strerror or type(error).__name__)
        return
    with handle:
        for number, raw in _lines(handle, max_bytes):
            if raw is None:
                yield IngestFailure(str(path), f"line {number}: {too_large(str(path), max_bytes).reason}")
            elif raw.strip():
                yield article_from_line(raw, number, path)


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) of each line, holding at most ``max_bytes`` of one in memory;
    None for a longer line, whose rest is skipped."""
    number = 0
    while raw := handle.readline(max_bytes + 1):
        number += 1
        if len(raw) <= max_bytes:
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1 << 20)
        yield number, None


def article_from_line(raw: bytes, number: int, path: Path) -> Article | IngestFailure:
    def failure(reason: str) -> IngestFailure:
        return IngestFailure(str(path), f"line {number}: {reason}")

    try:
        record = json.loads(decode_utf8(raw))
    except NotText as problem:
        return failure(str(problem))
    except json.JSONDecodeError:
        return failure("not JSON")
    except RecursionError:  # hostile input: thousands of nested brackets
        return failure("JSON nested too deeply")
    except ValueError:  # a number of thousands of digits (Python's int conversion limit)
        return failure("not JSON (a number too long to read)")
    if not isinstance(record, dict):
        return failure("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return failure('no "text" string')
    # Metadata is text or absent: an object or a number is refused, never stored as its repr.
    for key in METADATA_KEYS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return failure(f"{key} {_shown(record[key])} is not a string")
    # The corpus's own id is kept in the path so an article can be traced back to its line.
    item_id = record.get("id")
    if item_id is not None and (isinstance(item_id, bool) or not isinstance(item_id, (int, str))):
        return failure(f"id {_shown(item_id)} is not an integer or a string")
    where = f"{path}#{item_id}" if item_id not in (None, "") else f"{path}#line-{number}"
    article = Article(text=text, path=where, **{key: _as_str(record.get(key)) for key in METADATA_KEYS})
    result = finish(article, str(path))
    if isinstance(result, IngestFailure):
        return failure(result.reason)
    return result


def _as_str(value: object) -> str:
    return "" if value is None else str(value)


def _shown(value: object, width: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= width else text[:width - 1] + "…"
