"""What makes the reader quick at 100,000 articles (m012, m013, store/library.py, Store.search) changes
no answer: every listing, filter and search is compared here with the plain query it replaces, on a
real database file built with the store's own API, and the counts triggers keep are compared with a
fresh count after every kind of write. Nothing here is timed: bench/bench_reader.py shows the speed."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database
from test_tui_support import db_path  # noqa: F401  (fixture)

import newsread.store.library as library_module
import newsread.store.store as store_module
from newsread.library import content_hash
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import LIBRARY_SORTS, Store
from newsread.store.schema import _FOLDED, MIGRATION_NAMES, migrations
from newsread.store.versions import LOWEST_SPEAKERS
from newsread.tui.search import fts_phrases, search, search_order

# ---- the plain queries (m011's listing, the search before m012) ---------------------------------

PLAIN_ORDER = {
    "added": "a.id",
    "unreviewed first": "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.status = 'unreviewed') DESC, a.id",
    "source": "a.source COLLATE NOCASE, a.id",
    "newest": "a.date DESC, a.id DESC",
}


def plain_listing(store: Store, query: str, sort: str) -> list[int]:
    """The library as m011 listed it: the filter checked on every article, the order counted."""
    query = query.strip()
    params: list[object] = []
    if query.startswith("@"):
        where = """a.id IN (SELECT q.article_id FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id
                            WHERE qs.speaker_id IN (SELECT value FROM json_each(?)))"""
        params = [json.dumps(sorted(store.speakers_matching(query[1:])))]
    elif len(query) >= 3:
        where = "a.id IN (SELECT rowid FROM articles_library_fts WHERE articles_library_fts MATCH ?)"
        params = ['"' + query.replace('"', '""') + '"']
    elif query:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where, params = "(a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\')", [pattern, pattern]
    else:
        where = "1"
    rows = store.conn.execute(f"SELECT a.id FROM articles a WHERE {where} ORDER BY {PLAIN_ORDER[sort]}", params)
    return [row[0] for row in rows]


def plain_search(store: Store, table: str, query: str, order: str, limit: int) -> list[int]:
    rows = store.conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY {order} LIMIT ?", [query, limit])
    return [row[0] for row in rows]


# ---- what the triggers keep, and the same counted afresh ----------------------------------------------

LOWEST = ", ".join(f"speaker_{n}" for n in range(1, LOWEST_SPEAKERS + 1))


def kept(conn: sqlite3.Connection) -> tuple[dict, dict, dict]:
    progress = {row[0]: row[1:] for row in conn.execute(
        f"SELECT article_id, unreviewed, speakers, {LOWEST}, title, source, folded FROM article_progress")}
    per_speaker = dict(conn.execute("SELECT speaker_id, articles FROM speaker_article_counts WHERE articles != 0"))
    pairs = {(s, a): n for s, a, n in conn.execute("SELECT speaker_id, article_id, quotes FROM speaker_articles")}
    return progress, pairs, per_speaker


def counted(conn: sqlite3.Connection) -> tuple[dict, dict, dict]:
    pairs = {(s, a): n for s, a, n in conn.execute(
        "SELECT qs.speaker_id, q.article_id, count(*) FROM quotes q JOIN quote_speakers qs ON qs.quote_id = q.id GROUP BY 1, 2")}
    per_speaker: dict[int, int] = {}
    for speaker_id, _ in pairs:
        per_speaker[speaker_id] = per_speaker.get(speaker_id, 0) + 1
    progress = {}
    for article_id, title, source in conn.execute("SELECT id, coalesce(title, ''), coalesce(source, '') FROM articles"):
        unreviewed = conn.execute("SELECT count(*) FROM quotes WHERE article_id = ? AND status = 'unreviewed'",
                                  [article_id]).fetchone()[0]
        speakers = sorted(s for s, a in pairs if a == article_id)
        lowest = (speakers + [None] * LOWEST_SPEAKERS)[:LOWEST_SPEAKERS]
        folded = int(any(char in title + source for char in _FOLDED))
        progress[article_id] = (unreviewed, len(speakers), *lowest, title, source, folded)
    return progress, pairs, per_speaker


def notes(conn: sqlite3.Connection) -> tuple[list, list]:
    """m013's notes of rows being replaced that no row is there for (none, ever), and those left at all."""
    orphans = conn.execute("""SELECT 'quote', id FROM replaced_quotes r WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = r.id)
                              UNION ALL SELECT r.quote_id, r.speaker_id FROM replaced_quote_speakers r WHERE NOT EXISTS (
                                  SELECT 1 FROM quote_speakers qs WHERE qs.quote_id = r.quote_id AND qs.speaker_id = r.speaker_id)""")
    left = conn.execute("SELECT 'quote', id FROM replaced_quotes UNION ALL SELECT quote_id, speaker_id FROM replaced_quote_speakers")
    return orphans.fetchall(), left.fetchall()


