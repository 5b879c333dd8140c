"""A quote with several speakers (a joint statement): stored, read, edited, undone, merged, migrated."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from newsread.model import Article, Extraction, Quote, Speaker, joined_name
from newsread.store import Store
from newsread.store.schema import MIGRATION_NAMES, migrations

TEXT = ("Kimberly-Clark and Solaris Paper emphasised that toilet paper is made in Australia. "
        "Woolworths said limits stay.")
CLAUSE = "toilet paper is made in Australia"


def add_article(store: Store, quotes: list[Quote]) -> int:
    article_id, _ = store.add_article(Article(text=TEXT, title="Toilet paper"), "hash")
    speakers = [Speaker("Kimberly-Clark", "ORG"), Speaker("Solaris Paper", "ORG"), Speaker("Woolworths", "ORG")]
    store.store_extraction(article_id, Extraction(quotes, speakers), "test")
    return article_id


def clause(**fields) -> Quote:
    start = TEXT.index(CLAUSE)
    return Quote(start=start, end=start + len(CLAUSE), text=CLAUSE, kind="indirect", speaker_kind="ORG",
                 cue="emphasised", cue_start=TEXT.index("emphasised"), **fields)


def woolworths() -> Quote:
    start = TEXT.index("limits stay")
    return Quote(start=start, end=start + len("limits stay"), text="limits stay", kind="indirect",
                 speaker="Woolworths", speaker_kind="ORG")


def test_joined_name_and_the_model_defaults():
    assert joined_name([]) == ""
    assert joined_name(["A"]) == "A"
    assert joined_name(["Kimberly-Clark", "Solaris Paper"]) == "Kimberly-Clark and Solaris Paper"
    assert joined_name(["A", "B", "C"]) == "A, B and C"
    assert Quote(start=0, end=1, text="x", speaker="X").speakers == ["X"]
    assert Quote(start=0, end=1, text="x").speakers == []
    joint = Quote(start=0, end=1, text="x", speakers=["A", "B"])
    assert joint.speaker == "A and B"


def test_extraction_stores_every_speaker_and_reads_them_in_order(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Solaris Paper", "Kimberly-Clark"]), woolworths()])
        joint, single = store.quotes(article_id)
        assert joint.speakers == ["Solaris Paper", "Kimberly-Clark"]  # the order given, not the alphabet
        assert joint.speaker == "Solaris Paper and Kimberly-Clark"
        assert joint.speaker_kind == "ORG"
        assert (single.speakers, single.speaker) == (["Woolworths"], "Woolworths")
        # quotes.speaker_id is the first speaker: the review view still names one.
        row = store.db.execute("SELECT speaker FROM quote_review WHERE quote_id = ?", [joint.id]).fetchone()
        assert row == ("Solaris Paper",)


def test_a_joint_quote_counts_for_each_speaker(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Kimberly-Clark", "Solaris Paper"]), woolworths()])
        counts = {s.name: s.quotes for s in store.speakers()}
        assert counts == {"Kimberly-Clark": 1, "Solaris Paper": 1, "Woolworths": 1}
        solaris = store.speaker_by_name("Solaris Paper")
        assert solaris.quotes == 1
        assert [q.text for q, _ in store.speaker_quotes(solaris.id)] == [CLAUSE]
        assert store.articles_quoting("Solaris") == {article_id}
        exported = [q for _, quotes in store.export_records(speaker="Solaris Paper") for q in quotes]
        assert [q.speakers for q in exported] == [["Kimberly-Clark", "Solaris Paper"]]


def test_speaker_candidates_include_every_speaker_of_a_quote(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id, _ = store.add_article(Article(text=TEXT), "hash")
        store.store_extraction(article_id, Extraction([clause(speakers=["Kimberly-Clark", "Solaris Paper"])], []), "test")
        assert store.speaker_candidates(article_id) == [("Kimberly-Clark", "ORG"), ("Solaris Paper", "ORG")]


def test_import_and_add_quote_store_every_speaker(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id, _ = store.add_article(Article(text=TEXT), "hash")
        store.import_quotes(article_id, [clause(speakers=["Kimberly-Clark", "Solaris Paper"])])
        added = store.add_quote(article_id, Quote(start=0, end=len("Kimberly-Clark"), text="",
                                                  speakers=["Woolworths", "Coles"]))
        assert [q.speakers for q in store.quotes(article_id)] == [  # in text order
            ["Woolworths", "Coles"], ["Kimberly-Clark", "Solaris Paper"]]
        assert added.speaker == "Woolworths and Coles"
        assert store.history()[-1].after["speaker"] == "Woolworths and Coles"


def test_edit_sets_several_speakers_and_undo_restores_the_one(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speaker="Kimberly-Clark")])
        (quote,) = store.quotes(article_id)
        assert quote.speakers == ["Kimberly-Clark"]
        edited = store.edit(quote.id, speakers=[("Kimberly-Clark", "ORG"), ("Solaris Paper", "ORG")],
                            version=quote.version)
        assert edited.speakers == ["Kimberly-Clark", "Solaris Paper"]
        assert (edited.status, edited.human, edited.version) == ("corrected", True, quote.version + 1)
        assert store.history()[-1].after["speaker"] == "Kimberly-Clark and Solaris Paper"
        store.undo()
        back = store.quote(quote.id)
        assert (back.speakers, back.status) == (["Kimberly-Clark"], "unreviewed")
        assert back.version > edited.version  # a restored state is a new version too
        store.redo()
        assert store.quote(quote.id).speakers == ["Kimberly-Clark", "Solaris Paper"]


def test_undo_of_a_single_speaker_edit_restores_the_whole_list(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Kimberly-Clark", "Solaris Paper"])])
        (quote,) = store.quotes(article_id)
        one = store.edit(quote.id, speaker="Woolworths", speaker_kind="ORG", version=quote.version)
        assert one.speakers == ["Woolworths"]
        assert {s.name: s.quotes for s in store.speakers()}["Solaris Paper"] == 0
        store.undo()
        assert store.quote(quote.id).speakers == ["Kimberly-Clark", "Solaris Paper"]
        assert {s.name: s.quotes for s in store.speakers()}["Solaris Paper"] == 1


def test_new_speakers_of_an_edit_take_the_kind_given(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speaker="Kimberly-Clark")])
        (quote,) = store.quotes(article_id)
        store.edit(quote.id, speakers=[("Ann Example", "PERSON"), ("Acme Board", "ORG")])
        assert store.speaker_by_name("Ann Example").kind == "PERSON"
        assert store.speaker_by_name("Acme Board").kind == "ORG"
        assert store.quote(quote.id).speaker_kind == "PERSON"  # the first speaker's


def test_stale_version_refuses_a_speakers_edit(tmp_path):
    import pytest

    from newsread.store import QuoteChanged

    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speaker="Kimberly-Clark")])
        (quote,) = store.quotes(article_id)
        store.accept(quote.id)
        with pytest.raises(QuoteChanged):
            store.edit(quote.id, speakers=[("A", "ORG"), ("B", "ORG")], version=quote.version)
        assert store.quote(quote.id).speakers == ["Kimberly-Clark"]


def test_merge_moves_joint_quotes_and_undo_restores_them(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [
            clause(speakers=["Solaris Paper", "Woolworths"]),  # the source first
            woolworths(),
        ])
        solaris, kimberly = store.speaker_by_name("Solaris Paper"), store.speaker_by_name("Kimberly-Clark")
        assert store.merge_speakers(solaris.id, kimberly.id) == 1
        joint, _ = store.quotes(article_id)
        assert joint.speakers == ["Kimberly-Clark", "Woolworths"]
        assert store.db.execute("SELECT speaker FROM quote_review WHERE quote_id = ?", [joint.id]).fetchone() == (
            "Kimberly-Clark",)
        assert store.speaker_by_name("Kimberly-Clark").quotes == 1
        store.undo()
        joint, _ = store.quotes(article_id)
        assert joint.speakers == ["Solaris Paper", "Woolworths"]
        assert store.speaker_by_name("Solaris Paper").quotes == 1
        assert store.speaker_by_name("Kimberly-Clark").quotes == 0
        store.redo()
        assert store.quotes(article_id)[0].speakers == ["Kimberly-Clark", "Woolworths"]


def test_merging_the_two_speakers_of_a_joint_quote_leaves_one(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Kimberly-Clark", "Solaris Paper"])])
        kimberly, solaris = store.speaker_by_name("Kimberly-Clark"), store.speaker_by_name("Solaris Paper")
        store.merge_speakers(kimberly.id, solaris.id)
        assert store.quotes(article_id)[0].speakers == ["Solaris Paper"]
        store.undo()
        assert store.quotes(article_id)[0].speakers == ["Kimberly-Clark", "Solaris Paper"]


def test_rename_shows_in_joint_quotes(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Kimberly-Clark", "Solaris Paper"])])
        store.rename_speaker(store.speaker_by_name("Solaris Paper").id, "Solaris Paper Pty Ltd")
        assert store.quotes(article_id)[0].speaker == "Kimberly-Clark and Solaris Paper Pty Ltd"


def test_reextract_and_delete_remove_the_speaker_rows(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = add_article(store, [clause(speakers=["Kimberly-Clark", "Solaris Paper"])])
        store.store_extraction(article_id, Extraction([woolworths()], []), "test")
        assert [q.speakers for q in store.quotes(article_id)] == [["Woolworths"]]
        added = store.add_quote(article_id, clause(speakers=["Kimberly-Clark", "Solaris Paper"]))
        store.delete_quote(added.id)
        rows = store.db.execute("SELECT quote_id FROM quote_speakers").fetchall()
        assert rows == [(store.quotes(article_id)[0].id,)]
        store.undo()  # the deleted quote comes back with both its speakers
        assert store.quote(added.id).speakers == ["Kimberly-Clark", "Solaris Paper"]


def test_database_at_m005_gets_quote_speakers_backfilled(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m006_quote_speakers")
    assert [m.name for m in migrations.applied(old)] == MIGRATION_NAMES[:MIGRATION_NAMES.index("m006_quote_speakers")]
    old["articles"].insert({"id": 1, "title": "Old", "text": TEXT, "content_hash": "h", "added_at": "2026-01-01"})
    old["speakers"].insert_all([{"id": 1, "name": "Kimberly-Clark", "kind": "ORG", "aliases": "[]"},
                                {"id": 2, "name": "Woolworths", "kind": "ORG", "aliases": "[]"}])
    old["quotes"].insert_all([
        {"id": 1, "article_id": 1, "start": 0, "end": 14, "text": TEXT[:14], "kind": "indirect", "speaker_id": 1,
         "status": "accepted", "human": 0},
        {"id": 2, "article_id": 1, "start": 20, "end": 30, "text": TEXT[20:30], "kind": "indirect", "speaker_id": 2,
         "status": "unreviewed", "human": 0},
        {"id": 3, "article_id": 1, "start": 40, "end": 50, "text": TEXT[40:50], "kind": "indirect", "speaker_id": None,
         "status": "unreviewed", "human": 0},
    ])
    old.conn.close()

    with Store(path) as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        rows = store.db.execute("SELECT quote_id, speaker_id, position FROM quote_speakers ORDER BY quote_id").fetchall()
        assert rows == [(1, 1, 0), (2, 2, 0)]
        assert [q.speakers for q in store.quotes(1)] == [["Kimberly-Clark"], ["Woolworths"], []]
        assert {s.name: s.quotes for s in store.speakers()} == {"Kimberly-Clark": 1, "Woolworths": 1}
        store.edit(2, speakers=[("Woolworths", "ORG"), ("Coles", "ORG")])
        store.undo()
        assert store.quote(2).speakers == ["Woolworths"]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_undo_of_an_edit_logged_before_the_migration(tmp_path):
    """The log of an older newsread has snapshots without "speakers": undo restores their speaker_id."""
    import json

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m006_quote_speakers")
    old["articles"].insert({"id": 1, "title": "Old", "text": TEXT, "content_hash": "h", "added_at": "2026-01-01"})
    old["speakers"].insert_all([{"id": 1, "name": "Kimberly-Clark", "kind": "ORG", "aliases": "[]"},
                                {"id": 2, "name": "Woolworths", "kind": "ORG", "aliases": "[]"}])
    row = {"id": 1, "article_id": 1, "start": 0, "end": 14, "text": TEXT[:14], "kind": "indirect", "speaker_id": 2,
           "cue": "", "cue_start": -1, "mention_start": -1, "mention_end": -1, "confidence": 1.0,
           "status": "corrected", "human": 1, "note": "", "extractor": "test", "updated_at": "t", "version": 2}
    old["quotes"].insert(row)
    before = {**row, "speaker_id": 1, "status": "unreviewed", "human": 0, "version": 1, "speaker": "Kimberly-Clark"}
    old["sessions"].insert({"id": "s1", "user": "ana", "host": "", "pid": 0, "started_at": "", "ended_at": "t"})
    old["corrections"].insert({"quote_id": 1, "article_id": 1, "action": "edit", "user": "ana", "at": "t",
                               "before": json.dumps(before), "after": json.dumps({**row, "speaker": "Woolworths"}),
                               "session": "s1"})
    old.conn.close()
    with Store(path, user="ana") as store:
        assert store.quote(1).speakers == ["Woolworths"]
        assert store.undo() is not None
        assert store.quote(1).speakers == ["Kimberly-Clark"]
        assert store.db.execute("SELECT speaker_id, position FROM quote_speakers WHERE quote_id = 1").fetchall() == [(1, 0)]


def test_the_extractors_joint_statement_is_stored_with_each_speaker(tmp_path, nlp):
    from newsread.quotes import extract

    with Store(tmp_path / "n.db") as store:
        article_id, _ = store.add_article(Article(text=TEXT, title="Toilet paper"), "hash")
        store.store_extraction(article_id, extract(TEXT, nlp), "test")
        [joint] = [q for q in store.quotes(article_id) if CLAUSE in q.text]
        assert joint.speakers == ["Kimberly-Clark", "Solaris Paper"]
        names = {s.name for s in store.speakers()}
        assert {"Kimberly-Clark", "Solaris Paper"} <= names
        assert "Kimberly-Clark and Solaris Paper" not in names
