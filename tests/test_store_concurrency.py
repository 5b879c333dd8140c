"""Several connections and processes on one database: nothing lost, nothing corrupted.

The reader keeps one connection open for hours while its workers, `newsread add`,
`reextract` and other readers open and close their own. These tests reproduce what
once destroyed a database beside an open reader, and the rules that keep it whole.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsread.model import Article, Extraction, Quote
from newsread.store import QuoteChanged, Store

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


def two_articles(path: Path) -> tuple[int, int]:
    with Store(path, user="setup") as store:
        ids = []
        for n in range(2):
            article_id, _ = store.add_article(Article(text=TEXT, title=f"t{n}"), f"h{n}")
            store.store_extraction(article_id, two_quotes(), "x")
            ids.append(article_id)
    return ids[0], ids[1]


def test_quote_ids_are_never_reused_by_reextraction(tmp_path):
    path = tmp_path / "n.db"
    first, _ = two_articles(path)
    with Store(path) as store:
        old = {q.id for q in store.quotes(first)}
        store.store_extraction(first, two_quotes(), "y")  # deletes both model quotes, inserts two
        new = {q.id for q in store.quotes(first)}
        assert min(new) > max(store.quotes(2)[-1].id, *old)


def test_a_write_onto_a_quote_changed_meanwhile_is_refused(tmp_path):
    path = tmp_path / "n.db"
    first, _ = two_articles(path)
    with Store(path, user="ana") as ana, Store(path, user="bob") as bob:
        shown = ana.quotes(first)[0]
        bob.edit(shown.id, speaker="Someone Else", version=shown.version)
        with pytest.raises(QuoteChanged, match="changed meanwhile by bob"):
            ana.accept(shown.id, version=shown.version)
        with pytest.raises(QuoteChanged, match="changed meanwhile by bob"):
            ana.edit(shown.id, note="mine", version=shown.version)
        assert ana.quote(shown.id).speaker == "Someone Else" and ana.quote(shown.id).note == ""
        gone = ana.quotes(first)[1]
        ana.store_extraction(first, Extraction([], []), "y")  # re-extraction removes the unreviewed one
        with pytest.raises(QuoteChanged, match="removed"):
            ana.reject(gone.id, version=gone.version)
        assert [c.user for c in ana.history()] == ["bob"]


def test_undo_takes_back_only_this_readers_changes(tmp_path):
    path = tmp_path / "n.db"
    first, second = two_articles(path)
    ana, bob, ana_again = Store(path, user="ana"), Store(path, user="bob"), Store(path, user="ana")
    try:
        ana_quote, bob_quote, other_quote = ana.quotes(first)[0], bob.quotes(second)[0], ana.quotes(second)[1]
        ana.accept(ana_quote.id)
        bob.reject(bob_quote.id)
        ana_again.reject(other_quote.id)  # the same user in a second reader running beside the first
        assert ana.undo().quote_id == ana_quote.id
        assert ana.quote(bob_quote.id).status == "rejected" and ana.quote(other_quote.id).status == "rejected"
        assert ana.undo() is None
        assert bob.undo().quote_id == bob_quote.id
        assert ana_again.undo().quote_id == other_quote.id
        assert ana.redo().quote_id == ana_quote.id and ana.quote(ana_quote.id).status == "accepted"
    finally:
        for store in (ana, bob, ana_again):
            store.close()


def test_undo_never_reverts_what_another_reader_changed_since(tmp_path):
    path = tmp_path / "n.db"
    first, _ = two_articles(path)
    with Store(path, user="ana") as ana, Store(path, user="bob") as bob:
        one, two = ana.quotes(first)
        ana.accept(one.id)
        ana.accept(two.id)
        bob.edit(two.id, note="bob's note")
        with pytest.raises(QuoteChanged, match="not undone: quote .* changed meanwhile by bob"):
            ana.undo()
        assert ana.quote(two.id).note == "bob's note" and ana.quote(two.id).status == "corrected"
        assert ana.undo().quote_id == one.id  # the next undo goes further back
        assert ana.quote(one.id).status == "unreviewed"


def test_a_restarted_reader_continues_its_users_ended_session(tmp_path):
    path = tmp_path / "n.db"
    first, _ = two_articles(path)
    one, two = Store(path).quotes(first)
    with Store(path, user="ana") as ana:
        ana.accept(one.id)
    with Store(path, user="ana") as again:  # a clean restart
        assert again.quote(one.id).status == "accepted"
        again.reject(two.id)
    # A reader killed without closing: its process is gone, so its session counts as ended.
    code = "import os, sys; from newsread.store import Store; Store(sys.argv[1], user='ana').edit(int(sys.argv[2]), note='n'); os._exit(9)"
    subprocess.run([sys.executable, "-c", code, str(path), str(one.id)], check=False)
    with Store(path, user="ana") as after_crash:
        assert after_crash.undo().quote_id == one.id and after_crash.quote(one.id).note == ""
        assert after_crash.undo().quote_id == two.id
        assert after_crash.undo().quote_id == one.id and after_crash.quote(one.id).status == "unreviewed"


NEWSREAD = str(Path(sys.executable).parent / "newsread")


def test_two_adds_at_once_store_every_article_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(300):
        (folder / f"a{n:03}.txt").write_text(f"Article {n}\n\n\"Number {n} is here,\" the clerk said.\n", encoding="utf-8")
    path = tmp_path / "n.db"
    env = {"NEWSREAD_CONFIG": "/nonexistent/newsread.toml", "PATH": "/usr/bin:/bin"}
    adds = [subprocess.Popen([NEWSREAD, "--db", str(path), "add", "--no-extract", str(folder)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [add.communicate(timeout=300) for add in adds]
    for add, (_, err) in zip(adds, results):
        assert add.returncode == 0, err
        assert "Traceback" not in err
    added = [int(err.split("added ")[1].split()[0]) for _, err in results]
    assert sum(added) == 300
    for (_, err), count in zip(results, added):
        if count < 300:
            assert f"skipped {300 - count} duplicate(s)" in err
    with Store(path) as store:
        assert store.count_articles() == 300
    assert integrity(path) == [[("ok",)], [], []]


def test_a_new_database_written_by_another_program_is_waited_for(tmp_path):
    """Switching a new file to WAL needs it alone, and SQLite answers "locked" at once
    instead of waiting when another program is writing it (two `add`s started together)."""
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # still in rollback mode: the lock a writer takes first
    release = threading.Timer(0.3, other.execute, ["COMMIT"])
    release.start()
    with Store(path) as store:
        assert store.count_articles() == 0
    release.join()  # the other connection is closed only once its own thread is done with it
    other.close()
    assert integrity(path) == [[("ok",)], [], []]


def test_only_the_store_speaks_sql():
    """Every read and write goes through the Store API, where transactions and checks live."""
    root = Path(__file__).parent.parent
    offenders = [f"{path.relative_to(root)}:{number}"
                 for folder in ("tui", "newsread", "quotes") for path in sorted((root / folder).rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if "execute(" in line or ".conn." in line]
    assert offenders == []


def test_history_tells_a_batch_and_a_refused_undo(tmp_path):
    path = tmp_path / "n.db"
    first, second = two_articles(path)
    with Store(path, user="ana") as ana, Store(path, user="bob") as bob:
        batch = ana.quotes(first)
        assert ana.accept_many(first, {q.id: q.version for q in batch}) == 2
        single = ana.quotes(second)[0]
        ana.accept(single.id)
        bob.edit(single.id, note="bob's")
        with pytest.raises(QuoteChanged):
            ana.undo()
        assert ana.undo().action == "accept_many"
        assert {q.status for q in ana.quotes(first)} == {"unreviewed"}
    lines = subprocess.run([NEWSREAD, "--db", str(path), "history"], capture_output=True, text=True, check=True,
                           env={"NEWSREAD_CONFIG": "/nonexistent/newsread.toml", "PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert "accept_many  article 1  2 quote(s)  status: 'unreviewed' → 'accepted'" in lines[0]
    assert "undo_refused of #2 nothing changed" in lines[3]
    assert "undo of #1   article 1  2 quote(s)  status: 'accepted' → 'unreviewed'" in lines[4]
