"""Shards into a store, for review: ``newsread import --format parquet DIR``.

Not one of newsread.formats' IMPORT_FORMATS: those read annotations, which the store keeps
as reviewed (human) quotes. Shards hold model output, so each article goes in as
``Store.add_article`` + ``Store.store_extraction`` with the extractor's name from the shard,
exactly as if the reader had extracted it: unreviewed, re-extractable, doubtful-first ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsread.ingest import content_hash
from newsread.store import Store

from .shards import done_shards, read_shard


@dataclass
class ImportSummary:
    articles: int = 0
    quotes: int = 0
    duplicates: int = 0  # already in the store with an extraction or annotations: left as they are
    shards: int = 0


def import_shards(store: Store, out: Path, progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Every done shard in ``out``, in order. An article already in the store keeps what it has,
    unless it never went through an extractor (added with --no-extract): then it gets the shard's quotes."""
    summary = ImportSummary()
    waiting = set(store.articles_needing_extraction())
    for articles_file in done_shards(out):
        summary.shards += 1
        for article, extraction, extractor in read_shard(articles_file):
            article_id, created = store.add_article(article, content_hash(article.text))
            if not created and article_id not in waiting:
                summary.duplicates += 1
                continue
            waiting.discard(article_id)
            report = store.store_extraction(article_id, store.with_learned(article_id, extraction), extractor)
            summary.articles += 1
            summary.quotes += report.added
            if progress:
                progress(summary.articles + summary.duplicates)
    return summary
