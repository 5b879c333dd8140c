"""Schema migrations: a database made by the first schema is upgraded in place, data intact."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils import Database

from newsread.store import Store
from newsread.store.schema import MIGRATION_NAMES, migrations


def test_database_of_the_first_schema_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before=MIGRATION_NAMES[1])
    assert [m.name for m in migrations.applied(old)] == MIGRATION_NAMES[:1]
    # Data as the first release wrote it.
    old["articles"].insert({"id": 1, "title": "Old", "text": "He said it.", "content_hash": "h", "added_at": "2026-01-01"})
    old["speakers"].insert({"id": 1, "name": "Old Speaker", "kind": "PERSON", "aliases": "[]"})
    old["quotes"].insert({"id": 1, "article_id": 1, "start": 0, "end": 2, "text": "He", "kind": "indirect",
                          "speaker_id": 1, "status": "accepted", "human": 1})
    old.conn.close()

    with Store(path) as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        quote = store.quote(1)
        assert (quote.speaker, quote.status, quote.human) == ("Old Speaker", "accepted", True)
        row = store.db.execute("SELECT article, quote, speaker FROM quote_review").fetchone()
        assert row == ("Old", "He", "Old Speaker")
        store.reject(1)  # the upgraded database takes corrections
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_schema_has_foreign_keys_for_browsing(tmp_path):
    with Store(tmp_path / "n.db") as store:
        fks = {(fk.column, fk.other_table) for fk in store.db["quotes"].foreign_keys}
        assert fks == {("article_id", "articles"), ("speaker_id", "speakers")}


# ---- m008: a description is a speaker of its own article ------------------------------------

DESCRIBED = json.dumps([{"sieve": "cue.subject", "text": "Police", "start": 0, "end": 6},
                        {"sieve": "description.unnamed", "text": "Police", "start": 0, "end": 6}])
NAMED = json.dumps([{"sieve": "cue.subject", "text": "Peskov", "start": 0, "end": 6},
                    {"sieve": "name.surname_of", "text": "Dmitry Peskov", "start": 0, "end": 13}])


def old_quote(db: Database, quote_id: int, article_id: int, speaker_id: int, evidence: str = "[]", **fields) -> dict:
    """A quote row as m007 wrote it, with its quote_speakers row."""
    row = {"id": quote_id, "article_id": article_id, "start": 0, "end": 4, "text": "Said", "kind": "indirect",
           "speaker_id": speaker_id, "cue": "", "cue_start": -1, "mention_start": -1, "mention_end": -1,
           "confidence": 0.5, "status": "unreviewed", "human": 0, "note": "", "extractor": "old", "updated_at": "t",
           "version": 1, "sieve": "cue.subject", "evidence": evidence, **fields}
    db["quotes"].insert(row)
    db["quote_speakers"].insert({"quote_id": quote_id, "speaker_id": speaker_id, "position": 0})
    return row


def logged(db: Database, action: str, article_id: int | None, before: dict, after: dict, quote_id: int | None = None) -> None:
    db["corrections"].insert({"quote_id": quote_id, "article_id": article_id, "action": action, "user": "ana",
                              "at": "t", "before": json.dumps(before), "after": json.dumps(after), "session": "s1"})


def snapshot(row: dict, speaker: dict, **changes) -> dict:
    return {**row, "speakers": [speaker["id"]], "speaker": speaker["name"], "speaker_kind": speaker["kind"], **changes}


def database_at_m007(path) -> Database:
    """Three articles and their speakers as newsread wrote them before m008, with a correction log."""
    db = Database(path)
    migrations.apply(db, stop_before="m008_descriptions_scoped_to_their_article")
    db["articles"].insert_all([{"id": i, "title": f"Article {i}", "text": "Said it.", "content_hash": f"h{i}",
                                "added_at": "t"} for i in (1, 2, 3)])
    speakers = [
        {"id": 1, "name": "police", "kind": "ORG", "aliases": "[]"},  # no evidence, lower-case: a description
        {"id": 2, "name": "Police", "kind": "ORG", "aliases": "[]"},  # capitalised, but its evidence says description
        {"id": 3, "name": "Dmitry Peskov", "kind": "PERSON", "aliases": "[]"},
        {"id": 4, "name": "officials", "kind": "OTHER", "aliases": "[]"},  # one article only
        {"id": 5, "name": "a spokesperson", "kind": "PERSON", "aliases": "[]"},  # renamed by a person
        {"id": 6, "name": "witnesses", "kind": "OTHER", "aliases": "[]"},  # set on a quote by a person
        {"id": 7, "name": "protesters", "kind": "OTHER", "aliases": "[]"},  # accepted in article 2
        {"id": 8, "name": "de Vries", "kind": "PERSON", "aliases": "[]"},  # lower-case, but its evidence names
    ]
    db["speakers"].insert_all(speakers)
    old_quote(db, 1, 1, 1)
    old_quote(db, 2, 2, 1)
    old_quote(db, 3, 2, 2, DESCRIBED)
    old_quote(db, 4, 3, 2, DESCRIBED)
    old_quote(db, 5, 1, 3, NAMED)
    old_quote(db, 6, 3, 3, NAMED)
    old_quote(db, 7, 3, 4)
    old_quote(db, 8, 1, 5)
    old_quote(db, 9, 2, 5)
    old_quote(db, 10, 1, 6)
    witnessed = old_quote(db, 11, 2, 6, status="corrected", human=1, version=2)
    old_quote(db, 12, 1, 7)
    protested = old_quote(db, 13, 2, 7, status="accepted", version=2)
    old_quote(db, 14, 1, 8, NAMED)
    old_quote(db, 15, 2, 8, NAMED)
    db["article_speakers"].insert_all([{"article_id": 1, "speaker_id": 1, "position": 0},
                                       {"article_id": 2, "speaker_id": 1, "position": 0},
                                       {"article_id": 3, "speaker_id": 2, "position": 0}])
    db["sessions"].insert({"id": "s1", "user": "ana", "host": "", "pid": 0, "started_at": "", "ended_at": "t"})
    renamed = {**speakers[4], "name": "a spokesperson"}
    logged(db, "rename_speaker", None, {"speakers": [{**speakers[4], "name": "spokesperson"}]}, {"speakers": [renamed]})
    logged(db, "edit", 2, snapshot(witnessed, speakers[0], status="unreviewed", human=0, version=1, speaker_id=1),
           snapshot(witnessed, speakers[5]), quote_id=11)
    logged(db, "accept", 2, snapshot(protested, speakers[6], status="unreviewed", version=1), snapshot(protested, speakers[6]),
           quote_id=13)
    return db


def speaker_of(store: Store, quote_id: int) -> tuple[str, int | None]:
    row = store.db.execute("SELECT s.name, s.article_id FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?",
                           [quote_id]).fetchone()
    joint = store.db.execute("SELECT speaker_id FROM quote_speakers WHERE quote_id = ?", [quote_id]).fetchall()
    first = store.db.execute("SELECT speaker_id FROM quotes WHERE id = ?", [quote_id]).fetchone()
    assert joint == [first]  # quote_speakers moved with quotes.speaker_id
    return row


def test_m008_splits_a_description_used_in_several_articles_into_one_per_article(tmp_path):
    path = tmp_path / "old.db"
    database_at_m007(path).conn.close()

    with Store(path, user="ana") as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        # "police" of articles 1 and 2 were one speaker: now each article has its own. The id stays
        # in article 2, where the log names it (the edit's before); "Police" keeps it in its first article.
        assert speaker_of(store, 1) == ("police", 1) and speaker_of(store, 2) == ("police", 2)
        assert store.db.execute("SELECT id FROM speakers WHERE name = 'police' AND article_id = 2").fetchone() == (1,)
        assert speaker_of(store, 3) == ("Police", 2) and speaker_of(store, 4) == ("Police", 3)
        assert store.db.execute("SELECT id FROM speakers WHERE name = 'Police' AND article_id = 2").fetchone() == (2,)
        # candidacies follow: each article offers its own police
        candidacies = store.db.execute("""SELECT a.article_id, s.name, s.article_id FROM article_speakers a
                                          JOIN speakers s ON s.id = a.speaker_id ORDER BY a.article_id""").fetchall()
        assert candidacies == [(1, "police", 1), (2, "police", 2), (3, "Police", 3)]
        # names stay one speaker; a description of one article takes that article
        assert speaker_of(store, 5) == speaker_of(store, 6) == ("Dmitry Peskov", None)
        assert speaker_of(store, 7) == ("officials", 3)
        assert speaker_of(store, 14) == speaker_of(store, 15) == ("de Vries", None)
        # a person's speakers stay global: renamed, or set on a quote
        assert speaker_of(store, 8) == speaker_of(store, 9) == ("a spokesperson", None)
        assert speaker_of(store, 10) == speaker_of(store, 11) == ("witnesses", None)
        # the log names "protesters" in article 2: the id stays there, article 1 gets a new one
        assert speaker_of(store, 13) == ("protesters", 2) and speaker_of(store, 12) == ("protesters", 1)
        assert store.db.execute("SELECT speaker_id FROM quotes WHERE id = 13").fetchone() == (7,)
        assert store.undo().action == "accept"  # not refused: the quote is as the log left it
        assert store.quote(13).status == "unreviewed"
        assert store.undo().action == "edit"  # back to article 2's own police
        assert speaker_of(store, 11) == ("police", 2)
        # the view still reads, and the speakers list tells the two police apart
        assert store.db.execute("SELECT speaker FROM quote_review WHERE quote_id = 2").fetchone() == ("police",)
        labels = {s.label for s in store.speakers() if s.name == "police"}
        assert labels == {"police (article 1)", "police (article 2)"}
        assert store.db.execute("SELECT count(*) FROM speakers").fetchone() == (11,)  # 8, and 3 split off
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sqlite3.connect(path).execute("PRAGMA foreign_key_check").fetchall() == []


def test_m008_makes_a_name_unique_within_its_scope(tmp_path):
    path = tmp_path / "old.db"
    database_at_m007(path).conn.close()
    with Store(path) as store:
        store.db.execute("INSERT INTO speakers (name, article_id) VALUES ('police', 3)")  # article 3 had none
        store.db.execute("INSERT INTO speakers (name) VALUES ('police')")  # nor a global one
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO speakers (name, article_id) VALUES ('police', 1)")
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO speakers (name) VALUES ('Dmitry Peskov')")
        fks = {(fk.column, fk.other_table) for fk in store.db["speakers"].foreign_keys}
        assert fks == {("article_id", "articles")}
