"""Schema migrations: a database made by the first schema is upgraded in place, data intact."""

from __future__ import annotations

import sqlite3

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
