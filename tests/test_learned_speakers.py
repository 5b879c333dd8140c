"""Learning from corrections: a person's fix of who said it applies to later extractions.

Real SQLite files, the real spaCy pipeline, and the real command as a process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run

from newsread.library import add_article, extract_articles
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import LearnedSpeaker, QuoteChanged, Store, apply_learned

SAREE = "Saree said the group had fired two missiles at the tanker in the Red Sea."
SAREE_AGAIN = "Saree said the attacks on shipping would go on until the war ended."
SPOKESMAN = ('"This is unacceptable," the spokesman told reporters on Tuesday.\n\n'
             '"We will respond in kind," the spokesman added.')
OTHER_SPOKESMAN = '"We have seen no such plan," the spokesman told reporters in Moscow.'


def learned_step(quote) -> dict | None:
    return quote.evidence[-1] if quote.evidence and quote.evidence[-1]["sieve"] == "entity.learned" else None


def add(path: Path, text: str) -> int:
    """Store ``text`` and extract it, as ``newsread add`` does."""
    with Store(path) as store:
        article_id, _ = add_article(store, Article(text=text, title=text[:30]))
    extract_articles(path, [article_id])
    return article_id


def only_quote(path: Path, article_id: int):
    with Store(path) as store:
        [quote] = store.quotes(article_id)
    return quote


def correct_saree(path: Path) -> int:
    """A person says the "Saree" of a first article is Yahya Sarea; that article's id."""
    article_id = add(path, SAREE)
    quote = only_quote(path, article_id)
    assert (quote.speaker, SAREE[quote.mention_start:quote.mention_end]) == ("Saree", "Saree")
    with Store(path, user="ana") as store:
        store.edit(quote.id, speaker="Yahya Sarea", speaker_kind="PERSON", version=quote.version)
    return article_id


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "newsread.db"


def test_a_corrected_name_is_learned_for_every_later_article(db, nlp):
    first = correct_saree(db)
    second = add(db, SAREE_AGAIN)
    quote = only_quote(db, second)
    assert (quote.speaker, quote.speaker_kind) == ("Yahya Sarea", "PERSON")
    start = SAREE_AGAIN.index("Saree")
    assert learned_step(quote) == {"sieve": "entity.learned", "text": "Saree", "start": start, "end": start + 5}
    assert quote.status == "unreviewed" and not quote.human  # still model output, for a person to review
    with Store(db) as store:
        assert [s.name for s in store.speakers() if s.name.startswith("Yahya")] == ["Yahya Sarea"]  # one entity
        [row] = store.db.execute("SELECT form, article_id, scope, kind, made_by FROM learned_speakers").fetchall()
        assert row == ("Saree", first, "global", "PERSON", "ana")
        assert store.speaker_candidates(second) == [("Yahya Sarea", "PERSON")]


def test_a_described_speaker_is_learned_for_its_own_article_only(db, nlp):
    article_id = add(db, SPOKESMAN)
    with Store(db, user="ana") as store:
        first, second = store.quotes(article_id)
        assert (first.speaker, second.speaker) == ("spokesman", "spokesman")
        store.edit(first.id, speaker="Dmitry Peskov", speaker_kind="PERSON")
        assert store.quote(second.id).speaker == "spokesman"  # learning changes no stored quote
    extract_articles(db, [article_id])  # newsread reextract
    elsewhere = add(db, OTHER_SPOKESMAN)
    with Store(db) as store:
        kept, relearned = store.quotes(article_id)
        assert (kept.id, kept.status, kept.speaker) == (first.id, "corrected", "Dmitry Peskov")
        assert (relearned.speaker, relearned.status) == ("Dmitry Peskov", "unreviewed")
        assert learned_step(relearned)["text"] == "the spokesman"
        [other] = store.quotes(elsewhere)
        assert other.speaker == "spokesman" and learned_step(other) is None
        assert store.db.execute("SELECT scope, article_id FROM learned_speakers").fetchall() == [("article", article_id)]


