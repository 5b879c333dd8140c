"""Native per-quote JSONL: one line per quote with its article's id and metadata (no article text)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from .records import Record, attribution_fields, quote_fields

WRITES = "stream"
DESCRIPTION = "one JSON object per quote, with article id and metadata"


def quote_rows(records: Iterable[Record]) -> Iterable[dict]:
    """Flat rows, shared with the CSV format so both carry the same columns."""
    for article, quotes in records:
        for quote in quotes:
            yield {
                "quote_id": getattr(quote, "id", 0),
                "article_id": getattr(article, "id", 0),
                **quote_fields(quote),
                **attribution_fields(quote),
                "article_title": article.title,
                "article_source": article.source,
                "article_url": article.url,
                "article_date": article.date,
            }


def write(records: Iterable[Record], stream: TextIO) -> int:
    count = 0
    for row in quote_rows(records):
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
