"""The connection side of the store: transactions, small SQL helpers, backup."""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Self

from .connection import BUSY_TIMEOUT_MS, StoreError, explain, open_database
from .records import Row, default_user

if TYPE_CHECKING:
    from sqlite_utils import Database

    from newsread.model import Quote, StoredArticle, StoredQuote

# Every Store open in this process, so that code about to fork can check none is.
_open_stores: weakref.WeakSet[StoreBase] = weakref.WeakSet()


def open_store_count() -> int:
    """How many Store connections this process holds open now."""
    return len(_open_stores)


class StoreBase:
    """What every part of ``Store`` stands on; sessions.py, speakers.py, corrections.py,
    learned.py and library.py each add a part (a subclass of this one), store.py joins them."""

    def __init__(self, path: Path | str, *, user: str | None = None, readonly: bool = False,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        self.conn = open_database(self.path, readonly=readonly, busy_timeout_ms=busy_timeout_ms)
        self.user = user or default_user()
        self._new_session_id()
        _open_stores.add(self)

    def close(self) -> None:
        _open_stores.discard(self)
        self.end_session()
        self.conn.close()

    if TYPE_CHECKING:
        # Methods one part of Store calls on another, declared once here so that each part
        # type-checks on its own; the part named provides them (no runtime definitions here).
        def _new_session_id(self) -> None: ...  # sessions.py
        def end_session(self) -> None: ...  # sessions.py
        def _speaker_ids(self, speakers: Iterable[tuple[str, str]], article_id: int | None = None,
                         described: Collection[str] = ()) -> list[int]: ...  # speakers.py
        def _write_quote_speakers(self, quote_id: int, speaker_ids: list[int]) -> None: ...  # speakers.py
        def _write_speaker_state(self, state: Row) -> None: ...  # speakers.py
        def _log(self, action: str, quote_id: int | None, article_id: int | None, before: Row | None,
                 after: Row | None, reverts: int | None = None) -> int: ...  # corrections.py
        def article(self, article_id: int) -> StoredArticle: ...  # store.py
        def speakers_matching(self, name: str) -> set[int]: ...  # store.py
        def quote(self, quote_id: int) -> StoredQuote: ...  # store.py
        def _insert_quote(self, article_id: int, quote: Quote, described: Collection[str] = (),
                          **fields: str | int) -> int: ...  # store.py
        def _learn(self, correction_id: int, action: str, article_id: int | None, before: Row | None,
                   after: Row | None) -> None: ...  # learned.py
        def _forget(self, correction_id: int) -> None: ...  # learned.py

    @cached_property
    def db(self) -> Database:
        """The connection as a sqlite-utils Database, for callers that want its API.

        Made on first use: importing sqlite-utils (it pulls in numpy) costs the reader's
        start-up a tenth of a second, and the store itself needs plain SQL only.
        """
        from sqlite_utils import Database

        return Database(self.conn)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic change; any SQLite failure becomes a one-line StoreError and nothing is written."""
        conn = self.conn
        try:
            if conn.in_transaction:  # nested: a savepoint inside the outer transaction
                conn.execute("SAVEPOINT nested")
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK TO nested")
                        conn.execute("RELEASE nested")
                    raise
                conn.execute("RELEASE nested")
                return
            # IMMEDIATE takes the write lock up front: a deferred transaction that reads
            # and then writes fails at once (no busy wait) if another writer got in between.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None

    def _insert(self, table: str, row: Row) -> int:
        columns = ", ".join(f"[{c}]" for c in row)
        cursor = self.conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        assert cursor.lastrowid is not None  # set by every INSERT into a rowid table, as all of these are
        return cursor.lastrowid

    def _update(self, table: str, row_id: int, changes: Row) -> None:
        assignments = ", ".join(f"[{c}] = ?" for c in changes)
        self.conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*changes.values(), row_id])

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[Row]:
        try:
            cursor = self.conn.execute(sql, list(params))
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def backup(self, target: Path | str) -> None:
        """Copy the database with SQLite's online backup: safe while others write."""
        target = Path(target)
        tmp = target.with_name(target.name + ".partial")
        try:
            destination = sqlite3.connect(tmp)
            try:
                self.conn.backup(destination)
            finally:
                destination.close()
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as error:
            try:
                tmp.unlink(missing_ok=True)  # no half-written copy left behind
            except OSError:
                pass
            reason = explain(error) if isinstance(error, sqlite3.DatabaseError) else getattr(error, "strerror", None) or str(error)
            raise StoreError(f"{target}: {reason}") from None
