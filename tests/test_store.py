"""The store on a real SQLite file: articles, model output, corrections, undo and redo."""

from __future__ import annotations

import json
import sqlite3

import pytest

from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store, StoreError

TEXT = 'Kremlin spokesman Dmitry Peskov said on Sunday that talks were hard. "We are ready," Peskov said.'


def extraction() -> Extraction:
    indirect = TEXT.index("talks")
    direct = TEXT.index("We are")
    return Extraction(
        quotes=[
            Quote(indirect, TEXT.index(" were hard") + 10, "talks were hard", "indirect", "Dmitry Peskov", "PERSON",
                  "said", TEXT.index("said"), 18, 31, 0.8),
            Quote(direct, direct + 13, "We are ready,", "direct", "Dmitry Peskov", "PERSON", "said",
                  TEXT.rindex("said"), TEXT.rindex("Peskov"), TEXT.rindex("Peskov") + 6, 0.95),
        ],
        speakers=[Speaker("Dmitry Peskov", "PERSON", ["Peskov"]), Speaker("Kremlin", "ORG")],
    )


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "newsread.db"


@pytest.fixture
def store(db_path):
    with Store(db_path, user="tester") as s:
        yield s


@pytest.fixture
def article_id(store):
    article_id, _ = store.add_article(Article(text=TEXT, title="Peskov on talks", source="Test"), "hash-1")
    store.store_extraction(article_id, extraction(), "test-extractor")
    return article_id


def test_same_content_is_stored_once(store):
    first = store.add_article(Article(text="a"), "same")
    second = store.add_article(Article(text="a", title="other"), "same")
    assert first == (first[0], True)
    assert second == (first[0], False)
    assert store.count_articles() == 1


def test_extraction_is_stored_with_speakers_and_aliases(store, article_id):
    quotes = store.quotes(article_id)
    assert [q.kind for q in quotes] == ["indirect", "direct"]
    assert all(q.status == "unreviewed" and not q.human for q in quotes)
    assert TEXT[quotes[1].start:quotes[1].end] == quotes[1].text
    assert store.speaker_candidates(article_id) == [("Dmitry Peskov", "PERSON"), ("Kremlin", "ORG")]
    peskov = next(s for s in store.speakers() if s.name == "Dmitry Peskov")
    assert peskov.aliases == ["Peskov"] and peskov.quotes == 2
    # An alias names the same speaker.
    assert store.speaker_id("Peskov") == peskov.id


def test_every_change_is_logged_with_before_and_after(store, article_id, db_path):
    quote = store.quotes(article_id)[0]
    store.accept(quote.id)
    store.edit(quote.id, speaker="Kremlin", speaker_kind="ORG")
    log = store.history(article_id)
    assert [(c.action, c.user) for c in log] == [("accept", "tester"), ("edit", "tester")]
    assert log[1].before["speaker"] == "Dmitry Peskov" and log[1].after["speaker"] == "Kremlin"
    # Another connection (another process, after a crash) sees the committed change.
    raw = sqlite3.connect(db_path)
    row = raw.execute("SELECT status, human FROM quotes WHERE id = ?", [quote.id]).fetchone()
    assert row == ("corrected", 1)


def test_correction_log_is_append_only(store, article_id, db_path):
    store.accept(store.quotes(article_id)[0].id)
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM corrections")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE corrections SET user = 'mallory'")


def test_undo_and_redo_walk_the_log(store, article_id):
    quote = store.quotes(article_id)[1]
    store.accept(quote.id)
    store.edit(quote.id, kind="mixed")
    assert store.undo().action == "edit"
    assert store.quote(quote.id).kind == "direct" and store.quote(quote.id).status == "accepted"
    assert store.undo().action == "accept"
    assert store.quote(quote.id).status == "unreviewed"
    assert store.undo() is None
    assert store.redo().action == "accept"
    assert store.redo().action == "edit"
    assert store.quote(quote.id).kind == "mixed"
    assert store.redo() is None


def test_a_new_change_clears_redo(store, article_id):
    quote = store.quotes(article_id)[0]
    store.accept(quote.id)
    store.undo()
    store.reject(quote.id)
    assert store.redo() is None
    assert store.quote(quote.id).status == "rejected"


def test_add_and_delete_quote_are_undoable(store, article_id):
    added = store.add_quote(article_id, Quote(0, 7, "", "indirect", speaker="Kremlin", speaker_kind="ORG"))
    assert added.text == "Kremlin" and added.human and added.status == "corrected"
    store.delete_quote(added.id)
    assert len(store.quotes(article_id)) == 2
    store.undo()  # the delete
    assert store.quote(added.id).text == "Kremlin"
    store.undo()  # the add
    assert len(store.quotes(article_id)) == 2


def test_edit_span_recomputes_text_and_rejects_bad_spans(store, article_id):
    quote = store.quotes(article_id)[1]
    edited = store.edit(quote.id, end=quote.end - 1)
    assert edited.text == "We are ready"
    with pytest.raises(ValueError):
        store.edit(quote.id, start=5, end=5)
    with pytest.raises(ValueError):
        store.edit(quote.id, end=len(TEXT) + 1)


def test_undo_survives_reopening(db_path, article_id, store):
    quote = store.quotes(article_id)[0]
    store.reject(quote.id)
    store.close()
    with Store(db_path, user="someone else") as other:
        assert other.undo() is None  # undo is per person
    with Store(db_path, user="tester") as again:
        assert again.quote(quote.id).status == "rejected"
        again.undo()
        assert again.quote(quote.id).status == "unreviewed"


