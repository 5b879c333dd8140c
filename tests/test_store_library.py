"""The library's queries (store/library.py): the database lists what the reader's filter and sort
choose, as the reader used to in memory; `n` and the export walk the corpus in id order."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database
from test_tui_support import db_path  # noqa: F401  (fixture)

import newsread.store.library as library_module
import newsread.store.store as store_module
from newsread.library import content_hash
from newsread.model import Article
from newsread.store import LIBRARY_SORTS, ArticleSummary, Store, StoreError
from newsread.store.schema import MIGRATION_NAMES, migrations


def in_memory(store: Store, query: str, sort: str) -> list[int]:
    """What the reader listed before the library was a view over the database: every summary
    read, filtered and sorted in Python."""
    rows: list[ArticleSummary] = store.article_summaries()
    query = query.strip()
    if query.startswith("@"):
        quoting = store.articles_quoting(query[1:].strip())
        rows = [s for s in rows if s.id in quoting]
    elif query:
        rows = [s for s in rows if query.casefold() in s.title.casefold() or query.casefold() in s.source.casefold()]
    if sort == "unreviewed first":
        return [s.id for s in sorted(rows, key=lambda s: (-(s.quotes - s.reviewed), s.id))]
    if sort == "source":
        return [s.id for s in sorted(rows, key=lambda s: (s.source.casefold(), s.id))]
    if sort == "newest":
        return [s.id for s in sorted(rows, key=lambda s: (s.date, s.id), reverse=True)]
    return [s.id for s in rows]


QUERIES = ["", "  ", "c", "co", "CORNWALL", "wikinews", "gdańsk", "GDAŃSK", "o", "@sadiq", "@", "zzz", '"', "100%", "a_b"]


def test_the_database_lists_what_the_reader_listed_in_memory(db_path):  # noqa: F811
    with Store(db_path) as store:
        partly = next(i for i in store.article_ids() if len(store.quotes(i)) > 1)
        store.accept(store.quotes(partly)[0].id)  # partly reviewed: "unreviewed first" moves it
        for query in QUERIES:
            for sort in LIBRARY_SORTS:
                assert list(store.list_library(query, sort)) == in_memory(store, query, sort), (query, sort)
        found = {query: len(store.list_library(query)) for query in ("GDAŃSK", "@sadiq", "co", "zzz", "")}
    assert found == {"GDAŃSK": 1, "@sadiq": 2, "co": found["co"], "zzz": 0, "": 30} and found["co"] > 1


def test_a_view_reads_rows_and_positions_by_window(db_path):  # noqa: F811
    with Store(db_path) as store:
        view = store.list_library("", "newest")
        ids = in_memory(store, "", "newest")
        assert len(view) == len(ids) and view[0] == ids[0] and view[-1] == ids[-1] and view[2:5] == ids[2:5]
        assert [row.id for row in view.rows(3, 4)] == ids[3:7]
        assert view.index(ids[5]) == 5 and ids[5] in view and 10_000 not in view
        with pytest.raises(ValueError):
            view.index(10_000)
        with pytest.raises(IndexError):
            view[len(ids)]
        summaries = {s.id: s for s in store.article_summaries()}
        assert view.rows(0, len(ids)) == [summaries[i] for i in ids]  # the same counts the reader showed


def test_a_view_writes_its_first_ids_and_the_rest_when_asked(db_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(library_module, "FIRST", 4)
    with Store(db_path) as store:
        ids = in_memory(store, "", "newest")
        view = store.list_library("", "newest")
        written = lambda: store.conn.execute("SELECT count(*) FROM temp.library_view").fetchone()[0]  # noqa: E731
        assert len(view) == len(ids) and view[:4] == ids[:4] and written() == 4  # counted, not written
        assert [row.id for row in view.rows(0, 4)] == ids[:4] and written() == 4
        assert 10_000 not in view and written() == 4  # an article it does not list: nothing more written
        assert view.index(ids[-1]) == len(ids) - 1 and written() == len(ids)  # an article past them: all of it
        view = store.list_library("", "added")
        assert view[-1] == ids_added(store)[-1] and written() == len(ids)  # a position past them: all of it
        store.list_library("@sadiq")
        with pytest.raises(StoreError, match="listed again"):
            view[len(ids) - 2]  # an earlier view is not written over the later one
        stale = store.list_library("", "newest")
        store.list_library("", "newest")
        with pytest.raises(StoreError, match="listed again"):
            list(stale)


def test_a_view_counts_the_list_it_writes_when_the_database_changed(db_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(library_module, "FIRST", 4)
    with Store(db_path) as store:
        view = store.list_library("", "added")
        before = len(view)
        with Store(db_path) as other:  # another program adds an article before the rest is written
            late = Article(text="Boats came in late, the harbour master said.", title="A late harbour story", source="Test")
            other.add_article(late, content_hash(late.text))
        assert list(view) == ids_added(store) and len(view) == before + 1
        assert view[before] == ids_added(store)[-1]


def ids_added(store: Store) -> list[int]:
    return in_memory(store, "", "added")


def test_an_older_database_is_indexed_for_the_library(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m011_library_and_next_unreviewed_indexes")
    old["articles"].insert({"id": 1, "title": "Zanzibar harbour", "source": "Wikinews", "text": "It said.", "content_hash": "h",
                            "added_at": "2026-01-01"})
    old["quotes"].insert({"id": 1, "article_id": 1, "start": 0, "end": 2, "text": "It", "kind": "indirect",
                          "status": "unreviewed"})
    old.conn.close()
    with Store(path) as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        assert list(store.list_library("harbour")) == [1]  # an article written before the trigram index
        assert store.next_unreviewed().id == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("INSERT INTO articles_library_fts(articles_library_fts) VALUES ('integrity-check')").fetchall() == []


def test_next_unreviewed_walks_the_corpus_in_order(db_path):  # noqa: F811
    with Store(db_path) as store:
        for article_id in (1, 2):
            for quote in store.quotes(article_id)[1:]:
                store.accept(quote.id)
        order = [(q.article_id, q.start) for a in store.article_ids() for q in store.quotes(a) if q.status == "unreviewed"]
        forward, at = [], None
        while (quote := store.next_unreviewed(at)) is not None:
            at = (quote.article_id, quote.start)
            forward.append(at)
        backward, at = [], None
        while (quote := store.next_unreviewed(at, backwards=True)) is not None:
            at = (quote.article_id, quote.start)
            backward.append(at)
    assert forward == sorted(order) and backward == sorted(order, reverse=True)


def test_export_reads_the_articles_a_batch_at_a_time(db_path, monkeypatch):  # noqa: F811
    with Store(db_path) as store:
        whole = [(article.id, [q.id for q in quotes]) for article, quotes in store.export_records()]
        monkeypatch.setattr(store_module, "EXPORT_BATCH", 2)
        batched = [(article.id, [q.id for q in quotes]) for article, quotes in store.export_records()]
        assert batched == whole and [a for a, _ in whole] == store.article_ids()
        wikinews = [article.id for article, _ in store.export_records(source="wikinews")]
        assert wikinews and wikinews == [s.id for s in store.article_summaries() if "wikinews" in s.source.casefold()]
