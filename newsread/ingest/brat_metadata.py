"""What a brat folder's file names cannot carry: each article's title, source, url, date, author,
licence and id, in a ``metadata.jsonl`` beside its ``.txt`` files.

brat keeps only text and annotations; newsread's export names each file by the article's id
(``12.txt``, ``12.ann``), which the brat reader reads back. Everything else about the article
comes from ``metadata.jsonl``, one JSON object per article::

    {"file": "12", "id": 12, "title": "...", "source": "...", "url": "...", "date": "2019-03-02",
     "author": "...", "licence": "..."}

``file`` is the name of the article's ``.txt`` without ``.txt``; every other key may be left out.
A folder without the file imports as before (ids from the file names, no titles).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from newsread.formats.records import FormatError, checked_id, one_record
from newsread.model import Article, Quote

from .result import clean_line

METADATA_FILE = "metadata.jsonl"
TEXT_KEYS = ("title", "source", "url", "date", "author", "licence")


def with_brat_metadata(records: Iterable[tuple[Article, list[Quote]]]) -> Iterator[tuple[Article, list[Quote]]]:
    """``records`` read from brat files, each article given what the metadata.jsonl beside its text says.
    A bad line of it is a FormatError: which article it was for cannot be known, so the import stops."""
    folders: dict[Path, dict[str, dict]] = {}
    for article, quotes in records:
        text_file = Path(article.path)
        if text_file.parent not in folders:
            folders[text_file.parent] = read_metadata(text_file.parent / METADATA_FILE)
        entry = folders[text_file.parent].get(text_file.stem)
        if entry is not None:
            apply_metadata(article, entry)
        yield article, quotes


def read_metadata(path: Path) -> dict[str, dict]:
    """{file name without .txt: its fields} from a metadata.jsonl, {} when there is none;
    a line that is not such an object is a FormatError naming the file and line."""
    if not path.is_file():
        return {}
    entries: dict[str, dict] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                entry = one_record(f"{path}:{number}", partial(_entry_from_bytes, raw, f"{path}:{number}"))
                if isinstance(entry, FormatError):
                    raise entry
                entries[entry[0]] = entry[1]
    return entries


def _entry_from_bytes(raw: bytes, where: str) -> tuple[str, dict]:
    return entry_from_line(raw.decode("utf-8"), where)


def entry_from_line(line: str, where: str) -> tuple[str, dict]:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        raise FormatError(f"{where}: not JSON") from None
    if not isinstance(data, dict):
        raise FormatError(f"{where}: not a JSON object")
    if not isinstance(data.get("file"), str) or not data["file"]:
        raise FormatError(f'{where}: no "file" string (the .txt file\'s name without .txt)')
    for key in TEXT_KEYS:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise FormatError(f"{where}: {key} is not a string")
    article_id = data.get("id")
    if article_id is not None and (isinstance(article_id, bool) or not isinstance(article_id, int)):
        raise FormatError(f"{where}: id is not an integer")
    if article_id is not None:
        checked_id(article_id, where)
    return data["file"], data


def apply_metadata(article: Article, entry: dict) -> None:
    """The entry's fields onto ``article``, each one clean line as ingest stores metadata."""
    for key in TEXT_KEYS:
        if entry.get(key) is not None:
            setattr(article, key, clean_line(entry[key]))
    if isinstance(entry.get("id"), int) and hasattr(article, "id"):
        article.id = entry["id"]