def test_reextraction_never_touches_reviewed_quotes(store, article_id):
    first, second = store.quotes(article_id)
    store.edit(first.id, speaker="Kremlin")
    new = extraction()
    new.quotes[1].speaker = "Someone Else"
    report = store.store_extraction(article_id, new, "test-extractor-2")
    assert report.kept_reviewed == 1 and report.replaced == 1 and report.added == 1
    assert [q.text for q in report.overlapping] == ["talks were hard"]
    quotes = store.quotes(article_id)
    assert [(q.speaker, q.status) for q in quotes] == [("Kremlin", "corrected"), ("Someone Else", "unreviewed")]


def test_next_unreviewed_crosses_articles(store, article_id):
    other, _ = store.add_article(Article(text=TEXT + " Again."), "hash-2")
    store.store_extraction(other, extraction(), "x")
    first = store.next_unreviewed()
    assert (first.article_id, first.start) == (article_id, store.quotes(article_id)[0].start)
    last_of_first = store.quotes(article_id)[1]
    nxt = store.next_unreviewed((article_id, last_of_first.start))
    assert nxt.article_id == other
    back = store.next_unreviewed((other, nxt.start), backwards=True)
    assert back.id == last_of_first.id


def test_export_records_filters(store, article_id):
    quote = store.quotes(article_id)[0]
    store.accept(quote.id)
    records = list(store.export_records(reviewed_only=True))
    assert [[q.id for q in quotes] for _, quotes in records] == [[quote.id]]
    assert list(store.export_records(source="Nope")) == []


def test_backup_is_a_complete_database(store, article_id, tmp_path):
    store.accept(store.quotes(article_id)[0].id)
    target = tmp_path / "backup.db"
    store.backup(target)
    with Store(target) as copy:
        assert [q.status for q in copy.quotes(article_id)] == ["accepted", "unreviewed"]
        assert len(copy.history()) == 1


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, not SQLite")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert path.read_text() == "just some text, not SQLite"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.db"]  # no journal or WAL left beside it


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE t (x)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsread one"):
        Store(path)
    assert path.read_bytes() == before


def test_database_from_newer_newsread(db_path):
    Store(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsread', 'm999_future', 'x')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer newsread"):
        Store(db_path)


def test_snapshots_are_json(store, article_id, db_path):
    store.accept(store.quotes(article_id)[0].id)
    raw = sqlite3.connect(db_path)
    before, after = raw.execute("SELECT before, after FROM corrections").fetchone()
    assert json.loads(before)["status"] == "unreviewed"
    assert json.loads(after)["status"] == "accepted"


def test_rename_speaker_keeps_old_name_as_alias_and_undoes(store, article_id):
    peskov = store.speaker_by_name("Dmitry Peskov")
    renamed = store.rename_speaker(peskov.id, "Dmitry S. Peskov")
    assert renamed.name == "Dmitry S. Peskov" and "Dmitry Peskov" in renamed.aliases
    assert {q.speaker for q in store.quotes(article_id)} == {"Dmitry S. Peskov"}
    with pytest.raises(ValueError, match="already exists"):
        store.rename_speaker(peskov.id, "Kremlin")
    assert store.undo().action == "rename_speaker"
    assert store.speaker(peskov.id).name == "Dmitry Peskov"
    assert store.redo().action == "rename_speaker"
    assert store.speaker(peskov.id).name == "Dmitry S. Peskov"


def test_merge_speakers_moves_quotes_and_aliases_and_undoes(store, article_id):
    quote = store.quotes(article_id)[0]
    store.edit(quote.id, speaker="D. Peskov")
    source = store.speaker_by_name("D. Peskov")
    target = store.speaker_by_name("Dmitry Peskov")
    assert store.merge_speakers(source.id, target.id) == 1
    assert store.speaker_by_name("D. Peskov") is None
    assert "D. Peskov" in store.speaker(target.id).aliases
    assert store.quote(quote.id).speaker == "Dmitry Peskov"
    assert store.speaker_id("D. Peskov") == target.id  # the alias now finds the merged speaker
    assert [q.id for q, _ in store.speaker_quotes(target.id)] == [q.id for q in store.quotes(article_id)]

    assert store.undo().action == "merge_speakers"
    assert store.quote(quote.id).speaker == "D. Peskov"
    assert "D. Peskov" not in store.speaker(target.id).aliases
    # Undo further back, through the restored speaker, to the model's answer.
    assert store.undo().action == "edit"
    assert store.quote(quote.id).speaker == "Dmitry Peskov"
    store.redo()
    store.redo()
    assert store.speaker_by_name("D. Peskov") is None and store.quote(quote.id).speaker == "Dmitry Peskov"


def test_known_speaker_names_include_aliases(store, article_id):
    names = store.known_speaker_names()
    assert names["Dmitry Peskov"] == "PERSON" and names["Peskov"] == "PERSON" and names["Kremlin"] == "ORG"


def test_articles_needing_extraction_are_those_without_any_quotes(store, article_id):
    fresh, _ = store.add_article(Article(text="Nobody said a thing."), "hash-fresh")
    imported, _ = store.add_article(Article(text=TEXT + " Imported."), "hash-imported")
    store.import_quotes(imported, [extraction().quotes[0]])
    assert store.articles_needing_extraction() == [fresh]
