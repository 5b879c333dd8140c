"""Export, then import into another database: articles and quotes keep who they are.

An article keeps its id, a quote its id, wherever the database they go into has never used them
(quote ids are never handed out twice, not even one since deleted). brat's files are named by the
article's id; a metadata.jsonl beside them carries the rest (title, source, url, date, ...).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import assert_one_line_error, run

from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store

TEXTS = {
    "Wire": "Ann Lee said the river would rise. Bob Diaz said the bridge was safe.",
    "Post": "Cara Moss said the school would reopen. Dan Ruiz said it was too soon.",
    "Gazette": "Eve Park said the market would stay shut.",
}
SPEAKERS = {"Wire": ["Ann Lee", "Bob Diaz"], "Post": ["Cara Moss", "Dan Ruiz"], "Gazette": ["Eve Park"]}


def said(text: str, name: str) -> Quote:
    start = text.index(name) + len(name) + len(" said ")
    end = text.index(".", start)
    return Quote(start=start, end=end, text=text[start:end], kind="indirect", speaker=name)


@pytest.fixture
def source_db(tmp_path) -> Path:
    """Three articles whose quote ids are not in article order, with a gap where a quote was deleted."""
    path = tmp_path / "source.db"
    with Store(path) as store:
        ids = {}
        for source, text in TEXTS.items():
            ids[source], _ = store.add_article(Article(text=text, title=f"{source} story", source=source,
                                                      url=f"https://example.org/{source.lower()}", date="2019-03-02"), source)
        for source in ("Post", "Wire", "Gazette"):  # the second article's quotes first
            names = SPEAKERS[source]
            quotes = [said(TEXTS[source], name) for name in names]
            store.store_extraction(ids[source], Extraction(quotes, [Speaker(name) for name in names]), "t")
        post = store.quotes(ids["Post"])
        store.delete_quote(post[1].id)  # a gap
        store.reject(store.quotes(ids["Wire"])[0].id)
    return path


def quote_lines(db: Path) -> list[dict]:
    result = run("--db", str(db), "export", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def identities(db: Path) -> list[tuple]:
    return sorted((q["article_id"], q["quote_id"], q["article_title"], q["text"], q["status"]) for q in quote_lines(db))


def test_articles_jsonl_into_an_empty_database_keeps_article_and_quote_ids(source_db, tmp_path):
    exported = tmp_path / "a.jsonl"
    assert run("--db", str(source_db), "export", "-f", "articles-jsonl", "-o", str(exported)).returncode == 0
    target = tmp_path / "target.db"
    result = run("--db", str(target), "import", "--format", "jsonl", str(exported))
    assert result.returncode == 0, result.stderr
    assert identities(target) == identities(source_db)
    assert quote_lines(target) == quote_lines(source_db)  # everything else, too


def test_ids_the_database_has_used_are_never_taken(source_db, tmp_path):
    exported = tmp_path / "a.jsonl"
    assert run("--db", str(source_db), "export", "-f", "articles-jsonl", "-o", str(exported)).returncode == 0
    target = tmp_path / "target.db"
    with Store(target) as store:  # article 3 and quote ids up to 4 used here; quotes 1 and 2 since replaced
        article_id, _ = store.add_article(Article(text="Zed Quill said nothing new."), "z", wanted_id=3)
        for _ in range(2):
            quote = said("Zed Quill said nothing new.", "Zed Quill")
            store.store_extraction(article_id, Extraction([quote, quote], [Speaker("Zed Quill")]), "t")
        assert [q.id for q in store.quotes(article_id)] == [3, 4]
    assert run("--db", str(target), "import", "--format", "jsonl", str(exported)).returncode == 0
    imported = [q for q in quote_lines(target) if q["article_id"] != 3]
    source = {q["quote_id"] for q in quote_lines(source_db)}
    assert {q["quote_id"] for q in imported} & source == {q for q in source if q > 4}  # those kept
    assert all(q["quote_id"] > 4 for q in imported)
    articles = {q["article_title"]: q["article_id"] for q in quote_lines(target)}
    assert (articles["Wire story"], articles["Post story"]) == (1, 2)  # free: kept
    assert articles["Gazette story"] == 4  # 3 was taken: the next id


def brat_export(source_db: Path, tmp_path: Path, source: str | None = None) -> Path:
    folder = tmp_path / "brat"
    result = run("--db", str(source_db), "export", "-f", "brat", "-o", str(folder), *(["--source", source] if source else []))
    assert result.returncode == 0, result.stderr
    return folder


def test_brat_without_metadata_keeps_the_article_ids_its_file_names_carry(source_db, tmp_path):
    folder = brat_export(source_db, tmp_path, "Gazette")  # article 3 only
    (folder / "metadata.jsonl").unlink(missing_ok=True)
    assert sorted(p.name for p in folder.glob("*.txt")) == ["3.txt"]
    target = tmp_path / "target.db"
    assert run("--db", str(target), "import", "--format", "brat", str(folder)).returncode == 0
    with Store(target) as store:
        assert store.article_ids() == [3]
        assert store.article(3).text == TEXTS["Gazette"]


def test_brat_with_metadata_keeps_ids_titles_and_the_rest(source_db, tmp_path):
    folder = brat_export(source_db, tmp_path)
    assert (folder / "metadata.jsonl").is_file()  # the export writes it
    target = tmp_path / "target.db"
    result = run("--db", str(target), "import", "--format", "brat", str(folder))
    assert result.returncode == 0, result.stderr
    with Store(source_db) as before, Store(target) as after:
        assert after.article_ids() == before.article_ids()
        for article_id in before.article_ids():
            a, b = before.article(article_id), after.article(article_id)
            assert (b.title, b.source, b.url, b.date, b.text) == (a.title, a.source, a.url, a.date, a.text)
            assert [(q.text, q.status, q.speaker) for q in after.quotes(article_id)] == [
                (q.text, q.status, q.speaker) for q in before.quotes(article_id)]


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "metadata.jsonl:1: not JSON"),
    ('{"id": 3}', 'metadata.jsonl:1: no "file" string'),
    ('{"file": "3", "title": 7}', "metadata.jsonl:1: title is not a string"),
    ('{"file": "3", "id": "3"}', "metadata.jsonl:1: id is not an integer"),
])
def test_a_bad_metadata_line_is_one_line_and_leaves_no_database(source_db, tmp_path, line, message):
    folder = brat_export(source_db, tmp_path, "Gazette")
    (folder / "metadata.jsonl").write_text(line + "\n", encoding="utf-8")
    target = tmp_path / "target.db"
    assert_one_line_error(run("--db", str(target), "import", "--format", "brat", str(folder)), message)
    assert not target.exists()