def assert_counts_right(path: Path, after: str, *, notes_left: bool = False) -> None:
    """The caches equal a fresh count. No note of a row being replaced is left, unless ``notes_left``
    (another tool's INSERT OR IGNORE of a row there), and then only of rows still there."""
    conn = sqlite3.connect(path)
    try:
        progress, pairs, per_speaker = kept(conn)
        fresh_progress, fresh_pairs, fresh_per_speaker = counted(conn)
        assert pairs == fresh_pairs, after
        assert progress == fresh_progress, after
        assert per_speaker == fresh_per_speaker, after
        orphans, left = notes(conn)
        assert orphans == [], after
        assert notes_left or left == [], after
    finally:
        conn.close()


# ---- a library with the cases the fast paths treat apart ---------------------------------------------------

TEXT = 'Intro. "We will build it," Ana Lima said. "It is late," Bo Chen said. "Fine," Cy Dorn and Eve Fox said. Done.'


def quote_of(said: str, *speakers: str) -> Quote:
    start = TEXT.index(said)
    return Quote(start, start + len(said), said, "direct", speakers=list(speakers), cue="said", cue_start=start + len(said) + 2)


def store_quotes(store: Store, article_id: int, quotes: list[Quote], speakers: list[str]) -> None:
    """Store ``quotes`` (quote_of's, placed in TEXT) where TEXT stands in the article."""
    offset = store.article(article_id).text.index(TEXT)
    placed = [Quote(q.start + offset, q.end + offset, q.text, q.kind, speakers=q.speakers, cue=q.cue,
                    cue_start=q.cue_start + offset) for q in quotes]
    store.store_extraction(article_id, Extraction(placed, [Speaker(n) for n in speakers]), "test")


def add_odd_articles(store: Store) -> dict[str, int]:
    """Articles the sample library lacks: one quoting four speakers (a joint statement among them),
    one quoting more speakers than article_progress holds (LOWEST_SPEAKERS), one quoting nobody,
    titles holding a character the trigram index folds to ASCII, and İ."""
    made = {}
    for key, title, source in [("four", "Four speakers at the harbour", "Wikinews"),
                               ("seven", "Seven speakers on the quay", "GOV.UK"),
                               ("nobody", "Quiet harbour day", "GOV.UK"),
                               ("kelvin", "Absolute zero is 0 \u212aelvin", "Wikinews"),
                               ("long s", "The Congre\u017fs of the harbour", "Voice of America"),
                               ("dotted", "\u0130stanbul harbour news", "Wikinews")]:
        article = Article(text=f"{title}. {TEXT}", title=title, source=source, date="2024-05-0" + str(len(made) + 1))
        made[key], _ = store.add_article(article, content_hash(article.text))
    store_quotes(store, made["four"], [quote_of('"We will build it,"', "Ana Lima"), quote_of('"It is late,"', "Bo Chen"),
                                       quote_of('"Fine,"', "Cy Dorn", "Eve Fox")], ["Ana Lima", "Bo Chen", "Cy Dorn", "Eve Fox"])
    store_quotes(store, made["seven"], [quote_of('"We will build it,"', "Gil Hart"), quote_of('"It is late,"', "Ida Jung"),
                                        quote_of('"Fine,"', *MANY[2:])], MANY)
    assert len(MANY) > LOWEST_SPEAKERS
    for key in ("kelvin", "long s", "dotted"):
        offset = store.article(made[key]).text.index(TEXT)
        said = '"It is late,"'
        store.store_extraction(made[key], Extraction([Quote(TEXT.index(said) + offset, TEXT.index(said) + offset + len(said), said,
                                                            speakers=["Bo Chen"])], []), "test")
    return made


