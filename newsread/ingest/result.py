"""What one ingest step yields besides an Article: a failure with a one-line reason."""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsread.model import Article
from newsread.text import normalize, storable


@dataclass
class IngestFailure:
    """A source (or one item inside it) that could not be read; the batch goes on."""

    source: str
    reason: str


def clean_line(value: object) -> str:
    """Metadata (titles, names, dates) as one safe line: normalised, whitespace collapsed."""
    if value is None:
        return ""
    return " ".join(normalize(str(value)).split())


def finish(article: Article, source: str) -> Article | IngestFailure:
    """Normalise an article's text and metadata; an article with no text is a failure."""
    article.text = normalize(article.text)
    if not article.text.strip():
        return IngestFailure(source, "empty article")
    article.path = storable(article.path)  # a file name that is not UTF-8 cannot be stored as it is
    for name in ("title", "source", "url", "date", "author"):
        setattr(article, name, clean_line(getattr(article, name)))
    return article


class NotText(ValueError):
    """Raised with the one-line reason when bytes are not UTF-8 text."""


NOT_REGULAR = "not a regular file"


class NotRegularFile(ValueError):
    """A FIFO, device, socket or folder where a file was expected: reading it could block
    for ever (a FIFO) or never end (``/dev/zero``)."""


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file; else NotRegularFile.

    Looked at before opening (opening a FIFO waits for a writer; a socket cannot be
    opened), and again once open, without blocking, in case it was swapped in between.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegularFile(NOT_REGULAR)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(NOT_REGULAR)
    return os.fdopen(fd, "rb")


# A byte order mark names its encoding: Windows tools save "Unicode" text as UTF-16.
# UTF-32's marks come first: UTF-32-LE's begins with UTF-16-LE's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes) -> str:
    """A whole text file as str: UTF-16 or UTF-32 when it starts with their byte order mark,
    else UTF-8 (see ``decode_utf8``); raises NotText naming the problem."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise NotText(f"not {encoding.upper()} text (bad bytes at offset {error.start})") from None
    return decode_utf8(data)


def decode_utf8(data: bytes) -> str:
    """Bytes of a text file as str; raises NotText naming the problem."""
    if b"\x00" in data:
        raise NotText("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NotText(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None


def plain_text_title(text: str, fallback: str) -> str:
    """The first non-empty line when it is short enough to be a headline, else ``fallback``."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) < 200 else fallback
    return fallback


def size_label(max_bytes: int) -> str:
    """``10_000_000`` -> ``"10 MB"``: the cap as people say it."""
    if max_bytes >= 1_000_000 and max_bytes % 1_000_000 == 0:
        return f"{max_bytes // 1_000_000} MB"
    if max_bytes >= 1000 and max_bytes % 1000 == 0:
        return f"{max_bytes // 1000} kB"
    return f"{max_bytes} bytes"


def too_large(source: str, max_bytes: int) -> IngestFailure:
    return IngestFailure(source, f"larger than {size_label(max_bytes)} cap")
