"""A store that never loses a decision: locks, corruption, read-only files, concurrent writers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsread.model import Article, Extraction, Quote
from newsread.store import Store, StoreError

TEXT = '"It is done," the minister said.'


def make_store(path: Path) -> int:
    with Store(path, user="setup") as store:
        article_id, _ = store.add_article(Article(text=TEXT, title="t"), "h")
        store.store_extraction(article_id, Extraction([Quote(1, 13, TEXT[1:13], "direct", "minister", "PERSON", "said", 27)], []), "x")
        return article_id


def test_locked_database_is_one_line_and_nothing_written(tmp_path):
    path = tmp_path / "n.db"
    article_id = make_store(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Store(path, busy_timeout_ms=200) as store:
            quote_id = store.quotes(article_id)[0].id  # WAL: reading goes on beside a writer
            with pytest.raises(StoreError, match="locked by another program"):
                store.accept(quote_id)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(path) as store:
        assert store.quotes(article_id)[0].status == "unreviewed"
        assert store.history() == []


def test_corrupt_database(tmp_path):
    path = tmp_path / "n.db"
    make_store(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    for wal in tmp_path.glob("n.db-*"):
        wal.unlink()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="corrupt"):
        Store(path)
    assert path.read_bytes() == before


def test_database_path_is_a_folder(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def make_read_only(path: Path) -> None:
    """Read-only even for root, who ignores permission bits: the immutable attribute."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root and the file system cannot mark a file immutable")


def test_read_only_database(tmp_path):
    path = tmp_path / "n.db"
    article_id = make_store(path)
    with Store(path) as store:  # fold the WAL into the file, as after a clean exit
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    make_read_only(path)
    try:
        with pytest.raises(StoreError, match="read-only"):
            with Store(path) as store:
                store.accept(store.quotes(article_id)[0].id)
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        path.chmod(0o644)
    assert path.read_bytes() == before


WRITER = textwrap.dedent("""
    import sys
    from newsread.store import Store
    path, parity, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Store(path, user=f"writer{parity}") as store:
        ids = [q.id for a in store.article_ids() for q in store.quotes(a)]
        for i in range(rounds):
            for quote_id in ids[parity::2]:
                store.accept(quote_id) if i % 2 == 0 else store.reject(quote_id)
""")


def test_two_processes_write_the_same_database(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        for n in range(10):
            article_id, _ = store.add_article(Article(text=f"{TEXT} {n}"), f"h{n}")
            store.store_extraction(article_id, Extraction([Quote(1, 13, TEXT[1:13], "direct")], []), "x")
    rounds = 6
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(p), str(rounds)], stderr=subprocess.PIPE, text=True)
               for p in (0, 1)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with Store(path) as store:
        log = store.history()
        assert len(log) == 10 * rounds
        assert {c.user for c in log} == {"writer0", "writer1"}
        # The last round was a reject (rounds is even, so round rounds-1 is odd).
        assert {q.status for a in store.article_ids() for q in store.quotes(a)} == {"rejected"}


def test_a_second_store_sees_changes_without_reopening(tmp_path):
    path = tmp_path / "n.db"
    article_id = make_store(path)
    with Store(path) as first, Store(path) as second:
        quote_id = first.quotes(article_id)[0].id
        first.accept(quote_id)
        assert second.quote(quote_id).status == "accepted"
        second.reject(quote_id)
        assert first.quote(quote_id).status == "rejected"


def test_backup_while_another_connection_is_writing(tmp_path):
    path = tmp_path / "n.db"
    article_id = make_store(path)
    with Store(path) as writer, Store(path) as reader:
        quote_id = writer.quotes(article_id)[0].id
        writer.accept(quote_id)
        writer.conn.execute("BEGIN IMMEDIATE")  # a write in progress, not yet committed
        writer.conn.execute("UPDATE quotes SET note = 'half-done' WHERE id = ?", [quote_id])
        reader.backup(tmp_path / "copy.db")
        writer.conn.execute("ROLLBACK")
    with Store(tmp_path / "copy.db") as copy:
        quote = copy.quote(quote_id)
        assert quote.status == "accepted" and quote.note == ""  # committed state only
        assert len(copy.history()) == 1
