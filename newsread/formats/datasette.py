"""Datasette metadata: ``datasette newsread.db --metadata meta.json`` searches and facets the quotes.

Datasette (0.65) reads per-table settings from a metadata file, keyed by the database's name,
which is the file's name without its extension; so this writes for the database the export
reads. The ``quote_review`` view (store/schema.py) gets full-text search through
``quotes_fts``, whose rowid is the view's ``quote_id``, and facets by speaker (each speaker of a
joint statement), status and article date. The tables other rows point at get the column
Datasette shows in place of their ids: an article's title, a speaker's name, a quote's text.

``corrections.quote_id`` is no foreign key (the log names quotes deleted since; store/schema.py,
m010), so Datasette cannot link it: the canned query ``quote_history`` lists one quote's log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from .records import Record

WRITES = "stream"
DESCRIPTION = "Datasette metadata (JSON, also valid YAML): full-text search and facets on the quote_review view"

REVIEW_COLUMNS = {
    "quote_id": "the quote's id (quotes.id)",
    "article_id": "the article's id (articles.id)",
    "article": "the article's title",
    "source": "where the article comes from",
    "url": "the article's address on the web, if it has one",
    "date": "the article's date, YYYY-MM-DD",
    "start": "where the quote starts in the article's text (a character offset)",
    "end": "where the quote ends in the article's text (exclusive)",
    "kind": "direct, indirect or mixed",
    "quote": "the quoted words",
    "speaker_id": "the first speaker's id (speakers.id)",
    "speaker": "the first speaker's name",
    "speakers": "every speaker's name, as a JSON list (a joint statement has several)",
    "speaker_kind": "PERSON, ORG or OTHER, of the first speaker",
    "cue": "the speech verb or phrase",
    "status": "unreviewed (model output), accepted, corrected or rejected",
    "human": "1 when a person added or changed the quote",
    "confidence": "the extractor's confidence, 1.0 for a person's quote",
    "note": "the reviewer's note",
}


def write(records: Iterable[Record], stream: TextIO) -> int:
    """The metadata for the database ``records`` come from; no quote is written, so 0."""
    database = Path(getattr(records, "database", "newsread.db")).stem
    stream.write(json.dumps(metadata(database), ensure_ascii=False, indent=2) + "\n")
    return 0


def metadata(database: str) -> dict:
    """Datasette's metadata for the newsread database named ``database``."""
    return {
        "title": "newsread",
        "description": "Quotes found in news articles, who said them, and the review of each.",
        "databases": {database: {
            "tables": {
                "quote_review": quote_review(),
                "quotes": {"label_column": "text", "facets": ["status", "kind"]},
                "articles": {"label_column": "title"},
                "speakers": {"label_column": "name"},
                "_sqlite_migrations": {"hidden": True},
            },
            "queries": {"quote_history": quote_history()},
        }},
    }


def quote_review() -> dict:
    return {
        "title": "Quotes",
        "description": "One row per quote: search the quoted words, facet by speaker, status or date.",
        # A view has no FTS table of its own: quotes_fts indexes quotes.text, its rowid the quote id.
        "fts_table": "quotes_fts",
        "fts_pk": "quote_id",
        # An array facet, so a joint statement counts for each of its speakers.
        "facets": [{"array": "speakers"}, "status", {"date": "date"}],
        "columns": REVIEW_COLUMNS,
    }


def quote_history() -> dict:
    return {
        "title": "History of a quote",
        "description": "Every logged change of one quote, also of one deleted since (before and after as JSON).",
        "sql": "SELECT id, at, user, action, article_id, quote_id, reverts, before, after "
               "FROM corrections WHERE quote_id = :quote_id ORDER BY id",
    }
