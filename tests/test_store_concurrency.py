"""Several connections and processes on one database: nothing lost, nothing corrupted.

The reader keeps one connection open for hours while its workers, `newsread add`,
`reextract` and other readers open and close their own. These tests reproduce what
once destroyed a database beside an open reader, and the rules that keep it whole.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from newsread.model import Article, Extraction, Quote
from newsread.store import Store

TEXT = '"It is done," the minister said. "We go on," she added.'


def two_quotes() -> Extraction:
    return Extraction([Quote(1, 13, TEXT[1:13], "direct", "minister", "PERSON", "said", 27),
                       Quote(34, 42, TEXT[34:42], "direct", "minister", "PERSON", "added", 45)], [])


def write_elsewhere(path: Path, rows: int) -> None:
    """Another process commits and closes: the last one out checkpoints and removes the WAL."""
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE IF NOT EXISTS other (x)');"
            "c.executemany('INSERT INTO other VALUES (?)', [(i,) for i in range(int(sys.argv[2]))]); c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(path), str(rows)], check=True)


def integrity(path: Path) -> list:
    with sqlite3.connect(path) as conn:
        return [conn.execute("PRAGMA integrity_check").fetchall(),
                conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')").fetchall(),
                conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").fetchall()]


def test_opening_a_second_store_keeps_the_first_ones_locks(tmp_path):
    """A connection opened and closed beside an open one (the reader's library worker) once read
    the file's header with Python; closing that descriptor dropped the reader's POSIX locks, the
    next process to close took itself for the last, deleted the WAL under the reader, and the
    reader's later commits wrecked the file."""
    path = tmp_path / "n.db"
    reader = Store(path, user="ana")
    article_id, _ = reader.add_article(Article(text=TEXT, title="t"), "h")
    reader.store_extraction(article_id, two_quotes(), "x")
    for round_ in range(3):
        Store(path).close()
        write_elsewhere(path, 200)
        assert (tmp_path / "n.db-wal").exists(), "the WAL was removed while a connection had it open"
        quote = reader.quotes(article_id)[round_ % 2]
        reader.edit(quote.id, note=f"{round_}" * 3000)
    reader.close()
    assert integrity(path) == [[("ok",)], [], []]
    with Store(path) as store:
        assert sorted(q.note[:1] for q in store.quotes(article_id)) == ["1", "2"]
        assert len(store.history()) == 3
