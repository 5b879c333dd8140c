"""What one ingest step yields besides an Article: a failure with a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass

from newsread.model import Article
from newsread.text import normalize


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
    for name in ("title", "source", "url", "date", "author"):
        setattr(article, name, clean_line(getattr(article, name)))
    return article


class NotText(ValueError):
    """Raised with the one-line reason when bytes are not UTF-8 text."""


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
