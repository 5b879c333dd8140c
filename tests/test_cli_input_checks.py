"""The CLI never quietly misreads what it is given: dates, process counts, a file to overwrite."""

from __future__ import annotations

import pytest
from test_cli import assert_one_line_error, run

from newsread.model import Article
from newsread.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        store.add_article(Article(text="Text.", title="t", date="2019-01-31"), "h")
    return path


@pytest.mark.parametrize("value", ["2019-13-01", "yesterday", "2019-1-5", "20190105", "2019-02-30", ""])
def test_a_date_that_is_not_a_date_is_refused(db, value):
    for option in ("--since", "--until"):
        result = run("--db", str(db), "export", option, value)
        assert_one_line_error(result, f"{option} {value!r}: not a date; give YYYY-MM-DD")
        assert result.returncode == 2 and result.stdout == ""


def test_a_real_date_filters(db):
    assert run("--db", str(db), "export", "-f", "articles-jsonl", "--since", "2019-01-31").stdout.count("\n") == 1
    assert run("--db", str(db), "export", "-f", "articles-jsonl", "--since", "2019-02-01").stdout == ""


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_is_refused(db, tmp_path, jobs):
    article = tmp_path / "a.txt"
    article.write_text('"Yes," she said.\n', encoding="utf-8")
    for args in (["add", str(article), "--jobs", jobs], ["reextract", "--jobs", jobs]):
        result = run("--db", str(db), *args)
        assert_one_line_error(result, f"--jobs {jobs}: give a number of processes, 1 or more")
        assert result.returncode == 2


def test_backup_never_replaces_a_file_unless_told(db, tmp_path):
    target = tmp_path / "copy.db"
    target.write_text("precious")
    assert_one_line_error(run("--db", str(db), "backup", str(target)), "already exists; give another name, or --force")
    assert target.read_text() == "precious"
    assert run("--db", str(db), "backup", str(target), "--force").returncode == 0
    with Store(target) as copy:
        assert copy.count_articles() == 1


def test_export_help_gives_the_default_format():
    assert "(default: jsonl)" in run("export", "--help").stdout
