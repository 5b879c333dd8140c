"""Starting the reader: no spaCy on a stored database; the samples on an empty one."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_tui_support import db_path  # noqa: F401  (fixture)
from textual.widgets import ProgressBar

from newsread.config import Config
from newsread.store import Store

HEADLESS_SESSION = """
import asyncio, sys
from pathlib import Path
from newsread.config import Config
from newsread.tui.app import NewsreadApp

async def main():
    app = NewsreadApp(Path(sys.argv[1]), Config(user="tester"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("J", "j", "a", "e")
        await pilot.press("1")
        await pilot.press("s")
        await pilot.press("escape", "slash", "p", "o", "l", "i", "c", "e", "escape", "question_mark", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen", app.screen

asyncio.run(main())
print("spacy" in sys.modules)
"""


def test_reading_a_stored_database_never_imports_spacy(db_path):
    result = subprocess.run([sys.executable, "-c", HEADLESS_SESSION, str(db_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_the_command_line_and_the_reader_import_no_export_format():
    """Every command builds its parser from the format names, and the reader starts with them: a
    format's module (and what it imports to parse HTML or write files) loads only when used."""
    code = ("import sys; from newsread.cli import build_parser; build_parser(); import newsread.tui.app; "
            "from newsread.formats import EXPORT_FORMATS; "
            "print(sorted(m for m in sys.modules if m.startswith('newsread.formats.') or m.startswith('newsread.ingest'))); "
            "EXPORT_FORMATS['csv']; print('newsread.formats.csv_table' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded, csv_on_use = result.stdout.splitlines()
    assert loaded == "['newsread.formats.output', 'newsread.formats.records']"
    assert csv_on_use == "True"


@pytest.mark.slow
def test_first_launch_loads_the_samples_in_a_worker(tmp_path: Path):
    from newsread.samples import sample_articles
    from newsread.tui.app import NewsreadApp
    from newsread.tui.loading_screen import LoadingScreen
    from newsread.tui.reader_screen import ReaderScreen

    path = tmp_path / "first.db"

    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        seen_loading, shown_progress = False, set()
        async with app.run_test(size=(120, 36)) as pilot:
            deadline = time.monotonic() + 300
            while not isinstance(app.screen, ReaderScreen):
                assert time.monotonic() < deadline, "the samples did not load in time"
                if isinstance(app.screen, LoadingScreen):  # on the stack is not enough: it must show
                    seen_loading |= "first launch" in app.export_screenshot().replace("&#160;", " ")
                    bar = app.screen.query_one(ProgressBar)
                    if bar.total:
                        shown_progress.add((bar.progress, bar.total))
                await pilot.pause(0.05)  # the app keeps processing messages while the worker runs
            await pilot.pause()
            return seen_loading, shown_progress, app.screen.article is not None

    seen_loading, shown_progress, has_article = asyncio.run(main())
    assert seen_loading
    assert has_article
    # The screen showed the worker's progress part-way: the UI kept handling messages while spaCy ran.
    assert any(0 < done < total for done, total in shown_progress), shown_progress
    with Store(path) as store:
        summaries = store.article_summaries()
        assert len(summaries) == len(sample_articles())
        assert sum(s.quotes for s in summaries) > 100


def test_first_screen_shows_an_article_before_the_library_is_read(db_path, monkeypatch):
    """The library is listed after the first screen, and its progress line (a count over every
    quote) is counted by a worker thread."""
    import threading

    from newsread.tui.app import NewsreadApp
    from newsread.tui.article_list import ArticleList

    threads = []
    corpus_progress = Store.corpus_progress

    def recording(self):
        threads.append(threading.current_thread() is threading.main_thread())
        return corpus_progress(self)

    monkeypatch.setattr(Store, "corpus_progress", recording)

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            article_id = screen.article.id
            await app.workers.wait_for_complete()
            await pilot.pause()
            return article_id, screen.library_ready, screen.query_one(ArticleList).row_count, screen.progress

    article_id, ready, rows, progress = asyncio.run(main())
    assert threads == [False]  # once, off the app's thread
    with Store(db_path) as store:
        assert article_id == min(store.article_ids())
        assert rows == store.count_articles() == progress.articles
    assert ready


def test_keys_that_need_the_library_load_it_at_once(db_path):
    from newsread.tui.app import NewsreadApp

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            first = screen.article.id
            screen.action_article(1)  # J before the worker answered
            second = screen.article.id
            await app.workers.wait_for_complete()
            await pilot.pause()
            return first, second, screen.article.id, screen.visible_ids[:2]

    first, second, still, visible = asyncio.run(main())
    assert visible == [first, second] and still == second


def test_the_reader_is_the_default_screen(db_path):
    """Composed with the app (not pushed from on_mount), so its first frame is not rendered twice."""
    from newsread.tui.app import NewsreadApp
    from newsread.tui.reader_screen import ReaderScreen

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=(120, 36)):
            return [type(screen) for screen in app.screen_stack]

    assert asyncio.run(main()) == [ReaderScreen]
