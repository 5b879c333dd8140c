"""Articles JSONL: one line per article with its text and quotes; the gold format, so it round-trips.

Reading also accepts the hand-checked gold files as they are (string ids, no review fields).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from newsread.model import Quote, StoredArticle, StoredQuote

from .clean import normalised_record, shown, text_field
from .records import (
    ARTICLE_KEYS,
    FormatError,
    Record,
    article_fields,
    attribution_fields,
    checked_id,
    one_record,
    quote_fields,
    quote_from_fields,
)

WRITES = "stream"
DESCRIPTION = "one JSON object per article with text and quotes (gold-compatible; importable)"


def write(records: Iterable[Record], stream: TextIO) -> int:
    count = 0
    for article, quotes in records:
        line = {
            **article_fields(article),
            "text": article.text,
            "quotes": [{"id": getattr(q, "id", 0), **quote_fields(q), **attribution_fields(q)} for q in quotes],
        }
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += len(quotes)
    return count


def read(path: Path) -> Iterator[tuple[StoredArticle, list[Quote]] | FormatError]:
    """Every ``*.jsonl`` under a folder, or one file. A line that cannot be read is a FormatError
    naming file and line, yielded in its place: the lines after it are read."""
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise FormatError(f"{path}: no .jsonl files in the folder")
    for file in files:
        opened = one_record(str(file), partial(open_regular_file, file))
        if isinstance(opened, FormatError):
            yield opened
            continue
        with opened as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    where = f"{file}:{number}"
                    yield one_record(where, partial(_record_from_bytes, raw, where, file))


def _record_from_bytes(raw: bytes, where: str, file: Path) -> tuple[StoredArticle, list[Quote]]:
    return record_from_line(raw.decode("utf-8"), where, file)


def open_regular_file(file: Path):
    """``file`` opened in binary, if it is a regular file (a FIFO found in a folder would hang the read)."""
    from newsread.ingest.result import NotRegularFile, open_regular

    try:
        return open_regular(file)
    except NotRegularFile as problem:
        raise FormatError(f"{file}: {problem}") from None


def json_object(line: str, where: str) -> dict:
    """One line's JSON object, or a FormatError saying in one line why not."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        raise FormatError(f"{where}: not JSON") from None
    except RecursionError:  # hostile input: thousands of nested brackets
        raise FormatError(f"{where}: JSON nested too deeply") from None
    except ValueError:  # a number of thousands of digits (Python's int conversion limit)
        raise FormatError(f"{where}: not JSON (a number too long to read)") from None
    if not isinstance(data, dict):
        raise FormatError(f"{where}: not a JSON object")
    return data


def record_from_line(line: str, where: str, file: Path) -> tuple[StoredArticle, list[Quote]]:
    data = json_object(line, where)
    if "article_id" in data and "quotes" not in data:
        raise FormatError(f"{where}: per-quote JSONL has no article text; export with --format articles-jsonl to re-import")
    text = data.get("text")
    if not isinstance(text, str):
        raise FormatError(f'{where}: no "text" string')
    raw_id = data.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (int, str))):
        raise FormatError(f"{where}: id {shown(raw_id)} is not an integer or a string")
    # Store ids are ints; a gold file's string id is kept in the path instead.
    article = StoredArticle(
        text=text,
        id=checked_id(raw_id, where) if isinstance(raw_id, int) else 0,
        path=f"{file}#{raw_id}" if raw_id not in (None, "") else str(file),
        **{key: text_field(data, key, where) for key in ARTICLE_KEYS if key != "id" and hasattr(StoredArticle, key)},
    )
    quotes = data.get("quotes") or []
    if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
        raise FormatError(f'{where}: "quotes" is not a list of objects')
    read_quotes = [quote_from_fields(q, text, f"{where}: quote {n}") for n, q in enumerate(quotes, start=1)]
    for quote in read_quotes:
        if isinstance(quote, StoredQuote):
            quote.article_id = article.id
    return normalised_record(article, read_quotes, where)  # as ingest stores text, offsets carried along
