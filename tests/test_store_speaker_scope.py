"""Entity scope: a name is one speaker across the database, a description one of its own article."""

from __future__ import annotations

import pytest

from newsread.formats import export
from newsread.library import add_article, extract_articles
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store

DESCRIBED = [{"sieve": "cue.subject", "text": "Police", "start": 0, "end": 6},
             {"sieve": "description.unnamed", "text": "Police", "start": 0, "end": 6}]


def police_quote(text: str) -> Quote:
    start = text.index("the road")
    return Quote(start=start, end=start + 8, text="the road", kind="indirect", speaker="police", speaker_kind="ORG",
                 cue="said", cue_start=text.index("said"), mention_start=0, mention_end=6, sieve="cue.subject")


def store_article(store: Store, text: str, quotes: list[Quote], speakers: list[Speaker]) -> int:
    article_id, _ = add_article(store, Article(text=text, title=text[:20]))
    store.store_extraction(article_id, Extraction(quotes, speakers), "test")
    return article_id


def two_police_articles(store: Store) -> tuple[int, int]:
    ids = []
    for n in (1, 2):
        text = f"police said the road {n} was closed."
        ids.append(store_article(store, text, [police_quote(text)], [Speaker("police", "ORG", scope="article")]))
    return ids[0], ids[1]


def speaker_rows(store: Store, name: str) -> list[tuple[int, int | None]]:
    return store.db.execute("SELECT id, article_id FROM speakers WHERE name = ? ORDER BY id", [name]).fetchall()


def test_two_articles_police_are_two_speakers_and_peskov_is_one(tmp_path):
    with Store(tmp_path / "n.db") as store:
        first, second = two_police_articles(store)
        for article_id in (first, second):
            text = f"Dmitry Peskov said it {article_id}."
            store_article(store, text, [Quote(start=0, end=13, text="Dmitry Peskov", speaker="Dmitry Peskov")],
                          [Speaker("Dmitry Peskov")])
        assert [a for _, a in speaker_rows(store, "police")] == [first, second]
        assert [a for _, a in speaker_rows(store, "Dmitry Peskov")] == [None]
        by_label = {s.label: s for s in store.speakers()}
        assert {"police (article 1)", "police (article 2)", "Dmitry Peskov"} <= set(by_label)
        assert by_label["police (article 2)"].article_title == "police said the road"
        # each article offers its own police, and its quotes are that police's
        assert store.speaker_candidates(first) == [("police", "ORG")]
        assert store.article_scoped_names(first) == {"police"}
        assert [len(store.speaker_quotes(s)) for s, _ in speaker_rows(store, "police")] == [1, 1]
        # re-extraction finds the same speaker of the article, not a third police
        text = store.article(first).text
        store.store_extraction(first, Extraction([police_quote(text)], [Speaker("police", "ORG", scope="article")]), "test")
        assert len(speaker_rows(store, "police")) == 2


def test_a_quote_whose_evidence_says_description_is_scoped_without_a_speaker_list(tmp_path):
    with Store(tmp_path / "n.db") as store:
        text = "police said the road was closed."
        described = Quote(**{**police_quote(text).__dict__, "evidence": DESCRIBED})
        first = store_article(store, text, [described], [])  # shards and imports carry no scope
        other = "police said the road 2 was closed."
        article_id, _ = add_article(store, Article(text=other))
        store.import_quotes(article_id, [police_quote(other)])  # no evidence: a name, as before
        assert speaker_rows(store, "police") == [(1, first), (2, None)]


def test_a_person_picking_police_in_an_article_means_that_articles_police(tmp_path):
    with Store(tmp_path / "n.db", user="ana") as store:
        first, second = two_police_articles(store)
        own = {article_id: speaker_id for speaker_id, article_id in speaker_rows(store, "police")}
        added = store.add_quote(first, Quote(start=0, end=6, text="police", speaker="the police", speaker_kind="ORG"))
        store.edit(added.id, speaker="police")
        assert store.db.execute("SELECT speaker_id FROM quotes WHERE id = ?", [added.id]).fetchone() == (own[first],)
        # an article without a police of its own gets the global one, created by the person
        third = store_article(store, "Nobody said the road was closed.", [], [])
        quote = store.add_quote(third, Quote(start=0, end=6, text="Nobody", speaker="police", speaker_kind="ORG"))
        assert store.db.execute("SELECT s.article_id FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?",
                                [quote.id]).fetchone() == (None,)
        assert len(speaker_rows(store, "police")) == 3


