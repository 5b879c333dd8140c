"""`newsread export --format datasette-metadata`: Datasette searches and facets the quotes as they are.

The metadata is checked against a real database file with the SQL Datasette 0.65 runs for it (its
search clause for a view, its array and date facets); when Datasette itself is installed, it is run
on the file too (`datasette serve --get`, no server started).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run

from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store

TEXT = ("Donald Trump said he may declare a national emergency to build the wall. "
        "Kimberly-Clark and Solaris Paper emphasised that toilet paper is made in Australia.")
URL = "https://example.org/wall"


def quote_of(words: str, **fields) -> Quote:
    start = TEXT.index(words)
    return Quote(start=start, end=start + len(words), text=words, kind="indirect", **fields)


@pytest.fixture
def db(tmp_path) -> Path:
    """news.db: one article with a quote by Donald Trump (accepted) and a joint statement."""
    path = tmp_path / "news.db"
    with Store(path) as store:
        article_id, _ = store.add_article(Article(text=TEXT, title="Wall", source="Wire", url=URL, date="2019-01-07"), "h")
        trump = quote_of("he may declare a national emergency to build the wall", speaker="Donald Trump")
        joint = quote_of("toilet paper is made in Australia", speakers=["Kimberly-Clark", "Solaris Paper"],
                         speaker_kind="ORG")
        speakers = [Speaker("Donald Trump"), Speaker("Kimberly-Clark", "ORG"), Speaker("Solaris Paper", "ORG")]
        store.store_extraction(article_id, Extraction([trump, joint], speakers), "test")
        store.accept(store.quotes(article_id)[0].id)
    return path


def review_rows(path: Path, where: str = "1", params: dict | None = None) -> list[dict]:
    with Store(path, readonly=True) as store:
        cursor = store.db.execute(f"SELECT * FROM quote_review WHERE {where} ORDER BY quote_id", params or {})
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def test_the_review_view_carries_offsets_url_and_speaker_ids(db):
    trump, joint = review_rows(db)
    assert TEXT[trump["start"]:trump["end"]] == trump["quote"]
    assert trump["url"] == URL
    with Store(db, readonly=True) as store:
        assert trump["speaker_id"] == store.speaker_by_name("Donald Trump").id
    assert json.loads(joint["speakers"]) == ["Kimberly-Clark", "Solaris Paper"]
    assert joint["speaker"] == "Kimberly-Clark"  # quotes.speaker_id: the first


def export_metadata(db: Path, tmp_path: Path) -> dict:
    out = tmp_path / "meta.json"
    result = run("--db", str(db), "export", "--format", "datasette-metadata", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote the Datasette metadata to" in result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_metadata_names_the_database_and_only_columns_the_view_has(db, tmp_path):
    metadata = export_metadata(db, tmp_path)
    assert list(metadata["databases"]) == ["news"]  # Datasette names a database by its file's stem
    tables = metadata["databases"]["news"]["tables"]
    review = tables["quote_review"]
    assert (review["fts_table"], review["fts_pk"]) == ("quotes_fts", "quote_id")
    columns = set(review_rows(db)[0])
    facet_columns = {facet if isinstance(facet, str) else next(iter(facet.values())) for facet in review["facets"]}
    assert facet_columns == {"speakers", "status", "date"}
    assert facet_columns | set(review["columns"]) <= columns
    assert (tables["speakers"]["label_column"], tables["articles"]["label_column"]) == ("name", "title")


def test_search_and_facets_work_as_datasette_runs_them(db, tmp_path):
    review = export_metadata(db, tmp_path)["databases"]["news"]["tables"]["quote_review"]
    # Datasette's ?_search on a view: "{fts_pk} in (select rowid from {fts_table} where {fts_table} match ...)"
    search = f"[{review['fts_pk']}] in (select rowid from [{review['fts_table']}] where [{review['fts_table']}] match :q)"
    assert [r["speaker"] for r in review_rows(db, search, {"q": '"emergency"'})] == ["Donald Trump"]
    assert [r["speaker"] for r in review_rows(db, search, {"q": '"australia"'})] == ["Kimberly-Clark"]
    with Store(db, readonly=True) as store:
        # the array facet: each speaker of the joint statement counts once
        speakers = dict(store.db.execute("SELECT j.value, count(*) FROM quote_review JOIN json_each(quote_review.speakers) j "
                                         "GROUP BY j.value").fetchall())
        assert speakers == {"Donald Trump": 1, "Kimberly-Clark": 1, "Solaris Paper": 1}
        assert dict(store.db.execute("SELECT status, count(*) FROM quote_review GROUP BY status").fetchall()) == {
            "accepted": 1, "unreviewed": 1}
        assert store.db.execute("SELECT DISTINCT date(date) FROM quote_review").fetchall() == [("2019-01-07",)]


def test_the_log_keeps_the_id_of_a_deleted_quote(db):
    """corrections.quote_id has no foreign key, on purpose (store/schema.py, m010): undo of a delete
    brings the quote back under the id its log row names."""
    with Store(db) as store:
        quote = store.quotes(1)[1]
        store.delete_quote(quote.id)
        assert store.history()[-1].quote_id == quote.id
        store.undo()
        assert store.quote(quote.id).text == quote.text
        fks = {fk.column for fk in store.db["corrections"].foreign_keys}
        assert "quote_id" not in fks


def datasette() -> list[str] | None:
    beside = Path(sys.executable).parent / "datasette"
    found = str(beside) if beside.exists() else shutil.which("datasette")
    return [found] if found else None


@pytest.mark.skipif(datasette() is None, reason="Datasette is not installed (pip install datasette runs this check)")
def test_datasette_searches_and_facets_out_of_the_box(db, tmp_path):
    export_metadata(db, tmp_path)

    def get(path: str) -> dict:
        result = subprocess.run([*datasette(), "serve", str(db), "--metadata", str(tmp_path / "meta.json"), "--get", path],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    found = get("/news/quote_review.json?_search=emergency&_shape=objects")
    assert [row["speaker"] for row in found["rows"]] == ["Donald Trump"]
    everything = get("/news/quote_review.json")
    facets = everything["facet_results"]
    assert {r["value"]: r["count"] for r in facets["speakers"]["results"]} == {
        "Donald Trump": 1, "Kimberly-Clark": 1, "Solaris Paper": 1}
    assert {r["value"]: r["count"] for r in facets["status"]["results"]} == {"accepted": 1, "unreviewed": 1}
    assert "date" in facets