def test_a_rename_teaches_the_old_name(db, nlp):
    article_id = add(db, SAREE)
    with Store(db, user="ana") as store:
        saree = store.speaker_by_name("Saree")
        store.rename_speaker(saree.id, "Yahya Sarea")
        extraction = store.with_learned(None, _extract(nlp, SAREE_AGAIN), SAREE_AGAIN)
    [quote] = extraction.quotes
    assert quote.speaker == "Yahya Sarea" and learned_step(quote)["text"] == "Saree"
    assert [s.name for s in extraction.speakers] == ["Yahya Sarea"]
    assert only_quote(db, article_id).speaker == "Yahya Sarea"  # the rename itself, as before


def test_a_kind_fix_is_learned(db, nlp):
    add(db, SAREE)
    with Store(db, user="ana") as store:
        saree = store.speaker_by_name("Saree")
        assert saree.kind == "ORG"  # the model's guess
        store.set_speaker_kind(saree.id, "PERSON")
        [quote] = store.with_learned(None, _extract(nlp, SAREE_AGAIN), SAREE_AGAIN).quotes
    assert (quote.speaker, quote.speaker_kind) == ("Saree", "PERSON")
    assert learned_step(quote)["text"] == "Saree"


def test_a_merge_teaches_the_sources_forms_and_undo_takes_it_back(db, nlp):
    add(db, SAREE)
    with Store(db, user="ana") as store:
        target = store.speaker_id("Yahya Sarea", "PERSON")
        saree = store.speaker_by_name("Saree")
        store.merge_speakers(saree.id, target)
        [quote] = store.with_learned(None, _extract(nlp, SAREE_AGAIN), SAREE_AGAIN).quotes
        assert quote.speaker == "Yahya Sarea"
        store.undo()
        assert store.learned_for(None) == []
        store.redo()
        assert [lesson.form for lesson in store.learned_for(None)] == ["Saree"]


def test_what_a_merged_away_speaker_was_taught_moves_to_the_speaker_kept(db, nlp):
    correct_saree(db)  # "Saree" → Yahya Sarea
    with Store(db, user="ana") as store:
        sarea, houthi = store.speaker_by_name("Yahya Sarea"), store.speaker_id("Yahya Saree", "PERSON")
        store.merge_speakers(sarea.id, houthi)
        lessons = {lesson.form: lesson.name for lesson in store.learned_for(None)}
        assert lessons == {"Saree": "Yahya Saree", "Yahya Sarea": "Yahya Saree"}
        store.undo()
        assert {lesson.form: lesson.name for lesson in store.learned_for(None)} == {"Saree": "Yahya Sarea"}


def test_undo_removes_what_a_set_speaker_taught_and_redo_brings_it_back(db, nlp):
    correct_saree(db)
    with Store(db, user="ana") as store:
        assert [lesson.name for lesson in store.learned_for(None)] == ["Yahya Sarea"]
        assert store.undo().action == "edit"
        assert store.learned_for(None) == []
    assert only_quote(db, add(db, SAREE_AGAIN)).speaker == "Saree"
    with Store(db, user="ana") as store:
        assert store.redo().action == "edit"
        assert [lesson.name for lesson in store.learned_for(None)] == ["Yahya Sarea"]


def test_a_refused_correction_teaches_nothing(db, nlp):
    article_id = add(db, SAREE)
    quote = only_quote(db, article_id)
    with Store(db, user="ana") as store:
        store.accept(quote.id, version=quote.version)
        with pytest.raises(QuoteChanged):  # the reader showed an older version
            store.edit(quote.id, speaker="Yahya Sarea", version=quote.version)
        with pytest.raises(ValueError):
            store.rename_speaker(store.speaker_by_name("Saree").id, "")
        store.edit(quote.id, note="check the name")  # not a change of speaker
        store.reject(quote.id)
        assert store.db.execute("SELECT count(*) FROM learned_speakers").fetchone() == (0,)


