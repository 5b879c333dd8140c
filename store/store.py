"""The newsread database: articles, speakers, quotes and the correction log.

One ``Store`` wraps one sqlite3 connection, which belongs to the thread that
opened it. Every human change is one transaction holding both the change and
its row in the append-only ``corrections`` table, so a change the screen shows
as saved is on disk together with what undo needs. The methods live in five
parts: connection helpers (base.py), speakers (speakers.py), corrections
(corrections.py), what corrections teach (learned.py) and the reader's library
(library.py); this module has articles and model output.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsread.model import Article, Extraction, Quote, StoredArticle, StoredQuote, joined_name

from .base import StoreBase
from .connection import StoreError
from .corrections import CorrectionStore
from .learned import LearnedStore
from .library import LibraryStore
from .records import (
    QUOTE_SELECT,
    SPEAKER_NAMES,
    ArticleSummary,
    ExportRecords,
    KeptQuoteIds,
    ReextractReport,
    Row,
    article_from_row,
    evidence_json,
    now,
    quote_from_row,
    speaker_names,
)
from .speakers import SpeakerStore

EXPORT_BATCH = 500  # articles an export reads the ids of at a time
SEARCH_RANKED = 2_000  # a search with more matches than this lists the newest first, not the best
SEARCH_COMMON = 20_000  # ... and so does one with a phrase in more rows than this (see Store.search)


@dataclass
class SearchResults:
    """What ``Store.search`` found, and whether each list is ranked (best first) or newest first."""

    articles: list[Row]
    quotes: list[Row]
    articles_ranked: bool
    quotes_ranked: bool


def described_names(extraction: Extraction) -> set[str]:
    """The speaker names that are descriptions of the article ("police", "a spokesperson"), each an
    entity of this article only: those the extractor marks so, and those of a quote whose evidence
    ends in "description.unnamed" (extractions from elsewhere, such as shards or imports, carry no scope)."""
    described = {s.name for s in extraction.speakers if s.scope == "article"}
    for quote in extraction.quotes:
        if quote.evidence and quote.evidence[-1].get("sieve") == "description.unnamed":
            described.update(quote.speaker_names())
    return described


class Store(CorrectionStore, SpeakerStore, LearnedStore, LibraryStore, StoreBase):
    # ---- articles -------------------------------------------------------

    def find_article_by_hash(self, content_hash: str) -> int | None:
        rows = self._rows("SELECT id FROM articles WHERE content_hash = ?", [content_hash])
        return rows[0]["id"] if rows else None

    def add_article(self, article: Article, content_hash: str, *, wanted_id: int | None = None) -> tuple[int, bool]:
        """Store ``article``; return (id, created). Same content twice is stored once.

        ``wanted_id`` (an import's own id) is the new article's id when no article has it.
        The check and the insert are one write transaction: two programs adding the same
        text at once store it once, and the second hears it is a duplicate.
        """
        with self._transaction():
            existing = self.find_article_by_hash(content_hash)
            if existing is not None:
                return existing, False
            row: Row = {
                "title": article.title, "source": article.source, "url": article.url, "date": article.date,
                "author": article.author, "path": article.path, "licence": article.licence, "text": article.text,
                "content_hash": content_hash, "added_at": now(),
            }
            if wanted_id is not None and wanted_id > 0 and not self._rows("SELECT 1 FROM articles WHERE id = ?", [wanted_id]):
                row["id"] = wanted_id
            article_id = self._insert("articles", row)
        return article_id, True

    def article(self, article_id: int) -> StoredArticle:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise StoreError(f"no article with id {article_id}")
        return article_from_row(rows[0])

    def article_ids(self) -> list[int]:
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY id")]

    def article_summaries(self) -> list[ArticleSummary]:
        rows = self._rows(
            """SELECT a.id, a.title, a.source, a.date,
                      count(q.id) AS quotes, coalesce(sum(q.status != 'unreviewed'), 0) AS reviewed
               FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
               GROUP BY a.id ORDER BY a.id"""
        )
        return [ArticleSummary(**row) for row in rows]

    def articles_needing_extraction(self) -> list[int]:
        """Articles that never went through the extractor and hold no quotes from anywhere."""
        return [r["id"] for r in self._rows(
            """SELECT id FROM articles a WHERE extractor = ''
               AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id) ORDER BY id""")]

    def count_articles(self) -> int:
        count: int = self._rows("SELECT count(*) AS n FROM articles")[0]["n"]
        return count

    def first_article_id(self) -> int | None:
        first: int | None = self._rows("SELECT min(id) AS id FROM articles")[0]["id"]
        return first

    def last_corrected(self) -> tuple[int, int | None] | None:
        """(article id, quote id) of the latest correction that names an article, if any."""
        rows = self._rows("SELECT article_id, quote_id FROM corrections WHERE article_id IS NOT NULL ORDER BY id DESC LIMIT 1")
        return (rows[0]["article_id"], rows[0]["quote_id"]) if rows else None

    def data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's PRAGMA data_version)."""
        version: int = self._rows("PRAGMA data_version")[0]["data_version"]
        return version

    def article_fingerprint(self, article_id: int) -> tuple[tuple[Any, ...] | None, tuple[Any, ...], int]:
        """A cheap value that changes when anything the reader shows of the article does:
        the article row, its quotes (any field, via their versions) and the speakers."""
        article = self._rows("SELECT title, source, date, author, licence, url, length(text) AS n FROM articles WHERE id = ?",
                             [article_id])
        quotes = self._rows("SELECT count(*) AS n, total(id * 1000003 + version) AS versions, max(id) AS last "
                            "FROM quotes WHERE article_id = ?", [article_id])
        speakers = self._rows("SELECT count(*) AS n, group_concat(name || kind || aliases, '|') AS names FROM speakers")
        return (tuple(article[0].values()) if article else None, tuple(quotes[0].values()), hash(tuple(speakers[0].values())))

    def articles_quoting(self, name: str) -> set[int]:
        """Articles with a quote by a speaker (one of a joint statement too) whose name or an alias contains ``name``."""
        rows = self._rows(
            """SELECT DISTINCT q.article_id FROM quotes q JOIN quote_speakers qs ON qs.quote_id = q.id
               WHERE qs.speaker_id IN (SELECT value FROM json_each(?))""", [json.dumps(sorted(self.speakers_matching(name)))])
        return {r["article_id"] for r in rows}

    def speakers_matching(self, name: str) -> set[int]:
        """Speakers whose name or one of whose aliases contains ``name``, in any case ("trump" is
        Donald Trump): how the reader's @filter and the command line's --speaker find a speaker."""
        return self._speakers_matching(name)[0]

    def added_by_person(self, quote_id: int) -> bool:
        """True for a quote a person added (not one the model found and a person changed)."""
        rows = self._rows("SELECT human, extractor FROM quotes WHERE id = ?", [quote_id])
        return bool(rows) and bool(rows[0]["human"]) and not rows[0]["extractor"]

    def search(self, phrases: Sequence[str], limit: int = 40) -> SearchResults:
        """Articles (``limit // 2`` at most) and quotes (``limit``) holding every one of ``phrases``
        (FTS5 phrases, such as '"minister"' or a prefix '"mini"*'), each list best first by bm25 when
        that is cheap, else newest first; ``SearchResults`` says which.

        Ranking costs two things: bm25 scores every match, and it counts the rows that hold each
        phrase, which for "the" is nearly every row. A list is ranked only when the query has at
        most SEARCH_RANKED matches and no phrase is in more than SEARCH_COMMON rows, both counted
        in rowid order and only up to that bound; otherwise FTS5 walks its index from the highest
        rowid down and stops at the limit."""
        query = " ".join(phrases)
        if not query.strip():
            return SearchResults([], [], True, True)
        articles_ranked = self._search_ranked("articles_fts", phrases)
        quotes_ranked = self._search_ranked("quotes_fts", phrases)
        articles = self._rows(
            f"""SELECT a.id AS article_id, a.title, snippet(articles_fts, 1, '', '', '…', 12) AS snippet
               FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
               WHERE articles_fts MATCH ? ORDER BY {"rank" if articles_ranked else "articles_fts.rowid DESC"} LIMIT ?""",
            [query, limit // 2])
        quotes = self._rows(
            f"""SELECT q.article_id, q.id AS quote_id, a.title, q.text, coalesce(s.name, '') AS speaker,
                      {SPEAKER_NAMES} AS speaker_names
               FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid
               JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
               WHERE quotes_fts MATCH ? ORDER BY {"rank" if quotes_ranked else "quotes_fts.rowid DESC"} LIMIT ?""",
            [query, limit])
        for row in quotes:  # every speaker of a joint statement, by its joined name
            row["speaker"] = joined_name(speaker_names(row))
            del row["speaker_names"]
        return SearchResults(articles, quotes, articles_ranked, quotes_ranked)

    def _search_ranked(self, table: str, phrases: Sequence[str]) -> bool:
        """Whether bm25 can rank the matches of ``phrases`` in ``table`` cheaply (see ``search``)."""
        def more_than(query: str, bound: int) -> bool:
            rows = self._rows(f"SELECT count(*) AS n FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
                              [query, bound + 1])
            return bool(rows[0]["n"] > bound)

        if more_than(" ".join(phrases), SEARCH_RANKED):
            return False
        return len(phrases) == 1 or not any(more_than(phrase, SEARCH_COMMON) for phrase in phrases)

    def find_articles(self, reference: str) -> list[tuple[int, str]]:
        """(id, title) of each article a user's reference names, in id order.

        A number is an id and nothing else. Otherwise the first rule that matches
        anything wins: the path exactly as stored, the same file by absolute path,
        the same file name (for a bare file name only), then a case-insensitive
        fragment of the title. Which
        result is ambiguous is the caller's decision.
        """
        from pathlib import Path

        def like(text: str) -> str:  # titles and file names may hold LIKE's own % and _
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

        reference = reference.strip()
        if not reference:
            return []
        if reference.isdecimal():
            rows = self._rows("SELECT id, title FROM articles WHERE id = ?", [int(reference)])
            return [(r["id"], r["title"]) for r in rows]
        given = Path(reference).expanduser()
        rows = self._rows("SELECT id, title FROM articles WHERE path IN (?, ?) ORDER BY id", [reference, str(given)])
        if rows:
            return [(r["id"], r["title"]) for r in rows]
        if given.name:
            same_name = self._rows("SELECT id, title, path FROM articles WHERE path = ? OR path LIKE ? ESCAPE '\\' ORDER BY id",
                                   [given.name, "%/" + like(given.name)])
            # Paths are stored as given to `add`, often relative: resolve both against the current folder.
            absolute = given.resolve()
            same_file = [r for r in same_name if Path(r["path"]).expanduser().resolve() == absolute]
            if same_file:
                return [(r["id"], r["title"]) for r in same_file]
            # A bare file name may name any folder's file of that name; a path with a folder
            # names that folder's file only, never another's that shares its name.
            if same_name and given.name == reference:
                return [(r["id"], r["title"]) for r in same_name]
        rows = self._rows("SELECT id, title FROM articles WHERE title LIKE ? ESCAPE '\\' ORDER BY id",
                          [f"%{like(reference)}%"])
        return [(r["id"], r["title"]) for r in rows]

    # ---- quotes: reading ------------------------------------------------

    def quotes(self, article_id: int) -> list[StoredQuote]:
        rows = self._rows(QUOTE_SELECT + " WHERE q.article_id = ? ORDER BY q.start, q.id", [article_id])
        return [quote_from_row(r) for r in rows]

    def quote(self, quote_id: int) -> StoredQuote:
        rows = self._rows(QUOTE_SELECT + " WHERE q.id = ?", [quote_id])
        if not rows:
            raise StoreError(f"no quote with id {quote_id}")
        return quote_from_row(rows[0])

    def next_unreviewed(self, after: tuple[int, int] | None = None, *, backwards: bool = False) -> StoredQuote | None:
        """The next (or previous) unreviewed quote in corpus order after (article_id, start)."""
        article_id, start = after or ((-1, -1) if not backwards else (1 << 62, 1 << 62))
        # One seek in the index on (status, article_id, start) (m011), however far the next one is.
        where, order = ("(q.article_id, q.start) < (?, ?)", "DESC") if backwards else ("(q.article_id, q.start) > (?, ?)", "ASC")
        rows = self._rows(
            QUOTE_SELECT + f" WHERE q.status = 'unreviewed' AND {where} ORDER BY q.article_id {order}, q.start {order} LIMIT 1",
            [article_id, start],
        )
        return quote_from_row(rows[0]) if rows else None

    def export_records(self, *, reviewed_only: bool = False, speaker: str | None = None,
                       source: str | None = None, since: str | None = None,
                       until: str | None = None) -> ExportRecords:
        """Articles with their quotes, filtered for export. Rejected quotes are kept (status says so).

        ``source`` and ``speaker`` match as the reader's filter does: any part of the source, or of a
        speaker's name or alias, in any case; a joint statement counts for each of its speakers."""
        return ExportRecords(self.path, self._export_rows(reviewed_only, speaker, source, since, until))

    def _export_rows(self, reviewed_only: bool, speaker: str | None, source: str | None, since: str | None,
                     until: str | None) -> Iterator[tuple[StoredArticle, list[StoredQuote]]]:
        where, params = ["1"], []
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        names = None if not speaker else self._speaker_names(self.speakers_matching(speaker))
        # In id order, EXPORT_BATCH articles at a time: memory stays flat however many there are.
        last = -(1 << 63)
        while batch := self._rows(f"SELECT id, source FROM articles WHERE id > ? AND {' AND '.join(where)} ORDER BY id LIMIT ?",
                                  [last, *params, EXPORT_BATCH]):
            last = batch[-1]["id"]
            for row in batch:
                if source and source.strip().casefold() not in row["source"].casefold():
                    continue
                quotes = self.quotes(row["id"])
                if reviewed_only:
                    quotes = [q for q in quotes if q.status != "unreviewed"]
                if names is not None:
                    quotes = [q for q in quotes if names.intersection(q.speaker_names())]
                if quotes or not (reviewed_only or speaker):
                    yield self.article(row["id"]), quotes

    def _speaker_names(self, speaker_ids: set[int]) -> set[str]:
        # One JSON parameter, however many: "a" may match more speakers than SQLite takes parameters.
        rows = self._rows("SELECT name FROM speakers WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(speaker_ids))])
        return {r["name"] for r in rows}

    # ---- quotes: model output --------------------------------------------

    def store_extraction(self, article_id: int, extraction: Extraction, extractor: str) -> ReextractReport:
        """Replace the article's unreviewed model quotes with ``extraction``.

        Quotes a person reviewed, added or changed are never touched; a new model
        quote overlapping one of them is left out and listed in the report.
        """
        report = ReextractReport()
        with self._transaction():
            kept = [q for q in self.quotes(article_id) if q.status != "unreviewed" or q.human]
            report.kept_reviewed = len(kept)
            report.replaced = self.conn.execute(
                "DELETE FROM quotes WHERE article_id = ? AND status = 'unreviewed' AND human = 0", [article_id]
            ).rowcount
            self.conn.execute("DELETE FROM article_speakers WHERE article_id = ?", [article_id])
            described = described_names(extraction)
            for position, speaker in enumerate(extraction.speakers):
                speaker_id = self._speaker_in_article(article_id, speaker.name, speaker.kind, speaker.aliases,
                                                      described=speaker.name in described)
                if speaker_id is not None:
                    self.conn.execute(
                        "INSERT OR IGNORE INTO article_speakers (article_id, speaker_id, position) VALUES (?, ?, ?)",
                        [article_id, speaker_id, position],
                    )
            stamp = now()
            for quote in extraction.quotes:
                if any(quote.span.overlaps(k.span) for k in kept):
                    report.overlapping.append(quote)
                    continue
                self._insert_quote(article_id, quote, described, status="unreviewed", human=0, extractor=extractor,
                                   updated_at=stamp)
                report.added += 1
            self._update("articles", article_id, {"extractor": extractor, "extracted_at": stamp})
        return report

    def quote_ids_to_keep(self) -> KeptQuoteIds:
        """For an import that keeps its quotes' ids: every id above the highest one handed out so far."""
        highest = self._highest_quote_id()
        return KeptQuoteIds(free_above=highest, seen=highest)

    def _highest_quote_id(self) -> int:
        # AUTOINCREMENT's counter remembers ids handed out and deleted since; max(id) covers a file
        # another tool wrote without it.
        rows = self._rows("""SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'quotes'), 0),
                                    coalesce((SELECT max(id) FROM quotes), 0)) AS n""")
        highest: int = rows[0]["n"]
        return highest

    def import_quotes(self, article_id: int, quotes: Iterable[Quote], *, keep_ids: KeptQuoteIds | None = None) -> int:
        """Store annotations made elsewhere. They are human work: status and origin are kept
        when the quote carries them (a StoredQuote), else it counts as accepted. With ``keep_ids``,
        a StoredQuote keeps its id when no quote of this database has or ever had it."""
        count = 0
        with self._transaction():
            if keep_ids is not None and self._highest_quote_id() != keep_ids.seen:  # another program's ids
                keep_ids.free_above = keep_ids.seen = self._highest_quote_id()
            for quote in quotes:
                stored = quote if isinstance(quote, StoredQuote) else None
                fields: dict[str, str | int] = {
                    "status": stored.status if stored else "accepted", "human": int(stored.human if stored else True),
                    "note": stored.note if stored else "", "extractor": "import", "updated_at": now(),
                }
                if stored and keep_ids is not None and self._free_quote_id(stored.id, keep_ids):
                    fields["id"] = stored.id
                self._insert_quote(article_id, quote, described_names(Extraction([quote], [])), **fields)
                count += 1
            if keep_ids is not None:
                keep_ids.seen = self._highest_quote_id()
            # Marked as done: the reader must not run the extractor over imported annotations.
            self._update("articles", article_id, {"extractor": "import", "extracted_at": now()})
        return count

    def _free_quote_id(self, quote_id: int, keep_ids: KeptQuoteIds) -> bool:
        return quote_id > keep_ids.free_above and not self._rows("SELECT 1 FROM quotes WHERE id = ?", [quote_id])

    def _insert_quote(self, article_id: int, quote: Quote, described: Collection[str] = (), **fields: str | int) -> int:
        """Insert ``quote`` with ``fields`` (status, origin, ...) and every one of its speakers; its id.
        Speakers named in ``described`` are descriptions of this article (see ``described_names``)."""
        speaker_ids = self._quote_speaker_ids(quote, article_id, described)
        row = {
            "article_id": article_id, "start": quote.start, "end": quote.end, "text": quote.text,
            "kind": quote.kind, "speaker_id": speaker_ids[0] if speaker_ids else None,
            "cue": quote.cue, "cue_start": quote.cue_start, "mention_start": quote.mention_start,
            "mention_end": quote.mention_end, "confidence": quote.confidence,
            "sieve": quote.sieve, "evidence": evidence_json(quote), **fields,
        }
        quote_id = self._insert("quotes", row)
        self.conn.executemany("INSERT INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, ?)",
                              [(quote_id, speaker_id, position) for position, speaker_id in enumerate(speaker_ids)])
        return quote_id
