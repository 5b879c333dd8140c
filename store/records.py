"""The plain records the store returns, and row-to-record conversions."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsread.model import Quote, StoredArticle, StoredQuote, joined_name

# One row as sqlite3 returns it, column name to value. Rows (and the JSON snapshots of them
# the correction log holds) are untyped by nature: the SQL decides what each column holds.
Row = dict[str, Any]

# Every speaker of the quote ``q`` as a JSON list of [position, name] (sorted in Python:
# SQLite does not promise the order an aggregate sees its rows in).
SPEAKER_NAMES = """(SELECT json_group_array(json_array(qs.position, n.name))
   FROM quote_speakers qs JOIN speakers n ON n.id = qs.speaker_id WHERE qs.quote_id = q.id)"""

# ``speaker``/``speaker_kind`` are the first speaker's (quotes.speaker_id); quote_from_row joins the names.
QUOTE_SELECT = f"""
SELECT q.*, coalesce(s.name, '') AS speaker, coalesce(s.kind, 'PERSON') AS speaker_kind,
       {SPEAKER_NAMES} AS speaker_names
FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def speaker_names(row: Row) -> list[str]:
    """The speakers of a row selected with SPEAKER_NAMES, in order. A quote written without
    quote_speakers rows (by another tool) still has its quotes.speaker_id speaker."""
    names = [name for _, name in sorted(json.loads(row.get("speaker_names") or "[]"))]
    return names or ([row["speaker"]] if row.get("speaker") else [])


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


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


@dataclass(frozen=True)
class CorpusProgress:
    """How far the review of the whole database is: quotes reviewed, quotes, articles."""

    reviewed: int
    quotes: int
    articles: int


@dataclass
class SpeakerSummary:
    id: int
    name: str
    kind: str
    aliases: list[str]
    quotes: int
    # The article a description belongs to ("police" of that article); None for a name (m008).
    article_id: int | None = None
    article_title: str = ""

    @property
    def label(self) -> str:
        """The name, told apart from other articles' descriptions of the same name: "police (article 7)"."""
        return speaker_label(self.name, self.article_id)


def speaker_label(name: str, article_id: int | None) -> str:
    return name if article_id is None else f"{name} (article {article_id})"


@dataclass
class Correction:
    id: int
    quote_id: int | None
    article_id: int | None
    action: str
    user: str
    at: str
    before: Row | None
    after: Row | None
    reverts: int | None


@dataclass
class ReextractReport:
    added: int = 0
    replaced: int = 0
    kept_reviewed: int = 0
    # Model quotes not stored because they overlap a quote a person reviewed.
    overlapping: list[Quote] = field(default_factory=list)


@dataclass
class ExportRecords:
    """The records an export writes, ``(article, quotes)`` in id order, read once: counted as they
    go, so the command can say how many it wrote; ``database`` is the file they come from."""

    database: Path
    rows: Iterator[tuple[StoredArticle, list[StoredQuote]]]
    articles: int = 0
    quotes: int = 0

    def __iter__(self) -> Iterator[tuple[StoredArticle, list[StoredQuote]]]:
        for article, quotes in self.rows:
            self.articles += 1
            self.quotes += len(quotes)
            yield article, quotes


@dataclass
class KeptQuoteIds:
    """Which quote ids an import may keep: those no quote of this database has or ever had.

    Every id above ``free_above`` was never handed out when the import began. ``seen`` is the
    highest id as the import's last transaction left it: if another program has handed out ids
    since, ``free_above`` moves up to them (ids are never reused, not even one handed out and gone).
    """

    free_above: int
    seen: int


def quote_from_row(row: Row) -> StoredQuote:
    names = speaker_names(row)
    return StoredQuote(
        start=row["start"], end=row["end"], text=row["text"], kind=row["kind"],
        speaker=joined_name(names), speakers=names, speaker_kind=row["speaker_kind"], cue=row["cue"] or "",
        cue_start=row["cue_start"], mention_start=row["mention_start"], mention_end=row["mention_end"],
        confidence=row["confidence"], id=row["id"], article_id=row["article_id"],
        status=row["status"], human=bool(row["human"]), note=row["note"] or "", version=row["version"],
        sieve=row.get("sieve") or "", evidence=evidence_from_json(row.get("evidence")),
    )


def evidence_json(quote: Quote) -> str:
    """The quote's evidence chain as stored in quotes.evidence (m007)."""
    return json.dumps(quote.evidence, ensure_ascii=False)


def evidence_from_json(value: str | None) -> list[Row]:
    """quotes.evidence back as a list of steps; anything else another tool wrote reads as none."""
    try:
        steps = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return [step for step in steps if isinstance(step, dict)] if isinstance(steps, list) else []


def aliases_from_json(value: str | None) -> list[str]:
    """speakers.aliases back as a list of names; anything else another tool wrote reads as none."""
    try:
        aliases = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return [alias for alias in aliases if isinstance(alias, str)] if isinstance(aliases, list) else []


def article_from_row(row: Row) -> StoredArticle:
    return StoredArticle(
        text=row["text"], title=row["title"], source=row["source"], url=row["url"], date=row["date"],
        author=row["author"], path=row["path"], licence=row["licence"], id=row["id"], added_at=row["added_at"],
    )
