"""Opening a newsread database safely: checks first, then WAL, then migrations.

Every failure becomes a ``StoreError`` with one line a person can act on, and
nothing is written to a file that is not (or not yet) a newsread database we
understand.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from pathlib import Path

from .versions import MIGRATION_SET, SCHEMA

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A database problem, explained in one line."""


class QuoteChanged(StoreError):
    """The quote a writer meant is no longer as it saw it: changed or removed by another program."""


def _check_path(path: Path) -> None:
    # The file itself is never opened here, only looked at: closing any descriptor of a
    # database file drops every POSIX lock this process holds on it, including those of
    # a connection already open (the reader's), and the next writer elsewhere would then
    # take itself for the last connection and delete the WAL under it (sqlite.org, "How
    # To Corrupt An SQLite Database File", 2.2). SQLite itself refuses a non-database.
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")


def _applied_migrations(conn: sqlite3.Connection, path: Path) -> set[str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables:
        if tables:
            raise StoreError(f"{path}: a SQLite database, but not a newsread one")
        return set()
    rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
    applied = {row[0] for row in rows}
    unknown = applied - set(SCHEMA)
    if unknown:
        raise StoreError(f"{path}: written by a newer newsread (schema {sorted(unknown)[-1]}); upgrade newsread to open it")
    return applied


def _migrate(conn: sqlite3.Connection) -> None:
    # sqlite-utils (and the numpy it imports) is loaded only when there is schema work to do.
    from sqlite_utils import Database

    from .schema import migrations

    # One process migrates; another opening the same old file at once waits, then finds it done.
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(Database(conn))
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def open_database(path: Path | str, *, readonly: bool = False,
                  busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``.

    The connection is in autocommit mode: every write transaction is explicit.
    """
    path = Path(path)
    _check_path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such database")
    try:
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path, readonly, busy_timeout_ms)
        conn.execute("PRAGMA foreign_keys = ON")
        applied = _applied_migrations(conn, path)
        if readonly and not applied:  # a 0-byte file, or a SQLite file with no tables
            raise StoreError(f"{path}: empty or not a newsread database")
        if not readonly:
            # WAL lets a second reader or app work beside this one; FULL sync makes
            # a committed correction survive a crash or power cut.
            _use_wal(conn, busy_timeout_ms)
            conn.execute("PRAGMA synchronous = FULL")
            if set(SCHEMA) - applied:
                _migrate(conn)
        elif set(SCHEMA) - applied:
            raise StoreError(f"{path}: written by an older newsread; open it once for writing to upgrade it")
        return conn
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: {explain(error)}") from None
    except OSError as error:
        raise StoreError(f"{path}: {error.strerror or error}") from None


def _use_wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    # Leaving rollback mode needs the file to itself, and SQLite answers "locked" at once
    # instead of waiting (two programs opening a new database together): wait here.
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            if (conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                    or conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"):
                return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")
        time.sleep(0.005)


def _uri(path: Path, query: str = "") -> str:
    # Quoted: a "?" or "#" in a file name must not end the path and start SQLite's options.
    return f"file:{urllib.parse.quote(str(path))}" + (f"?{query}" if query else "")


def _connect(path: Path, readonly: bool, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection to ``path``. Read-only, a WAL database needs its ``-shm`` file, which
    SQLite cannot create in a read-only folder (a CD, a mounted snapshot): with no log to
    read either, the file is opened as immutable, which needs neither."""
    def connect(query: str) -> sqlite3.Connection:
        return sqlite3.connect(_uri(path, query), uri=True, timeout=busy_timeout_ms / 1000, isolation_level=None)

    if not readonly:
        return connect("")
    conn = connect("mode=ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        if "unable to open" not in str(error) or os.access(path.parent, os.W_OK):
            raise
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:  # immutable would not read the log: committed changes left out
        raise StoreError(f"{path}: its write-ahead log {wal.name} cannot be read in a read-only folder "
                         f"without {path.name}-shm; copy the database files to a writable folder")
    return connect("immutable=1")


def explain(error: sqlite3.DatabaseError) -> str:
    """One line for a database error."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return "database is locked by another program; try again when it is done"
    if "readonly" in message or "read-only" in message:
        return "database is read-only (check the file's permissions)"
    if "file is not a database" in message or "file is encrypted" in message:
        return "not a SQLite database"
    if "malformed" in message:
        return "database file is corrupt"
    if "unable to open" in message:
        return "cannot open the database file (check the folder exists and is writable)"
    return message


__all__ = ["StoreError", "QuoteChanged", "open_database", "explain", "MIGRATION_SET"]
