"""Ingest: files, folders, web pages, feeds and JSONL corpora become normalised Articles.

Every source yields Articles, or an IngestFailure with a one-line reason; one bad
item never stops a batch. Heavy libraries (trafilatura, httpx, feedparser) are
imported only when a source needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from newsread.model import Article
from newsread.text import normalize

from .result import IngestFailure

__all__ = ["IngestFailure", "content_hash", "read_sources"]


def content_hash(text: str) -> str:
    """sha256 hex of the normalised text: equal for the same article however it arrived."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def read_sources(
    sources: Iterable[str], *, timeout: float = 20.0, max_bytes: int = 10_000_000, feed_deadline: float = 60.0,
    feed_progress: Callable[[str, int, int], None] | None = None,
) -> Iterator[Article | IngestFailure]:
    """Articles from paths (files or folders) and http(s) URLs (pages or RSS/Atom feeds), in order.

    ``timeout`` bounds each download, ``feed_deadline`` all of one feed's entry pages together;
    ``feed_progress(feed_url, fetched, total)`` hears how far a feed's pages are.
    """
    from .files import read_path
    from .web import is_url, read_url

    for source in sources:
        if is_url(source):
            progress = None if feed_progress is None else partial(feed_progress, source)
            yield from read_url(source, timeout=timeout, max_bytes=max_bytes, feed_deadline=feed_deadline,
                                feed_progress=progress)
        else:
            yield from read_path(Path(source), max_bytes=max_bytes)
