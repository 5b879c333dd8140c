"""The command line as the tools and people downstream meet it: filters that find what the reader
finds, imports that say what they do and leave nothing behind when they fail, messages that name
what they are about, and eval that scores against what a person kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import assert_one_line_error, run

from newsread.evaluate import score
from newsread.model import Article, Extraction, Quote, Speaker
from newsread.store import Store

GOLD = Path(__file__).parent / "data" / "gold" / "wn-badalona-fire-2019-01-07.jsonl"
TRUMP_TEXT = "Donald Trump said he may declare a national emergency. The senator said it was wrong."
READY_TEXT = '"We are ready," the minister said on Monday.\n'


def quote_of(text: str, words: str, **fields) -> Quote:
    start = text.index(words)
    return Quote(start=start, end=start + len(words), text=words, kind="indirect", **fields)


@pytest.fixture
def db(tmp_path) -> Path:
    """Two articles: one from "Example Wire" quoting Donald Trump (alias "POTUS"), one from elsewhere."""
    path = tmp_path / "n.db"
    with Store(path) as store:
        wire, _ = store.add_article(Article(text=TRUMP_TEXT, title="Emergency", source="Example Wire"), "a")
        trump = quote_of(TRUMP_TEXT, "he may declare a national emergency", speaker="Donald Trump")
        senator = quote_of(TRUMP_TEXT, "it was wrong", speaker="the senator")
        store.store_extraction(wire, Extraction([trump, senator], [Speaker("Donald Trump", aliases=["POTUS"])]), "t")
        other, _ = store.add_article(Article(text=READY_TEXT, title="Ready", source="Daily Post"), "b")
        store.store_extraction(other, Extraction([quote_of(READY_TEXT, "We are ready", speaker="the minister")], []), "t")
    return path


def exported_quotes(db: Path, *options: str) -> list[str]:
    result = run("--db", str(db), "export", "--format", "jsonl", *options)
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["text"] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("name", ["Trump", "donald trump", "DONALD", "potus"])
def test_speaker_matches_in_any_case_and_through_aliases(db, name):
    assert exported_quotes(db, "--speaker", name) == ["he may declare a national emergency"]


@pytest.mark.parametrize("source", ["Example Wire", "example wire", "wire"])
def test_source_matches_in_any_case_as_the_reader_filters(db, source):
    assert exported_quotes(db, "--source", source) == ["he may declare a national emergency", "it was wrong"]


def test_the_reader_and_the_command_line_find_the_same_speakers(db):
    with Store(db, readonly=True) as store:
        assert store.articles_quoting("POTUS") == store.articles_quoting("trump") == {1}


def test_a_failed_import_leaves_no_new_database_or_folder(tmp_path):
    target = tmp_path / "new" / "dir" / "n.db"
    result = run("--db", str(target), "import", "--format", "brat", str(GOLD))  # a .jsonl is no brat folder
    assert_one_line_error(result, "no matching .txt file")
    assert not (tmp_path / "new").exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert_one_line_error(run("--db", str(target), "import", "--format", "jsonl", str(bad)), "bad.jsonl:1: not JSON")
    assert not (tmp_path / "new").exists()
    # One good line is imported past a bad one: the database stays, with it.
    bad.write_text(GOLD.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    result = run("--db", str(target), "import", "--format", "jsonl", str(bad))
    assert_one_line_error(result, "bad.jsonl:2: not JSON", "imported 1 article(s)", "1 record(s) refused")
    with Store(target) as store:
        assert store.count_articles() == 1


def test_a_failed_import_into_an_existing_database_keeps_it(db, tmp_path):
    result = run("--db", str(db), "import", "--format", "brat", str(GOLD))
    assert result.returncode == 1
    with Store(db) as store:
        assert store.count_articles() == 2


def test_import_help_says_what_status_quotes_get_and_they_get_it(tmp_path):
    help_text = " ".join(run("import", "--help").stdout.split())
    assert "a quote keeps the status it carries (a newsread export), any other comes in as accepted" in help_text
    assert "parquet shards come in as unreviewed model output" in help_text
    db = tmp_path / "n.db"
    assert run("--db", str(db), "import", "--format", "jsonl", str(GOLD)).returncode == 0
    with Store(db) as store:
        assert {q.status for q in store.quotes(store.article_ids()[0])} == {"accepted"}
        store.reject(store.quotes(1)[0].id)
    exported = tmp_path / "a.jsonl"
    assert run("--db", str(db), "export", "-f", "articles-jsonl", "-o", str(exported)).returncode == 0
    again = tmp_path / "again.db"
    assert run("--db", str(again), "import", "--format", "jsonl", str(exported)).returncode == 0
    with Store(again) as store:  # a newsread export's statuses come back as they were
        assert sorted(q.status for q in store.quotes(1)) == ["accepted", "accepted", "rejected"]


def test_articles_jsonl_says_articles_and_quotes_written(db, tmp_path):
    result = run("--db", str(db), "export", "-f", "articles-jsonl", "-o", str(tmp_path / "a.jsonl"))
    assert result.returncode == 0, result.stderr
    assert f"wrote 2 article(s) (3 quotes) to {tmp_path / 'a.jsonl'}" in result.stderr
    per_quote = run("--db", str(db), "export", "-f", "jsonl", "-o", str(tmp_path / "q.jsonl"))
    assert f"wrote 3 quote(s) to {tmp_path / 'q.jsonl'}" in per_quote.stderr


def test_backup_into_a_missing_folder_is_one_line(db, tmp_path):
    result = run("--db", str(db), "backup", str(tmp_path / "missing" / "copy.db"))
    assert_one_line_error(result, f"{tmp_path / 'missing'}: no such folder")
    assert not (tmp_path / "missing").exists()


@pytest.mark.slow
def test_reextract_names_the_article_and_quotes_both_quotes(tmp_path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        article_id, _ = store.add_article(Article(text=READY_TEXT, title="Minister ready"), "r")
        kept = store.add_quote(article_id, quote_of(READY_TEXT, "We are ready,", speaker="the minister"))
    result = run("--db", str(db), "reextract")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "overlaps" in line)
    assert line.startswith(f'  article {article_id} "Minister ready": new model quote [')
    assert f'"We are ready," overlaps reviewed quote {kept.id} "We are ready,"; kept the reviewed one' in line


def test_eval_leaves_rejected_quotes_out_of_the_gold():
    text = "Ann said the river would rise. Bob said the bridge was safe."
    rise, safe = (text.index(w) for w in ("the river would rise", "the bridge was safe"))
    gold = {"text": text, "quotes": [
        {"start": rise, "end": rise + 20, "kind": "indirect", "speaker": "Ann", "status": "accepted"},
        {"start": safe, "end": safe + 19, "kind": "indirect", "speaker": "Bob", "status": "rejected"}]}
    report = score([gold], [[Quote(rise, rise + 20, "the river would rise", "indirect", "Ann")]])
    assert report["quotes"]["n_gold"] == 1 and report["quotes"]["recall"] == 1.0


@pytest.mark.slow
def test_eval_of_newsreads_own_export_scores_against_the_quotes_kept(tmp_path):
    db = tmp_path / "n.db"
    assert run("--db", str(db), "import", "--format", "jsonl", str(GOLD)).returncode == 0
    with Store(db) as store:
        quotes = store.quotes(1)
        store.reject(quotes[0].id)
    exported = tmp_path / "export.jsonl"
    assert run("--db", str(db), "export", "-f", "articles-jsonl", "-o", str(exported)).returncode == 0
    result = run("eval", str(exported))
    assert result.returncode == 0, result.stderr
    quotes_row = next(line for line in result.stdout.splitlines() if line.startswith("all") and "quotes" in line)
    assert quotes_row.split()[-1] == str(len(quotes) - 1)  # the gold column: the rejected one is not gold