MANY = ["Gil Hart", "Ida Jung", "Kai Lund", "Lu Ming", "Mo Nash", "Pia Ruiz", "Tom Vey"]
QUERIES = ["", "c", "co", "e", "CORNWALL", "wikinews", "WIKI", "gdańsk", "GDAŃSK", "harbour", "kelvin", "KELVIN", "congress",
           "istanbul", "İstanbul", "news", "o", '"', "100%", "a_b", "zzz", "@", "@a", "@e", "@o", "@an", "@sadiq", "@bo chen",
           "@eve fox", "@zzz", *("@" + name.lower() for name in MANY)]


@pytest.fixture
def odd_library(db_path):  # noqa: F811
    with Store(db_path) as store:
        add_odd_articles(store)
        partly = next(i for i in store.article_ids() if len(store.quotes(i)) > 1)
        store.accept(store.quotes(partly)[0].id)  # partly reviewed: "unreviewed first" moves it
    return db_path


@pytest.mark.parametrize("many", [0, 1_000_000], ids=["like-walk", "trigram-ids"])
@pytest.mark.parametrize("share", [1, 1_000_000], ids=["speaker-pairs", "speakers-left-out"])
@pytest.mark.parametrize("first", [1, 3, 256], ids=["first-one", "first-three", "first-all"])
def test_every_listing_is_the_plain_querys(odd_library, monkeypatch, many, share, first):
    """Both ways of each filter (MANY_MATCHES and DIRECT_SHARE choose one) list what m011 listed, and
    count it right before the whole list is written (FIRST ids at once)."""
    monkeypatch.setattr(library_module, "MANY_MATCHES", many)
    monkeypatch.setattr(library_module, "DIRECT_SHARE", share)
    monkeypatch.setattr(library_module, "FIRST", first)
    with Store(odd_library) as store:
        every = store.article_ids()
        for query in QUERIES:
            for sort in LIBRARY_SORTS:
                plain = plain_listing(store, query, sort)
                view = store.list_library(query, sort)
                assert len(view) == len(plain), (query, sort)
                assert not any(i in view for i in every if i not in plain), (query, sort)  # without writing the rest
                assert store.conn.execute("SELECT count(*) FROM temp.library_view").fetchone()[0] == min(first, len(plain))
                assert list(view) == plain and len(view) == len(plain), (query, sort)


def test_the_odd_articles_are_found_as_before(odd_library):
    with Store(odd_library) as store:
        titles = {i: store.article(i).title for i in store.article_ids()}

        def found(query: str) -> set[str]:
            return {titles[i] for i in store.list_library(query)}

        assert "Absolute zero is 0 \u212aelvin" in found("kelvin")  # the trigram index folds the Kelvin sign
        assert "The Congre\u017fs of the harbour" in found("congress")
        assert "\u0130stanbul harbour news" in found("İstanbul") and "\u0130stanbul harbour news" not in found("istanbul")
        assert "Quiet harbour day" in found("harbour") and "Quiet harbour day" not in found("@")
        assert found("@eve fox") == {"Four speakers at the harbour"}
        assert found("@bo chen") == {"Four speakers at the harbour", "Absolute zero is 0 \u212aelvin",
                                     "The Congre\u017fs of the harbour", "\u0130stanbul harbour news"}


