"""Plain .txt and .md files get a title and a date the way a person would read them off the file.

The title is the first line when it reads as a headline, else the file name made readable; the
date is a real YYYY-MM-DD in the file name. The text itself is stored exactly as it was, the
headline included, so no offset moves.
"""

from __future__ import annotations

import pytest
from test_cli import run

from newsread.ingest import read_sources
from newsread.model import Article
from newsread.store import Store

BODY = "The council said the bridge would close on Monday.\n"


def read_one(path) -> Article:
    (article,) = read_sources([str(path)])
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(("name", "text", "title"), [
    ("a.txt", "Bridge to close for six weeks\n\n" + BODY, "Bridge to close for six weeks"),
    ("a.txt", "Bridge to close\n" + BODY, "Bridge to close"),  # a headline on the line before the body
    ("a.txt", "Will the bridge close?\n\n" + BODY, "Will the bridge close?"),
    ("a.md", "# Bridge to close\n\n" + BODY, "Bridge to close"),  # the heading's mark left out
    ("a.md", "## Bridge to close\n\n" + BODY, "Bridge to close"),
])
def test_a_first_line_that_reads_as_a_headline_is_the_title(tmp_path, name, text, title):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    article = read_one(path)
    assert article.title == title
    assert article.text == text  # the headline stays in the text: offsets into it never move


@pytest.mark.parametrize("text", [
    BODY + "\nMore of the body.\n",  # a sentence of the body, with its full stop
    "On Monday the council said that the bridge over the\nriver would close.\n",  # a wrapped paragraph
    "The council, meeting on Monday,\n" + BODY,  # a clause going on
    "Bridge to close\n",  # the whole text
    "word " * 40 + "\n\n" + BODY,  # too long for a headline
])
def test_a_first_line_of_body_text_is_not_a_title(tmp_path, text):
    path = tmp_path / "2019-03-02-bradford-abuse.txt"
    path.write_text(text, encoding="utf-8")
    assert read_one(path).title == "Bradford abuse"  # the file name made readable


@pytest.mark.parametrize(("name", "title", "date"), [
    ("2019-03-02-bradford-abuse.txt", "Bradford abuse", "2019-03-02"),
    ("wn-cuba_bus-crash-2019-01-12.txt", "Wn cuba bus crash", "2019-01-12"),
    ("notes.md", "Notes", ""),
    ("2019-02-30-not-a-day.txt", "Not a day", ""),  # no such day: no date
    ("201903021-serial.txt", "201903021 serial", ""),
    ("2019-03-02.txt", "2019-03-02", "2019-03-02"),  # nothing but the date: the name as it is
])
def test_the_file_name_gives_a_readable_title_and_a_real_date(tmp_path, name, title, date):
    path = tmp_path / name
    path.write_text(BODY, encoding="utf-8")
    article = read_one(path)
    assert (article.title, article.date) == (title, date)


def test_add_stores_the_title_and_date_it_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2019-03-02-bradford-abuse.txt").write_text(BODY, encoding="utf-8")
    (folder / "2020-06-21-tesco.md").write_text("# Tesco sells its Polish stores\n\n" + BODY, encoding="utf-8")
    db = tmp_path / "n.db"
    result = run("--db", str(db), "add", "--no-extract", str(folder))
    assert result.returncode == 0, result.stderr
    with Store(db) as store:
        stored = sorted((store.article(i).title, store.article(i).date) for i in store.article_ids())
    assert stored == [("Bradford abuse", "2019-03-02"), ("Tesco sells its Polish stores", "2020-06-21")]
