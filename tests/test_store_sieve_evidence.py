"""The extractor's sieve and evidence chain per quote: stored, read, logged, undone, exported,
imported, and an m006 database upgraded to hold them."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils import Database

from newsread.formats import FormatError, export, read_annotations
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store
from newsread.store.schema import MIGRATION_NAMES, migrations

TEXT = ("Kremlin spokesman Dmitry Peskov arrived in Minsk on Monday.\n\n"
        "Peskov met the president for two hours.\n\n"
        "“We will not accept this,” he told reporters.")
CONTENT = "We will not accept this,"


def at(fragment: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(fragment, start)
    return i, i + len(fragment)


def step(sieve: str, fragment: str, start: int = 0) -> dict:
    a, b = at(fragment, start)
    return {"sieve": sieve, "text": fragment, "start": a, "end": b}


def model_quote() -> Quote:
    start, end = at(CONTENT)
    he = TEXT.index(" he told") + 1
    return Quote(start=start, end=end, text=CONTENT, kind="direct", speaker="Dmitry Peskov", cue="told",
                 cue_start=TEXT.index("told"), mention_start=he, mention_end=he + 2, confidence=0.81,
                 sieve="cue.subject",
                 evidence=[{"sieve": "cue.subject", "text": "he", "start": he, "end": he + 2},
                           step("pronoun.nearest_subject", "Peskov", TEXT.index("\n\n")),
                           step("name.surname_of", "Dmitry Peskov")])


def store_one(store: Store, quote: Quote) -> int:
    article_id, _ = store.add_article(Article(text=TEXT, title="Peskov"), "hash")
    store.store_extraction(article_id, Extraction([quote], [Speaker("Dmitry Peskov")]), "test")
    return article_id


def test_store_extraction_keeps_the_sieve_and_the_evidence(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = store_one(store, model_quote())
        [stored] = store.quotes(article_id)
        assert (stored.sieve, stored.evidence) == ("cue.subject", model_quote().evidence)
        assert all(TEXT[s["start"] : s["end"]] == s["text"] for s in stored.evidence)
        row = store.db.execute("SELECT sieve, evidence FROM quotes WHERE id = ?", [stored.id]).fetchone()
        assert row[0] == "cue.subject" and json.loads(row[1]) == stored.evidence  # JSON in the column
        # a quote a person adds has none
        added = store.add_quote(article_id, Quote(start=0, end=7, text=TEXT[:7], kind="indirect"))
        assert (store.quote(added.id).sieve, store.quote(added.id).evidence) == ("", [])


def test_reextraction_replaces_the_evidence_of_unreviewed_quotes(tmp_path):
    with Store(tmp_path / "n.db") as store:
        article_id = store_one(store, model_quote())
        again = model_quote()
        again.sieve, again.evidence = "cue.frame_name", [step("cue.frame_name", "Dmitry Peskov")]
        store.store_extraction(article_id, Extraction([again], [Speaker("Dmitry Peskov")]), "test")
        [stored] = store.quotes(article_id)
        assert (stored.sieve, stored.evidence) == ("cue.frame_name", [step("cue.frame_name", "Dmitry Peskov")])


def test_the_log_records_them_and_undo_restores_them(tmp_path):
    with Store(tmp_path / "n.db", user="ana") as store:
        article_id = store_one(store, model_quote())
        [stored] = store.quotes(article_id)
        store.edit(stored.id, speakers=[("Sergey Lavrov", "PERSON")])  # a person's change keeps the model's reasons
        assert store.quote(stored.id).evidence == model_quote().evidence
        store.delete_quote(stored.id)
        entry = store.history(article_id)[-1]
        assert entry.action == "delete" and entry.before["sieve"] == "cue.subject"
        assert json.loads(entry.before["evidence"]) == model_quote().evidence
        store.undo()  # the deleted quote comes back with them
        back = store.quote(stored.id)
        assert (back.sieve, back.evidence, back.speaker) == ("cue.subject", model_quote().evidence, "Sergey Lavrov")
        store.undo()
        back = store.quote(stored.id)
        assert (back.sieve, back.evidence, back.speaker) == ("cue.subject", model_quote().evidence, "Dmitry Peskov")


def test_exports_carry_them_and_an_articles_jsonl_export_imports_back(tmp_path):
    with Store(tmp_path / "n.db") as store:
        store_one(store, model_quote())
        records = list(store.export_records())
    export("jsonl", records, tmp_path / "q.jsonl")
    row = json.loads((tmp_path / "q.jsonl").read_text(encoding="utf-8"))
    assert (row["sieve"], row["evidence"]) == ("cue.subject", model_quote().evidence)
    export("csv", records, tmp_path / "q.csv")
    assert "sieve,evidence" in (tmp_path / "q.csv").read_text(encoding="utf-8").splitlines()[0]
    export("articles-jsonl", records, tmp_path / "a.jsonl")
    [(article, [quote])] = list(read_annotations("articles-jsonl", tmp_path / "a.jsonl"))
    assert (quote.sieve, quote.evidence) == ("cue.subject", model_quote().evidence)
    with Store(tmp_path / "other.db") as other:
        article_id, _ = other.add_article(Article(text=article.text), "hash")
        other.import_quotes(article_id, [quote])
        assert other.quotes(article_id)[0].evidence == model_quote().evidence


def test_import_refuses_evidence_that_is_not_a_list_of_steps(tmp_path):
    line = {"text": TEXT, "quotes": [{"start": 0, "end": 7, "evidence": "he → Peskov"}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match="evidence is not a list of steps"):
        list(read_annotations("articles-jsonl", path))


def test_a_database_at_m006_is_upgraded_and_its_old_log_still_undoes(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m007_quote_sieve_and_evidence")
    assert [m.name for m in migrations.applied(old)] == MIGRATION_NAMES[:MIGRATION_NAMES.index("m007_quote_sieve_and_evidence")]
    old["articles"].insert({"id": 1, "title": "Old", "text": TEXT, "content_hash": "h", "added_at": "2026-01-01"})
    old["speakers"].insert_all([{"id": 1, "name": "Dmitry Peskov", "kind": "PERSON", "aliases": "[]"},
                                {"id": 2, "name": "Sergey Lavrov", "kind": "PERSON", "aliases": "[]"}])
    start, end = at(CONTENT)
    row = {"id": 1, "article_id": 1, "start": start, "end": end, "text": CONTENT, "kind": "direct", "speaker_id": 2,
           "cue": "told", "cue_start": TEXT.index("told"), "mention_start": -1, "mention_end": -1, "confidence": 0.8,
           "status": "corrected", "human": 1, "note": "", "extractor": "test", "updated_at": "t", "version": 2}
    old["quotes"].insert(row)
    old["quote_speakers"].insert({"quote_id": 1, "speaker_id": 2, "position": 0})
    # a correction logged by the older newsread: its snapshots have no sieve or evidence
    before = {**row, "speaker_id": 1, "status": "unreviewed", "human": 0, "version": 1, "speakers": [1],
              "speaker": "Dmitry Peskov", "speaker_kind": "PERSON"}
    after = {**row, "speakers": [2], "speaker": "Sergey Lavrov", "speaker_kind": "PERSON"}
    old["sessions"].insert({"id": "s1", "user": "ana", "host": "", "pid": 0, "started_at": "", "ended_at": "t"})
    old["corrections"].insert({"quote_id": 1, "article_id": 1, "action": "edit", "user": "ana", "at": "t",
                               "before": json.dumps(before), "after": json.dumps(after), "session": "s1"})
    old.conn.close()

    with Store(path, user="ana") as store:
        assert [m.name for m in migrations.applied(store.db)] == MIGRATION_NAMES
        columns = {c.name: c.default_value for c in store.db["quotes"].columns}
        assert columns["sieve"] == "''" and columns["evidence"] == "'[]'"
        quote = store.quote(1)
        assert (quote.sieve, quote.evidence, quote.speaker) == ("", [], "Sergey Lavrov")
        undone = store.undo()  # not refused: the quote is as that change left it
        assert undone is not None and undone.action == "edit"  # the change taken back
        quote = store.quote(1)
        assert (quote.sieve, quote.evidence, quote.speaker) == ("", [], "Dmitry Peskov")
        article_id = store_one(store, model_quote())  # and new extractions store them
        assert store.quotes(article_id)[0].sieve == "cue.subject"
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