def test_the_newest_lesson_for_a_form_wins(db, nlp):
    correct_saree(db)
    article_id = add(db, SAREE_AGAIN)  # learned: Yahya Sarea
    quote = only_quote(db, article_id)
    with Store(db, user="ana") as store:
        store.edit(quote.id, speaker="Abdulmalik Saree", version=quote.version)
        [quote] = store.with_learned(None, _extract(nlp, SAREE), SAREE).quotes
    assert quote.speaker == "Abdulmalik Saree"


def test_a_pronoun_is_learned_for_its_article_and_other_names_are_left_alone(db, nlp):
    text = '"We have seen no such plan," he told reporters in Moscow.\n\nDmitry Peskov said the talks would go on.'
    article_id = add(db, text)
    with Store(db, user="ana") as store:
        pronoun = next(q for q in store.quotes(article_id) if text[q.mention_start:q.mention_end] == "he")
        store.edit(pronoun.id, speaker="Sergey Lavrov")
        [(scope, origin)] = store.db.execute("SELECT scope, article_id FROM learned_speakers").fetchall()
        assert (scope, origin) == ("article", article_id)
        other = text.replace("Moscow", "Kyiv")
        taught = store.with_learned(None, _extract(nlp, other), other)  # another article: not there
        assert all(learned_step(q) is None for q in taught.quotes)
        here = store.with_learned(article_id, _extract(nlp, text))
        assert {q.speaker for q in here.quotes} == {"Sergey Lavrov", "Dmitry Peskov"}


def test_apply_learned_leaves_joint_statements_and_unknown_forms_alone():
    text = "Acme and Bolt said they would merge. Carla said no."
    joint = Quote(start=0, end=4, text="Acme", speakers=["Acme", "Bolt"], mention_start=0, mention_end=4)
    carla = Quote(start=37, end=42, text="Carla", speaker="Carla", mention_start=37, mention_end=42)
    extraction = Extraction([joint, carla], [Speaker("Acme"), Speaker("Bolt"), Speaker("Carla")])
    lessons = [LearnedSpeaker("acme", "Acme Corp", "ORG"), LearnedSpeaker("Dora", "Dora Smith", "PERSON")]
    assert apply_learned(extraction, text, lessons) is extraction
    taught = apply_learned(extraction, text, [LearnedSpeaker("CARLA", "Carla Jones", "PERSON", "global")])
    assert [q.speaker for q in taught.quotes] == ["Acme and Bolt", "Carla Jones"]
    assert [s.name for s in taught.speakers] == ["Acme", "Bolt", "Carla Jones"]  # Carla, now unused, dropped
    assert learned_step(taught.quotes[1]) == {"sieve": "entity.learned", "text": "Carla", "start": 37, "end": 42}


def test_add_and_extract_with_db_use_what_was_learned(tmp_path):
    db = tmp_path / "newsread.db"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(SAREE, encoding="utf-8")
    second.write_text(SAREE_AGAIN, encoding="utf-8")
    assert run("--db", str(db), "add", str(first)).returncode == 0
    with Store(db, user="ana") as store:
        [quote] = store.quotes(store.article_ids()[0])
        store.edit(quote.id, speaker="Yahya Sarea", speaker_kind="PERSON")
    before = db.read_bytes()

    plain = run("extract", str(second))
    taught = run("extract", "--db", str(db), str(second))
    assert plain.returncode == taught.returncode == 0, taught.stderr
    [plain_quote] = json.loads(plain.stdout)["quotes"]
    [taught_quote] = json.loads(taught.stdout)["quotes"]
    assert plain_quote["speaker"] == "Saree" and plain_quote["evidence"][-1]["sieve"] != "entity.learned"
    assert (taught_quote["speaker"], taught_quote["speaker_kind"]) == ("Yahya Sarea", "PERSON")
    assert taught_quote["evidence"][-1]["sieve"] == "entity.learned"
    assert db.read_bytes() == before  # only read

    assert run("--db", str(db), "add", str(second)).returncode == 0
    with Store(db) as store:
        [quote] = store.quotes(store.article_ids()[1])
        assert quote.speaker == "Yahya Sarea" and learned_step(quote) is not None


def _extract(nlp, text: str) -> Extraction:
    from newsread.quotes import extract

    return extract(text, nlp)
