"""`history` and `reextract` name articles by id, path as added, file name or title fragment:
the real command, a real database file."""

from __future__ import annotations

import pytest
from test_cli import assert_one_line_error, run

from newsread.model import Quote
from newsread.store import Store

# Ids follow this order: the files are added one by one.
ARTICLES = {
    "articles/lavrov.txt": "Lavrov meets Sibal in Moscow",
    "articles/peskov-talks.txt": "Peskov says talks will go on",
    "articles/peskov-denial.txt": "Kremlin: Peskov denies the report",
    "articles/sanctions.txt": "PESKOV on sanctions",
    "articles/rates.txt": "Rates up 5% in May",
    "articles/points.txt": "Rates up 50 points",
    "articles/bill.txt": "Vote on bill_42",
    "articles/bill-space.txt": "Vote on bill 42",
    "articles/treaty.txt": "Article 2 of the 1999 treaty",
    "a/notes.txt": "Notes from the first briefing",
    "b/notes.txt": "Notes from the second briefing",
}
IDS = {path: number for number, path in enumerate(ARTICLES, 1)}


@pytest.fixture
def db(tmp_path):
    """A database of ARTICLES added with relative paths from tmp_path (no extraction)."""
    for path, title in ARTICLES.items():
        file = tmp_path / path
        file.parent.mkdir(exist_ok=True)
        file.write_text(f"{title}\n\nThe body of the article at {path}.\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = run("--db", str(db), "add", "--no-extract", *ARTICLES, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store(db) as store:
        assert {store.article(i).path: i for i in store.article_ids()} == IDS
    return db


@pytest.fixture
def reviewed_db(db):
    """``db`` with one correction in each article's log."""
    with Store(db, user="ana") as store:
        for article_id in store.article_ids():
            store.import_quotes(article_id, [Quote(0, 4, store.article(article_id).text[:4])])
            store.reject(store.quotes(article_id)[0].id)
    return db


def history(db, reference: str, cwd) -> str:
    result = run("--db", str(db), "history", reference, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def logged_articles(output: str) -> set[int]:
    return {int(line.split(" article ")[1].split()[0]) for line in output.splitlines()}


def test_history_by_id_and_by_title_fragment_any_case(reviewed_db, tmp_path):
    lavrov = IDS["articles/lavrov.txt"]
    by_id = history(reviewed_db, str(lavrov), tmp_path)
    assert logged_articles(by_id) == {lavrov}
    assert history(reviewed_db, "lAVROV", tmp_path) == by_id
    assert history(reviewed_db, "meets sibal", tmp_path) == by_id


def test_a_number_is_an_id_never_a_title_fragment(reviewed_db, tmp_path):
    treaty = IDS["articles/treaty.txt"]
    assert logged_articles(history(reviewed_db, "2", tmp_path)) == {2}  # not the treaty's "Article 2"
    assert_one_line_error(run("--db", str(reviewed_db), "history", "1999", cwd=tmp_path), "no article with id 1999")
    assert logged_articles(history(reviewed_db, "the 1999 treaty", tmp_path)) == {treaty}


def test_history_by_path_exact_resolved_and_file_name(reviewed_db, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lavrov, first, second = IDS["articles/lavrov.txt"], IDS["a/notes.txt"], IDS["b/notes.txt"]
    # The path exactly as it was added, from any folder.
    assert logged_articles(history(reviewed_db, "articles/lavrov.txt", elsewhere)) == {lavrov}
    assert logged_articles(history(reviewed_db, "./b/notes.txt", elsewhere)) == {second}
    # The same file by its absolute path, though it was added by a relative one.
    assert logged_articles(history(reviewed_db, str(tmp_path / "a" / "notes.txt"), tmp_path)) == {first}
    assert logged_articles(history(reviewed_db, "a/../b/notes.txt", tmp_path)) == {second}
    # The file name alone, where it names one article.
    assert logged_articles(history(reviewed_db, "lavrov.txt", elsewhere)) == {lavrov}
    result = run("--db", str(reviewed_db), "history", "notes.txt", cwd=elsewhere)
    assert_one_line_error(result, '"notes.txt" matches 2 articles', f"{first}: Notes from the first briefing",
                          f"{second}: Notes from the second briefing", "give an id")
    assert result.stdout == ""
    # A path with a folder names that folder's file, never another's of the same name.
    assert_one_line_error(run("--db", str(reviewed_db), "history", "c/lavrov.txt", cwd=elsewhere),
                          'no article matches "c/lavrov.txt"')


def test_ambiguous_fragment_lists_the_candidates(reviewed_db, tmp_path):
    result = run("--db", str(reviewed_db), "history", "peskov", cwd=tmp_path)
    assert_one_line_error(result, '"peskov" matches 3 articles (2: Peskov says talks will go on, '
                                  '3: Kremlin: Peskov denies the report, 4: PESKOV on sanctions); give an id')
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_like_wildcards_in_a_fragment_are_literal(reviewed_db, tmp_path):
    assert logged_articles(history(reviewed_db, "up 5%", tmp_path)) == {IDS["articles/rates.txt"]}
    assert logged_articles(history(reviewed_db, "bill_42", tmp_path)) == {IDS["articles/bill.txt"]}
    assert logged_articles(history(reviewed_db, "%", tmp_path)) == {IDS["articles/rates.txt"]}


def test_no_match_and_unknown_id_are_one_line_errors(db, tmp_path):
    assert_one_line_error(run("--db", str(db), "history", "zelensky", cwd=tmp_path), 'no article matches "zelensky"')
    # Every reference resolves before spaCy loads or anything is re-extracted.
    for refs, message in [(["lavrov", "zelensky"], 'no article matches "zelensky"'), (["lavrov", "99"], "no article with id 99"),
                          (["peskov"], "matches 3 articles")]:
        result = run("--db", str(db), "reextract", *refs, cwd=tmp_path)
        assert_one_line_error(result, message)
    assert_one_line_error(run("--db", str(db), "reextract", "peskov", cwd=tmp_path), "give an id, or add --all-matching")
    with Store(db) as store:
        assert store.articles_needing_extraction() == list(IDS.values())


@pytest.mark.slow
def test_reextract_by_fragment_path_and_all_matching(db, tmp_path):
    result = run("--db", str(db), "reextract", "SIBAL", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "re-extracted 1 article(s)" in result.stderr
    with Store(db) as store:
        assert IDS["articles/lavrov.txt"] not in store.articles_needing_extraction()
    # Several matches taken on request; an article named twice is re-extracted once.
    result = run("--db", str(db), "reextract", "--all-matching", "peskov", "notes.txt", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "re-extracted 5 article(s)" in result.stderr
    done = {IDS[p] for p in ("articles/lavrov.txt", "articles/peskov-talks.txt", "articles/peskov-denial.txt",
                             "articles/sanctions.txt", "a/notes.txt", "b/notes.txt")}
    with Store(db) as store:
        assert store.articles_needing_extraction() == [i for i in IDS.values() if i not in done]
