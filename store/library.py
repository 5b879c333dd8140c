"""The reader's library: which articles it lists, in which order, and the rows on screen.

A library of 100,000 articles is never read into memory. ``list_library`` has SQLite write the
ids of the articles the filter and the sort choose, in order, into a temporary table of this
connection (no article row comes to Python, and a temporary table is the connection's own: the
database file is only read); the list then asks for the rows it shows by their position, and
for the position of an article, through the ``LibraryView`` it returns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import overload

from .base import StoreBase
from .connection import StoreError, explain
from .records import ArticleSummary, CorpusProgress

# Each sort of the library: the index (m011) the listing reads, in the sort's own order and holding the
# title and the source too (the table's rows hold the articles' text), and the ORDER BY over
# ``articles a``, which ends with the id so that the order is total.
LIBRARY_SORTS = {
    "added": ("articles_library", "a.id"),
    # Counted per article as listed: a quarter of a second for 100,000 articles of 10 quotes.
    "unreviewed first": ("articles_library",
                         "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.status = 'unreviewed') DESC, a.id"),
    "source": ("articles_library_by_source", "a.source COLLATE NOCASE, a.id"),
    "newest": ("articles_library_by_date", "a.date DESC, a.id DESC"),
}
# Trigrams (articles_library_fts, m011) find a filter of three characters or more.
TRIGRAM = 3
PAGE = 1000  # ids read at a time when a view is walked through


class LibraryView(Sequence[int]):
    """The ids of the articles the library lists, in its order, read from the database when asked.

    Valid until the next ``list_library`` of the same store, which lists into the same table.
    """

    def __init__(self, store: LibraryStore, count: int) -> None:
        self._store = store
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            return self._ids(start, max(stop - start, 0))
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError(f"position {index} of a library of {self._count}")
        return self._ids(position, 1)[0]

    def __iter__(self) -> Iterator[int]:
        for start in range(0, self._count, PAGE):
            yield from self._ids(start, PAGE)

    def __contains__(self, article_id: object) -> bool:
        return self._position(article_id) is not None

    def index(self, article_id: object, start: int = 0, stop: int | None = None) -> int:
        """The position of ``article_id`` in the list (from 0); ValueError if it is not listed there."""
        position = self._position(article_id)
        if position is None or position < start or (stop is not None and position >= stop):
            raise ValueError(f"article {article_id} is not listed")
        return position

    def rows(self, start: int, count: int) -> list[ArticleSummary]:
        """The summaries of the ``count`` articles listed from position ``start`` (from 0), in order.
        An article removed since it was listed keeps its place, with no title and no quotes."""
        rows = self._store._rows(
            """SELECT v.article_id AS id, coalesce(a.title, '') AS title, coalesce(a.source, '') AS source,
                      coalesce(a.date, '') AS date,
                      (SELECT count(*) FROM quotes q WHERE q.article_id = v.article_id) AS quotes,
                      (SELECT count(*) FROM quotes q WHERE q.article_id = v.article_id AND q.status != 'unreviewed') AS reviewed
               FROM temp.library_view v LEFT JOIN articles a ON a.id = v.article_id
               WHERE v.position > ? AND v.position <= ? ORDER BY v.position""", [start, start + count])
        return [ArticleSummary(**row) for row in rows]

    def _ids(self, start: int, count: int) -> list[int]:
        rows = self._store._rows("SELECT article_id FROM temp.library_view WHERE position > ? AND position <= ? ORDER BY position",
                                 [start, start + count])
        return [row["article_id"] for row in rows]

    def _position(self, article_id: object) -> int | None:
        if not isinstance(article_id, int):
            return None
        rows = self._store._rows("SELECT position FROM temp.library_view WHERE article_id = ?", [article_id])
        return int(rows[0]["position"]) - 1 if rows else None


class LibraryStore(StoreBase):
    """Library methods of ``Store``: reads only, one temporary table of the connection's own."""

    def list_library(self, query: str = "", sort: str = "added") -> LibraryView:
        """List the articles ``query`` chooses (see ``library_filter``) in ``sort`` order (one of LIBRARY_SORTS)."""
        where, params = self.library_filter(query)
        conn = self.conn
        try:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS library_view "
                         "(position INTEGER PRIMARY KEY, article_id INTEGER NOT NULL)")
            conn.execute("SAVEPOINT library")  # the old list stays whole if the new one cannot be made
            try:
                conn.execute("DELETE FROM temp.library_view")
                # Positions 1, 2, ... in the order of the SELECT (the table was just emptied).
                index, order = LIBRARY_SORTS[sort]
                count = conn.execute(
                    f"""INSERT INTO temp.library_view (article_id)
                        SELECT a.id FROM articles a INDEXED BY {index} WHERE {where} ORDER BY {order}""", params).rowcount
            except BaseException:
                conn.execute("ROLLBACK TO library")
                raise
            finally:
                conn.execute("RELEASE library")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None
        return LibraryView(self, count)

    def library_filter(self, query: str) -> tuple[str, list[object]]:
        """The condition on ``articles a`` of the library filter ``query``: "@name" for the articles with a
        quote by a speaker whose name or alias holds "name" (``speakers_matching``), else any part of the
        title or the source, in any case; nothing chooses every article."""
        query = query.strip()
        if query.startswith("@"):
            speakers = json.dumps(sorted(self.speakers_matching(query[1:])))
            return ("""a.id IN (SELECT q.article_id FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id
                                WHERE qs.speaker_id IN (SELECT value FROM json_each(?)))""", [speakers])
        if len(query) >= TRIGRAM:  # one phrase of trigrams: the query as written, anywhere in a title or a source
            phrase = '"' + query.replace('"', '""') + '"'
            return "a.id IN (SELECT rowid FROM articles_library_fts WHERE articles_library_fts MATCH ?)", [phrase]
        if query:  # too short for trigrams: every title and source is read (from the sort's index)
            pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            return "(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')", [pattern, pattern]
        return "1", []

    def corpus_progress(self) -> CorpusProgress:
        """Quotes reviewed, quotes and articles in the whole database. SQLite counts a table's rows
        without reading them; the reviewed quotes are the two ranges of the status index on either
        side of 'unreviewed' (status is never NULL), so the cost grows with the reviewed ones only."""
        quotes: int = self._rows("SELECT count(*) AS n FROM quotes")[0]["n"]
        reviewed: int = self._rows("SELECT count(*) AS n FROM quotes WHERE status < 'unreviewed' OR status > 'unreviewed'")[0]["n"]
        articles: int = self._rows("SELECT count(*) AS n FROM articles")[0]["n"]
        return CorpusProgress(reviewed, quotes, articles)

    def articles_state(self) -> tuple[int, int]:
        """(how many articles, the highest id): changes when an article is added or removed, which
        newsread never does otherwise (a title, source or date is never changed once stored)."""
        row = self._rows("SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM articles")[0]
        return row["n"], row["last"]