def test_the_trigram_index_folds_to_ascii_only_the_characters_m013_marks():
    """The LIKE walk of a filter matching many articles (store/library.py) differs from the trigram
    index only for _FOLDED, which m013 marks: no other character of the Basic Multilingual Plane
    folds to ASCII in this SQLite's trigram tokenizer, and LIKE folds the case of ASCII only."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)",
                     [(code, chr(code) + "qz") for code in range(0x80, 0x10000) if not 0xD800 <= code < 0xE000])
    folded = set()
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        folded |= {chr(row[0]) for row in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [f'"{letter}qz"'])}
    assert folded <= set(_FOLDED)
    assert conn.execute("SELECT 'Ä' LIKE 'ä', 'a' LIKE 'A'").fetchone() == (0, 1)


def test_the_counts_stay_right_through_every_kind_of_write(db_path):  # noqa: F811
    """Each write path of the store, and another tool's plain SQL, then a fresh count to compare with."""
    with Store(db_path, user="ana") as store:
        made = add_odd_articles(store)
        assert_counts_right(db_path, "built")
        first, second = sorted(store.article_ids(), key=lambda i: -len(store.quotes(i)))[:2]  # six quotes or more
        quotes = store.quotes(first)
        store.accept(quotes[0].id)
        store.reject(quotes[1].id)
        store.set_status(quotes[2].id, "unreviewed")
        assert_counts_right(db_path, "decisions")
        store.edit(quotes[3].id, speakers=[("Ana Lima", "PERSON"), ("Zed Ward", "PERSON")])
        store.edit(quotes[4].id, speaker="Bo Chen")
        assert_counts_right(db_path, "edits")
        text = store.article(first).text
        store.add_quote(first, Quote(0, 5, text[:5], "indirect", speaker="New Person"))
        store.delete_quote(quotes[5].id)
        assert_counts_right(db_path, "add and delete")
        for _ in range(4):
            store.undo()
            assert_counts_right(db_path, "undo")
        store.redo()
        store.accept_many(second, {q.id: q.version for q in store.quotes(second)})
        assert_counts_right(db_path, "redo, accept many")
        store.undo()
        four = store.quotes(made["four"])
        bo, eve = store.speaker_by_name("Bo Chen"), store.speaker_by_name("Eve Fox")
        store.merge_speakers(eve.id, bo.id)  # the joint statement's second speaker becomes Bo Chen
        assert_counts_right(db_path, "merge")
        store.rename_speaker(bo.id, "Bo Chen-Li")
        store.undo()
        store.undo()
        assert_counts_right(db_path, "merge undone")
        # Re-extraction: unreviewed model quotes replaced, reviewed ones kept.
        store.accept(four[0].id)
        offset = store.article(made["four"]).text.index(TEXT)
        said = '"It is late,"'
        store.store_extraction(made["four"], Extraction([Quote(TEXT.index(said) + offset, TEXT.index(said) + offset + len(said),
                                                               said, speakers=["Fay Gold"])], []), "again")
        assert_counts_right(db_path, "reextract")
        # Import: a new article's annotations from elsewhere.
        article = Article(text=TEXT, title="Imported harbour", source="Elsewhere")
        imported, _ = store.add_article(article, content_hash(TEXT))
        store.import_quotes(imported, [quote_of('"Fine,"', "Cy Dorn", "Eve Fox"), quote_of('"It is late,"', "Ana Lima")])
        assert_counts_right(db_path, "import")
        # Another tool's SQL, with the foreign keys the store turns on.
        conn = store.conn
        row = conn.execute("SELECT quote_id, speaker_id FROM quote_speakers LIMIT 1").fetchone()
        conn.execute("INSERT OR REPLACE INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 7)", row)
        assert_counts_right(db_path, "insert or replace")
        conn.execute("INSERT OR IGNORE INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 8)", row)
        assert_counts_right(db_path, "insert or ignore", notes_left=True)
        conn.execute("""INSERT INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 9)
                        ON CONFLICT DO UPDATE SET position = excluded.position""", row)
        assert_counts_right(db_path, "upsert")
        fay = store.speaker_by_name("Fay Gold").id
        conn.execute("INSERT OR IGNORE INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 8)", row)
        conn.execute("UPDATE quote_speakers SET speaker_id = ? WHERE quote_id = ? AND speaker_id = ?", [fay, *row])
        assert_counts_right(db_path, "a row ignored, then given another key")
        conn.execute("UPDATE quote_speakers SET speaker_id = ? WHERE quote_id = ? AND speaker_id = ?", [row[1], row[0], fay])
        conn.execute("PRAGMA recursive_triggers = ON")
        conn.execute("INSERT OR REPLACE INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 0)", row)
        conn.execute("PRAGMA recursive_triggers = OFF")
        assert_counts_right(db_path, "insert or replace, recursive triggers")
        cy, eve = store.speaker_by_name("Cy Dorn").id, store.speaker_by_name("Eve Fox").id
        fine = next(q.id for q in store.quotes(imported) if q.text == '"Fine,"')
        conn.execute("UPDATE OR REPLACE quote_speakers SET speaker_id = ? WHERE quote_id = ? AND speaker_id = ?", [cy, fine, eve])
        assert conn.execute("SELECT speaker_id FROM quote_speakers WHERE quote_id = ?", [fine]).fetchall() == [(cy,)]
        assert_counts_right(db_path, "update or replace")
        moved = store.quotes(imported)[0].id
        conn.execute("UPDATE quotes SET article_id = ? WHERE id = ?", [made["nobody"], moved])
        assert_counts_right(db_path, "quote moved to another article")
        assert conn.execute("SELECT speaker_id FROM quote_speakers WHERE quote_id = ?", [moved]).fetchall() == [
            (store.speaker_by_name("Ana Lima").id,)]
        conn.execute("UPDATE quote_speakers SET speaker_id = ? WHERE quote_id = ?", [fay, moved])
        conn.execute("UPDATE quotes SET status = 'accepted' WHERE article_id = ?", [imported])
        assert_counts_right(db_path, "speaker and status changed by SQL")
        # A quote replaced whole (sqlite-utils' insert(replace=True)): its speakers' rows go by the
        # cascade, or stay with the foreign keys off; and with recursive triggers on.
        replace = """INSERT OR REPLACE INTO quotes (id, article_id, start, [end], text, kind, status)
                     SELECT id, ?, start, [end], text, kind, ? FROM quotes WHERE id = ?"""
        some = [q.id for q in store.quotes(first) if q.status == "unreviewed" and len(q.speakers)][:3]
        conn.execute(replace, [made["nobody"], "accepted", some[0]])
        assert_counts_right(db_path, "quote replaced")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(replace, [made["nobody"], "unreviewed", some[1]])
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("SELECT count(*) FROM quote_speakers WHERE quote_id = ?", [some[1]]).fetchone()[0] > 0
        assert_counts_right(db_path, "quote replaced, foreign keys off")
        conn.execute("PRAGMA recursive_triggers = ON")
        conn.execute(replace, [made["nobody"], "unreviewed", some[2]])
        conn.execute("PRAGMA recursive_triggers = OFF")
        assert_counts_right(db_path, "quote replaced, recursive triggers")
        conn.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")  # sqlite-utils' triggers missed the replaced rows
        conn.execute("DELETE FROM quotes WHERE article_id = ?", [imported])
        conn.execute("DELETE FROM articles WHERE id = ?", [imported])
        conn.execute("UPDATE articles SET title = 'Zero \u212a again' WHERE id = ?", [made["dotted"]])
        assert_counts_right(db_path, "quotes and an article deleted, a title changed")
        lone, _ = store.add_article(Article(text="Nothing said.", title="Lone", source="Elsewhere"), content_hash("Nothing said."))
        conn.execute("UPDATE articles SET id = (SELECT max(id) + 10 FROM articles), title = '\u017fo' WHERE id = ?", [lone])
        assert_counts_right(db_path, "an article renumbered")
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_counts_stay_right_with_writers_at_once(db_path):  # noqa: F811
    """Several programs deciding at once (WAL): each write's triggers run in its own transaction."""
    with Store(db_path) as store:
        articles = store.article_ids()

    def review(part: list[int], user: str) -> None:
        with Store(db_path, user=user, busy_timeout_ms=30_000) as writer:
            for article_id in part:
                for index, quote in enumerate(writer.quotes(article_id)):
                    writer.reject(quote.id) if index % 3 == 0 else writer.accept(quote.id)
                writer.undo()

    writers = [threading.Thread(target=review, args=(articles[i::3], f"user{i}")) for i in range(3)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert_counts_right(db_path, "three writers")
    with Store(db_path) as store:
        assert list(store.list_library("", "unreviewed first")) == plain_listing(store, "", "unreviewed first")


def test_an_older_database_is_counted_and_indexed(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m012_search_prefix_indexes")
    old["articles"].insert_all([
        {"id": 1, "title": "Zanzibar harbour", "source": "Wikinews", "text": "The minister said it. Then more.", "content_hash": "h1"},
        {"id": 2, "title": "Quiet \u212a", "source": "GOV.UK", "text": "Nothing was said.", "content_hash": "h2"},
        {"id": 3, "title": "Three", "source": "GOV.UK", "text": "Ministers said so.", "content_hash": "h3"}])
    old["speakers"].insert_all([{"id": 1, "name": "Ana Lima"}, {"id": 2, "name": "Bo Chen"}])
    old["quotes"].insert_all([
        {"id": 1, "article_id": 1, "start": 0, "end": 3, "text": "The minister", "kind": "indirect", "status": "unreviewed", "speaker_id": 1},
        {"id": 2, "article_id": 1, "start": 4, "end": 8, "text": "said it", "kind": "indirect", "status": "accepted", "speaker_id": 2},
        {"id": 3, "article_id": 3, "start": 0, "end": 9, "text": "Ministers", "kind": "indirect", "status": "unreviewed", "speaker_id": 2}])
    old["quote_speakers"].insert_all([{"quote_id": 1, "speaker_id": 1, "position": 0}, {"quote_id": 2, "speaker_id": 2, "position": 0},
                                      {"quote_id": 2, "speaker_id": 1, "position": 1}, {"quote_id": 3, "speaker_id": 2, "position": 0}])
    old.conn.close()
    with Store(path) as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        assert list(store.list_library("", "unreviewed first")) == [1, 3, 2]
        assert list(store.list_library("@ana")) == [1] and list(store.list_library("@")) == [1, 3]
        found = search(store, "minis")  # the text indexed before m012, found through the prefix index
        assert {h.article_id for h in found.hits} == {1, 3} and found.order == "best matches first"
        assert store.db["articles"].detect_fts() == "articles_fts" and store.db["quotes"].detect_fts() == "quotes_fts"
    assert_counts_right(path, "migrated")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for table in ("articles_fts", "quotes_fts"):
        assert "prefix='2 3'" in conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        assert conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')").fetchall() == []


# ---- the search -----------------------------------------------------------------------------------------

SEARCHES = ["minister", "the", "said", "the minister", "toilet paper", "Sadiq Khan", "a", "th", "min", "zzz", "don't",
            '"', "U.S.", "—", "police said", "the p"]


def search_rows(store: Store, phrases: list[str], limit: int = 40) -> tuple[list[int], list[int], bool, bool]:
    found = store.search(phrases, limit)
    return ([r["article_id"] for r in found.articles], [r["quote_id"] for r in found.quotes],
            found.articles_ranked, found.quotes_ranked)


def test_a_search_with_few_matches_is_ranked_as_before(db_path):  # noqa: F811
    with Store(db_path) as store:
        for words in SEARCHES:
            phrases = fts_phrases(words)
            query = " ".join(phrases)
            articles, quotes, articles_ranked, quotes_ranked = search_rows(store, phrases)
            assert articles_ranked and quotes_ranked, words  # a sample library: every list is small
            assert articles == plain_search(store, "articles_fts", query, "rank", 20), words
            assert quotes == plain_search(store, "quotes_fts", query, "rank", 40), words


def test_a_search_with_many_matches_lists_the_newest_first(db_path, monkeypatch):  # noqa: F811
    with Store(db_path) as store:
        monkeypatch.setattr(store_module, "SEARCH_RANKED", 3)
        for words in SEARCHES:
            phrases = fts_phrases(words)
            query = " ".join(phrases)
            articles, quotes, articles_ranked, quotes_ranked = search_rows(store, phrases)
            for table, found, ranked, limit in (("articles_fts", articles, articles_ranked, 20), ("quotes_fts", quotes, quotes_ranked, 40)):
                matches = len(plain_search(store, table, query, "rowid", 10_000))
                assert ranked == (matches <= 3), (words, table)
                assert found == plain_search(store, table, query, "rank" if ranked else "rowid DESC", limit), (words, table)
        # Few matches, but one word in most rows: bm25 would count every row holding it.
        monkeypatch.setattr(store_module, "SEARCH_RANKED", 2_000)
        monkeypatch.setattr(store_module, "SEARCH_COMMON", 5)
        articles, quotes, articles_ranked, quotes_ranked = search_rows(store, fts_phrases("the toilet paper"))
        assert not quotes_ranked and quotes == plain_search(store, "quotes_fts", '"the" "toilet" "paper"*', "rowid DESC", 40)
        assert search(store, "the toilet paper").order == "newest first (too common to rank)"


def test_the_prefix_indexes_find_what_a_merge_of_terms_found(db_path):  # noqa: F811
    """m012's prefix indexes change how a prefix is read, not what it finds."""
    with Store(db_path) as store:
        conn = store.conn
        conn.execute("CREATE VIRTUAL TABLE temp.plain_fts USING fts5(text)")
        conn.execute("INSERT INTO temp.plain_fts (rowid, text) SELECT id, text FROM quotes")
        for prefix in ('"t"*', '"th"*', '"the"*', '"mi"*', '"min"*', '"mini"*', '"said" "th"*', '"é"*', '"ц"*'):
            indexed = [r[0] for r in conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid", [prefix])]
            merged = [r[0] for r in conn.execute("SELECT rowid FROM temp.plain_fts WHERE plain_fts MATCH ? ORDER BY rowid", [prefix])]
            assert indexed == merged, prefix


def test_the_dialog_says_how_the_hits_are_ordered(db_path, monkeypatch):  # noqa: F811
    assert search_order(True, True) == "best matches first"
    assert search_order(False, True) == "articles newest first (too common to rank)"
    assert search_order(True, False) == "quotes newest first (too common to rank)"
    assert fts_phrases("the mi") == ['"the"', '"mi"*'] and fts_phrases("a") == ['"a"'] and fts_phrases("") == []
    assert fts_phrases('say "no') == ['"say"', '"""no"*']
    with Store(db_path) as store:
        assert search(store, "minister").order == "best matches first"
        assert search(store, "zzzz").hits == [] and search(store, "zzzz").order == ""
        monkeypatch.setattr(store_module, "SEARCH_RANKED", 1)
        assert search(store, "the").order == "newest first (too common to rank)"
