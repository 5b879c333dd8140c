"""The reader's library: which articles it lists, in which order, and the rows on screen.

A library of 100,000 articles is never read into memory. ``list_library`` has SQLite write the
ids of the articles the filter and the sort choose, in order, into a temporary table of this
connection (no article row comes to Python, and a temporary table is the connection's own: the
database file is only read); the list then asks for the rows it shows by their position, and
for the position of an article, through the ``LibraryView`` it returns.

Most listings are looked at on their first screens only (a filter typed, a sort changed), so a
listing writes the first ``FIRST`` ids and counts the rest, the cheapest way its filter allows;
the whole list is written when a position past those, or an article not among them, is asked for.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, overload

from .base import StoreBase
from .connection import StoreError, explain
from .records import ArticleSummary, CorpusProgress, aliases_from_json
from .versions import LOWEST_SPEAKERS


@dataclass(frozen=True)
class LibrarySort:
    """How the library is listed in one order: the narrow index it walks (``walk``, as ``a``, with
    the article's id as ``id``, its title and source as a.title and a.source), what a set of chosen
    ids is joined to (``join``, on ``m.id``) when the set is read instead, and the ORDER BY of both;
    the order ends with the id, so it is total."""

    walk: str
    id: str
    join: str | None  # None: the chosen ids are looked up in the walk's own index, in its order
    order: str


# One sort each: the index (m011, m013) it reads in its own order; an article's row holds its text,
# so the listing never reads the articles table itself.
LIBRARY_SORTS = {
    "added": LibrarySort("articles a INDEXED BY articles_library", "a.id", None, "a.id"),
    # Each article's unreviewed quotes, counted by triggers as they are written (article_progress, m013).
    "unreviewed first": LibrarySort("article_progress a INDEXED BY article_progress_unreviewed", "a.article_id",
                                    "article_progress a ON a.article_id = m.id", "a.unreviewed DESC, a.article_id"),
    "source": LibrarySort("articles a INDEXED BY articles_library_by_source", "a.id",
                          "articles a INDEXED BY articles_library ON a.id = m.id", "a.source COLLATE NOCASE, a.id"),
    "newest": LibrarySort("articles a INDEXED BY articles_library_by_date", "a.id",
                          "articles a INDEXED BY articles_library ON a.id = m.id", "a.date DESC, a.id DESC"),
}


@dataclass(frozen=True)
class LibraryFilter:
    """What a library filter chooses, in the form that lists it with the least reading.

    ``kind`` "all": every article. "where": ``sql`` is a condition on ``a`` (the title and the
    source the sort's index holds, and ``{id}``, the article's id), checked along the walk. "ids":
    ``sql`` selects the chosen ids (distinct, as ``id``), which are read and ordered by the sort
    instead of its whole index being walked. "not": ``sql`` selects the ids left out, every other
    article being chosen."""

    kind: Literal["all", "where", "ids", "not"]
    sql: str = ""
    params: tuple[object, ...] = ()


def listing_sql(chosen: LibraryFilter, sort: LibrarySort) -> str:
    """The SELECT of the chosen articles' ids in the sort's order."""
    if chosen.kind == "not" and sort.order == sort.id:
        # The walk and the ids left out are both in id order: SQLite merges the two (a compound
        # EXCEPT, MERGE in its plan) instead of probing the left-out table once per article.
        return f"SELECT {sort.id} FROM {sort.walk} EXCEPT {chosen.sql} ORDER BY 1"
    if chosen.kind == "ids" and sort.join is not None:
        return f"SELECT {sort.id} FROM ({chosen.sql}) m CROSS JOIN {sort.join} ORDER BY {sort.order}"
    return f"SELECT {sort.id} FROM {sort.walk} WHERE {chosen_where(chosen, sort.id)} ORDER BY {sort.order}"


def chosen_where(chosen: LibraryFilter, article_id: str) -> str:
    """The filter's condition on the article whose id is ``article_id``."""
    return {"all": "1", "where": chosen.sql.replace("{id}", article_id), "ids": f"{article_id} IN ({chosen.sql})",
            "not": f"{article_id} NOT IN ({chosen.sql})"}[chosen.kind]


def membership_sql(chosen: LibraryFilter) -> str:
    """A SELECT of one row if the filter chooses the article whose id is its first parameter (the
    filter's own parameters follow), in any sort, found by its id."""
    by_id = LIBRARY_SORTS["added"]
    return f"SELECT 1 FROM {by_id.walk} WHERE {by_id.id} = ? AND {chosen_where(chosen, by_id.id)}"


# Trigrams (articles_library_fts, m011) find a filter of three characters or more.
TRIGRAM = 3
# A speaker filter reads the matched speakers' pairs of speaker_articles when they are at most this
# share (1/DIRECT_SHARE) of all pairs, else it finds the articles it leaves out (the cheaper way past
# about a sixth, on bench/make_large_db.py's 100,000 articles).
DIRECT_SHARE = 5
# A filter matching more articles than this is looked for with LIKE along the sort's index: past a
# tenth or so of 100,000 articles, reading and ordering the matches costs more than the walk.
MANY_MATCHES = 10_000
PAGE = 1000  # ids read at a time when a view is walked through
FIRST = 256  # ids a listing writes at once: its first screens (the reader reads 32 rows a page)


class LibraryView(Sequence[int]):
    """The ids of the articles the library lists, in its order, read from the database when asked.

    Valid until the next ``list_library`` of the same store, which lists into the same table. Its
    first ``FIRST`` ids are written when it is listed, the others when one of them is asked for:
    the whole list is then written again in one statement, so it is one snapshot of the database,
    and its length is the count of that snapshot (another program's commit in between may change it).
    """

    def __init__(self, store: LibraryStore, listing: Listing, count: int, written: int) -> None:
        self._store = store
        self._listing = listing
        self._count = count
        self._written = written  # ids 1..written of temp.library_view are this list's

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
        ids = self._ids(position, 1)
        if not ids:  # the whole list, written since, is shorter
            raise IndexError(f"position {index} of a library of {self._count}")
        return ids[0]

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
        self._reach(start + count)
        rows = self._store._rows(
            """SELECT v.article_id AS id, coalesce(a.title, '') AS title, coalesce(a.source, '') AS source,
                      coalesce(a.date, '') AS date,
                      (SELECT count(*) FROM quotes q WHERE q.article_id = v.article_id) AS quotes,
                      (SELECT count(*) FROM quotes q WHERE q.article_id = v.article_id AND q.status != 'unreviewed') AS reviewed
               FROM temp.library_view v LEFT JOIN articles a ON a.id = v.article_id
               WHERE v.position > ? AND v.position <= ? ORDER BY v.position""", [start, min(start + count, self._count)])
        return [ArticleSummary(**row) for row in rows]

    def _ids(self, start: int, count: int) -> list[int]:
        self._reach(start + count)
        rows = self._store._rows("SELECT article_id FROM temp.library_view WHERE position > ? AND position <= ? ORDER BY position",
                                 [start, min(start + count, self._count)])
        return [row["article_id"] for row in rows]

    def _position(self, article_id: object) -> int | None:
        if not isinstance(article_id, int):
            return None
        self._reach(0)
        rows = self._store._rows("SELECT position FROM temp.library_view WHERE article_id = ?", [article_id])
        if not rows and self._written < self._count and self._store._rows(self._listing.member, [article_id, *self._listing.params]):
            self._reach(self._count)  # listed, past the ids written
            rows = self._store._rows("SELECT position FROM temp.library_view WHERE article_id = ?", [article_id])
        return int(rows[0]["position"]) - 1 if rows else None

    def _reach(self, stop: int) -> None:
        """Have the ids up to position ``stop`` written: the whole list, if they are not yet."""
        if self._listing.generation != self._store._listings:
            raise StoreError(f"{self._store.path}: the library was listed again since this list was made")
        if min(stop, self._count) > self._written:
            self._count = self._written = self._store._write_listing(self._listing)


@dataclass(frozen=True)
class Listing:
    """One listing's SELECT of ids in order, the SELECT that says whether it holds an article
    (``membership_sql``), their parameters, and which ``list_library`` made it."""

    sql: str
    member: str
    params: tuple[object, ...]
    generation: int


class LibraryStore(StoreBase):
    """Library methods of ``Store``: reads only, and writes temporary tables of the connection's own
    (the list, and the speakers and articles a speaker filter names)."""

    _listings = 0  # list_library calls of this store: a view of an earlier one cannot be written any more

    def list_library(self, query: str = "", sort: str = "added") -> LibraryView:
        """List the articles ``query`` chooses (see ``library_filter``) in ``sort`` order (one of LIBRARY_SORTS)."""
        by = LIBRARY_SORTS[sort]
        self._listings += 1
        # One read of the database (a savepoint is a transaction): the filter, the first ids and the count agree.
        with self._listing_written() as conn:
            chosen = self.library_filter(query)
            listing = Listing(listing_sql(chosen, by), membership_sql(chosen), chosen.params, self._listings)
            written = conn.execute(f"INSERT INTO temp.library_view (article_id) {listing.sql} LIMIT {FIRST}",
                                   listing.params).rowcount
            count = written if written < FIRST else self._listing_count(chosen, by, listing)
        return LibraryView(self, listing, count, written)

    def _listing_count(self, chosen: LibraryFilter, by: LibrarySort, listing: Listing) -> int:
        """How many articles ``listing`` holds, without writing them: the articles less the ones left
        out when the filter found those, the ids it chose (distinct, each an article's), else its SELECT
        counted."""
        table = by.walk.split()[0]
        if chosen.kind == "all":
            return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        if chosen.kind == "ids":  # not joined to the sort's table, nor ordered
            return int(self.conn.execute(f"SELECT count(*) FROM ({chosen.sql})", chosen.params).fetchone()[0])
        if chosen.kind == "not":  # the left-out ids are article_progress's, one row per article
            return int(self.conn.execute(f"SELECT (SELECT count(*) FROM {table}) - (SELECT count(*) FROM ({chosen.sql}))",
                                         chosen.params).fetchone()[0])
        return int(self.conn.execute(f"SELECT count(*) FROM ({listing.sql})", listing.params).fetchone()[0])

    def _write_listing(self, listing: Listing) -> int:
        """Write the whole of ``listing`` (a view's, when it is read past its first ids); how many it holds."""
        with self._listing_written() as conn:
            return int(conn.execute(f"INSERT INTO temp.library_view (article_id) {listing.sql}", listing.params).rowcount)

    @contextmanager
    def _listing_written(self) -> Iterator[sqlite3.Connection]:
        """temp.library_view emptied, to be written in one savepoint; the old list stays whole if the new
        one cannot be made, and any database error is a StoreError."""
        conn = self.conn
        try:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS library_view "
                         "(position INTEGER PRIMARY KEY, article_id INTEGER NOT NULL)")
            conn.execute("SAVEPOINT library")
            try:
                conn.execute("DELETE FROM temp.library_view")  # positions 1, 2, ... in the order of the SELECT
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO library")
                raise
            finally:
                conn.execute("RELEASE library")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None

    def library_filter(self, query: str) -> LibraryFilter:
        """What the library filter ``query`` chooses: "@name" the articles with a quote by a speaker whose
        name or alias holds "name" (``speakers_matching``), else those with ``query`` in any part of the
        title or the source, in any case; nothing chooses every article."""
        query = query.strip()
        if query.startswith("@"):
            return self._speaker_filter(query[1:])
        if not query:
            return LibraryFilter("all")
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        like = "(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')"
        if len(query) < TRIGRAM:  # too short for trigrams: every title and source is read (from the sort's index)
            return LibraryFilter("where", like, (pattern, pattern))
        # One phrase of trigrams: the query as written, anywhere in a title or a source, in any case.
        phrase = '"' + query.replace('"', '""') + '"'
        trigrams = "SELECT rowid AS id FROM articles_library_fts WHERE articles_library_fts MATCH ?"
        matches = self._rows(f"SELECT count(*) AS n FROM ({trigrams} LIMIT ?)", [phrase, MANY_MATCHES + 1])[0]["n"]
        if matches <= MANY_MATCHES or not query.isascii() or not self._like_folds_ascii_only:
            # Few: the matches are read and ordered, rather than the sort's whole index walked.
            return LibraryFilter("ids", trigrams, (phrase,))
        # Many, and the query is ASCII: LIKE along the sort's index chooses the same articles at a fraction of
        # the cost, but for a title or source holding a character the trigram index folds to an ASCII letter
        # (m013's ``folded`` articles, seldom any), which the index is asked about.
        folded = [row["article_id"] for row in self._rows("SELECT article_id FROM article_progress WHERE folded")]
        if not folded:
            return LibraryFilter("where", like, (pattern, pattern))
        return LibraryFilter("where", f"({like} OR ({{id}} IN (SELECT value FROM json_each(?)) AND {{id}} IN ({trigrams})))",
                             (pattern, pattern, json.dumps(folded), phrase))

    @cached_property
    def _like_folds_ascii_only(self) -> bool:
        """Whether this SQLite's LIKE ignores the case of ASCII letters only (not one built with ICU)."""
        folds: int = self._rows("SELECT 'Ä' LIKE 'ä' AS folds")[0]["folds"]
        return folds == 0

    def _speaker_filter(self, name: str) -> LibraryFilter:
        """The articles quoting a speaker ``speakers_matching`` finds, from m013's tables: the matched
        speakers' ranges of speaker_articles when they are few pairs; else (a letter most names hold)
        every article but those quoting nobody or only the other speakers, found by their three
        lowest speakers (article_progress_speakers) and, past three, by all of them. (A speaker id
        of quote_speakers that names no speaker row, which foreign keys forbid, would count as
        matched on that second way.)"""
        matching, everyone = self._speakers_matching(name)
        self._choose_speakers(matching)
        pairs = self._rows("""SELECT coalesce(sum(articles), 0) AS total,
                                     coalesce(sum(articles) FILTER (WHERE speaker_id IN temp.library_speakers), 0) AS matched
                              FROM speaker_article_counts""")[0]
        if pairs["matched"] * DIRECT_SHARE <= pairs["total"]:
            return LibraryFilter("ids", "SELECT DISTINCT article_id AS id FROM speaker_articles WHERE speaker_id IN temp.library_speakers")
        self._choose_speakers(everyone - matching)
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS library_left (article_id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.library_left")
        others = "temp.library_speakers"
        lowest = " AND ".join(f"(p.speaker_{n} IS NULL OR p.speaker_{n} IN {others})" for n in range(2, LOWEST_SPEAKERS + 1))
        # Written in id order: appending to the table's b-tree costs about half what inserting the
        # ids where the speaker index yields them does, sorting them included.
        left = conn.execute(f"""INSERT OR IGNORE INTO temp.library_left (article_id) SELECT article_id FROM (
            SELECT article_id FROM article_progress INDEXED BY article_progress_speakers WHERE speaker_1 IS NULL
            UNION ALL
            SELECT p.article_id FROM article_progress p INDEXED BY article_progress_speakers
            WHERE p.speaker_1 IN {others} AND {lowest}
              AND (p.speakers <= {LOWEST_SPEAKERS} OR NOT EXISTS (
                  SELECT 1 FROM speaker_articles s INDEXED BY speaker_articles_by_article
                  WHERE s.article_id = p.article_id AND s.speaker_id > p.speaker_{LOWEST_SPEAKERS}
                    AND s.speaker_id NOT IN {others}))) ORDER BY 1""").rowcount
        return LibraryFilter("not", "SELECT article_id FROM temp.library_left") if left else LibraryFilter("all")

    def _choose_speakers(self, speaker_ids: set[int]) -> None:
        """Make ``speaker_ids`` the rows of temp.library_speakers, which the speaker filter's queries name."""
        conn = self.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS library_speakers (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.library_speakers")
        conn.execute("INSERT INTO temp.library_speakers (id) SELECT value FROM json_each(?)", [json.dumps(sorted(speaker_ids))])

    def _speakers_matching(self, name: str) -> tuple[set[int], set[int]]:
        """(the speakers whose name or one of whose aliases contains ``name``, in any case; every speaker)."""
        wanted = name.strip().casefold()
        matching, everyone = set(), set()
        for row in self._rows("SELECT id, name, aliases FROM speakers"):
            everyone.add(row["id"])
            if any(wanted in form.casefold() for form in [row["name"], *aliases_from_json(row["aliases"])]):
                matching.add(row["id"])
        return matching, everyone

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