def test_a_person_merges_two_articles_police_into_one_global_speaker_and_undoes_it(tmp_path):
    with Store(tmp_path / "n.db", user="ana") as store:
        first, second = two_police_articles(store)
        (one, _), (two, _) = speaker_rows(store, "police")
        assert store.find_speaker(f"police (article {first})").id == one
        assert store.find_speaker("police") is None  # two of them, neither global: ambiguous
        assert store.merge_speakers(one, two) == 1
        assert speaker_rows(store, "police") == [(two, None)]
        assert store.speaker(two).label == "police" and store.speaker(two).quotes == 2
        assert store.find_speaker("police").id == two
        store.undo()
        assert speaker_rows(store, "police") == [(one, first), (two, second)]
        store.redo()
        assert speaker_rows(store, "police") == [(two, None)]


def test_a_merge_into_a_description_refuses_when_a_global_speaker_has_its_name(tmp_path):
    with Store(tmp_path / "n.db", user="ana") as store:
        first, _ = two_police_articles(store)
        (one, _), (two, _) = speaker_rows(store, "police")
        elsewhere = store.speaker_id("police")  # a global "police" too
        with pytest.raises(ValueError, match="across articles already: merge into that one"):
            store.merge_speakers(one, two)
        with pytest.raises(ValueError, match="merge the other way"):
            store.merge_speakers(elsewhere, two)
        assert store.merge_speakers(one, elsewhere) == 1  # into the global one is fine
        assert speaker_rows(store, "police") == [(two, 2), (elsewhere, None)]
        assert [c.action for c in store.history()] == ["merge_speakers"]  # the refused ones wrote nothing


def test_a_rename_keeps_the_scope_and_checks_names_within_it(tmp_path):
    with Store(tmp_path / "n.db", user="ana") as store:
        first, second = two_police_articles(store)
        (one, _), (two, _) = speaker_rows(store, "police")
        store.speaker_id("Metropolitan Police", "ORG")  # a global one: another scope, no clash
        renamed = store.rename_speaker(one, "Metropolitan Police")  # article 1's police, still article 1's
        assert (renamed.article_id, renamed.label) == (first, f"Metropolitan Police (article {first})")
        assert store.rename_speaker(two, "Metropolitan Police").article_id == second
        officers = store.speaker_id("officers", article_id=first)
        with pytest.raises(ValueError, match="already exists"):
            store.rename_speaker(officers, "Metropolitan Police")
        store.undo()
        assert store.speaker(two).label == f"police (article {second})"


def test_exports_and_the_review_view_read_scoped_speakers(tmp_path):
    with Store(tmp_path / "n.db") as store:
        two_police_articles(store)
        records = list(store.export_records(speaker="police"))
        assert [len(quotes) for _, quotes in records] == [1, 1]
        assert export("jsonl", store.export_records(speaker="police"), tmp_path / "police.jsonl") == 2
        rows = store.db.execute("SELECT speaker FROM quote_review ORDER BY quote_id").fetchall()
        assert rows == [("police",), ("police",)]


def test_real_extraction_of_two_police_articles_gives_two_speakers(tmp_path, nlp):
    path = tmp_path / "n.db"
    texts = ["Police said the road would stay closed until Friday after the crash.",
             "Police said the march would go ahead on Sunday despite the rain.",
             "Rosa Delgado said the island would answer the new tariffs within a week.",
             "Rosa Delgado said the harbour board had not been told about the strike."]
    with Store(path) as store:
        ids = [add_article(store, Article(text=text))[0] for text in texts]
    extract_articles(path, ids)
    with Store(path) as store:
        police = speaker_rows(store, "Police")
        assert [a for _, a in police] == ids[:2]
        assert [a for _, a in speaker_rows(store, "Rosa Delgado")] == [None]
        for (speaker_id, article_id) in police:
            assert [q.article_id for q, _ in store.speaker_quotes(speaker_id)] == [article_id]
