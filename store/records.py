"""The plain records the store returns, and row-to-record conversions."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

from newsread.model import Quote, StoredArticle, StoredQuote

QUOTE_SELECT = """
SELECT q.*, coalesce(s.name, '') AS speaker, coalesce(s.kind, 'PERSON') AS speaker_kind
FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def default_user() -> str:
    name = os.environ.get("NEWSREAD_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class ArticleSummary:
    id: int
    title: str
    source: str
    date: str
    quotes: int
    reviewed: int


@dataclass
class SpeakerSummary:
    id: int
    name: str
    kind: str
    aliases: list[str]
    quotes: int


@dataclass
class Correction:
    id: int
    quote_id: int | None
    article_id: int | None
    action: str
    user: str
    at: str
    before: dict | None
    after: dict | None
    reverts: int | None


@dataclass
class ReextractReport:
    added: int = 0
    replaced: int = 0
    kept_reviewed: int = 0
    # Model quotes not stored because they overlap a quote a person reviewed.
    overlapping: list[Quote] = field(default_factory=list)


def quote_from_row(row: dict) -> StoredQuote:
    return StoredQuote(
        start=row["start"], end=row["end"], text=row["text"], kind=row["kind"],
        speaker=row["speaker"], speaker_kind=row["speaker_kind"], cue=row["cue"] or "",
        cue_start=row["cue_start"], mention_start=row["mention_start"], mention_end=row["mention_end"],
        confidence=row["confidence"], id=row["id"], article_id=row["article_id"],
        status=row["status"], human=bool(row["human"]), note=row["note"] or "", version=row["version"],
    )


def article_from_row(row: dict) -> StoredArticle:
    return StoredArticle(
        text=row["text"], title=row["title"], source=row["source"], url=row["url"], date=row["date"],
        author=row["author"], path=row["path"], licence=row["licence"], id=row["id"], added_at=row["added_at"],
    )
