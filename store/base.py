"""The connection side of the store: transactions, small SQL helpers, backup."""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from .connection import BUSY_TIMEOUT_MS, StoreError, explain, open_database
from .records import default_user

# Every Store open in this process, so that code about to fork can check none is.
_open_stores: weakref.WeakSet = weakref.WeakSet()


def open_store_count() -> int:
    """How many Store connections this process holds open now."""
    return len(_open_stores)


class StoreBase:
    def __init__(self, path: Path | str, *, user: str | None = None, readonly: bool = False,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = Path(path)
        self.conn = open_database(self.path, readonly=readonly, busy_timeout_ms=busy_timeout_ms)
        self.user = user or default_user()
        self._new_session_id()
        _open_stores.add(self)

    def close(self) -> None:
        _open_stores.discard(self)
        self.end_session()
        self.conn.close()

    @cached_property
    def db(self):
        """The connection as a sqlite-utils Database, for callers that want its API.

        Made on first use: importing sqlite-utils (it pulls in numpy) costs the reader's
        start-up a tenth of a second, and the store itself needs plain SQL only.
        """
        from sqlite_utils import Database

        return Database(self.conn)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
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

    def _insert(self, table: str, row: dict) -> int:
        columns = ", ".join(f"[{c}]" for c in row)
        cursor = self.conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        return cursor.lastrowid

    def _update(self, table: str, row_id: int, changes: dict) -> None:
        assignments = ", ".join(f"[{c}] = ?" for c in changes)
        self.conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*changes.values(), row_id])

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
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
