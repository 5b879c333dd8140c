"""The library is a virtual list over the database: 5,000 articles, and the reader reads the rows
it shows, a page at a time; the end of the list, the filter and the sort still reach every article."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input

from newsread.config import Config
from newsread.store import LibraryView, Store
from newsread.tui.app import NewsreadApp
from newsread.tui.article_list import PAGE, PAGES_KEPT, ArticleList

ARTICLES = 5_000
LAST_TITLE = "Zanzibar harbour reopens"


def date(number: int) -> str:
    return f"2024-01-{number % 28 + 1:02}"


def build_library(path: Path) -> Path:
    """5,000 small articles of two quotes each, written in one transaction with plain SQL (as another
    tool would; newsread's own add takes one synchronous commit per article). The last one alone is
    about Zanzibar, and alone quotes "Amina Last"."""
    with Store(path, user="test"):
        pass  # the schema
    conn = sqlite3.connect(path)
    with conn:
        first, last = (conn.execute("INSERT INTO speakers (name, kind) VALUES (?, 'PERSON')", [name]).lastrowid
                       for name in ("Olu Everyone", "Amina Last"))
        for number in range(1, ARTICLES + 1):
            title = LAST_TITLE if number == ARTICLES else f"Council budget, part {number}"
            text = f"Article {number}. “We will see,” said Olu Everyone. “Soon,” she added."
            conn.execute("INSERT INTO articles (id, title, source, date, text, content_hash) VALUES (?, ?, ?, ?, ?, ?)",
                         [number, title, ["Wikinews", "GOV.UK"][number % 2], date(number), text,
                          hashlib.sha256(text.encode()).hexdigest()])
            for start, end in ((text.index("We"), text.index(",”")), (text.index("Soon"), text.index(",” she"))):
                speaker = last if number == ARTICLES else first
                quote = conn.execute(
                    "INSERT INTO quotes (article_id, start, [end], text, kind, speaker_id) VALUES (?, ?, ?, ?, 'direct', ?)",
                    [number, start, end, text[start:end], speaker]).lastrowid
                conn.execute("INSERT INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, 0)", [quote, speaker])
    conn.close()
    return path


@pytest.fixture(scope="module")
def library_db(tmp_path_factory) -> Path:
    return build_library(tmp_path_factory.mktemp("library") / "library.db")


@pytest.fixture
def windows(monkeypatch) -> list[tuple[int, int]]:
    """Every window of rows the reader asks the store for, as (start, count)."""
    asked: list[tuple[int, int]] = []
    rows = LibraryView.rows

    def recording(self, start, count):
        asked.append((start, count))
        return rows(self, start, count)

    monkeypatch.setattr(LibraryView, "rows", recording)
    monkeypatch.setattr(Store, "article_summaries", lambda self: pytest.fail("the reader read every summary"))
    return asked


def shown(widget: ArticleList) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def run(path: Path, scenario):
    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            return await scenario(app, pilot, app.screen, app.screen.query_one(ArticleList))

    return asyncio.run(main())


def test_the_first_screen_of_5000_articles_reads_one_page(library_db, windows):
    async def scenario(app, pilot, screen, articles):
        return articles.row_count, articles.rows_read, articles.rows_kept, shown(articles), screen.progress

    count, read, kept, text, progress = run(library_db, scenario)
    assert count == ARTICLES and progress.articles == ARTICLES and progress.quotes == 2 * ARTICLES
    assert windows and all(size == PAGE for _, size in windows)  # a page at a time, never the whole library
    assert read <= 2 * PAGE and kept <= 2 * PAGE
    assert "Council budget, part 1" in text and "#1 0/2" in text


def test_end_shows_the_last_article_and_enter_opens_it(library_db, windows):
    async def scenario(app, pilot, screen, articles):
        articles.focus()
        await pilot.press("end")
        await pilot.pause()
        text = shown(articles)
        await pilot.press("enter")
        await pilot.pause()
        return text, articles.cursor, articles.rows_kept, screen.article.id

    text, cursor, kept, opened = run(library_db, scenario)
    assert LAST_TITLE in text and f"#{ARTICLES} 0/2" in text
    assert cursor == ARTICLES - 1 and opened == ARTICLES
    assert kept <= PAGES_KEPT * PAGE and max(start for start, _ in windows) >= ARTICLES - PAGE


def test_the_filter_finds_an_article_on_the_last_page(library_db, windows):
    async def scenario(app, pilot, screen, articles):
        await pilot.press("f", *"zanzibar")
        found = articles.row_count, shown(articles), list(screen.visible_ids)
        app.screen.query_one("#library-filter", Input).value = "@amina"
        await pilot.pause()
        by_speaker = list(screen.visible_ids)
        app.screen.query_one("#library-filter", Input).value = "zanzibar"
        await pilot.press("enter")
        opened, focused = screen.article.id, app.focused
        await pilot.press("f", "escape")
        return found, by_speaker, opened, focused, articles.row_count, screen.library_filter

    (count, text, ids), by_speaker, opened, focused, after, left = run(library_db, scenario)
    assert count == 1 and ids == [ARTICLES] and LAST_TITLE in text
    assert by_speaker == [ARTICLES]
    assert opened == ARTICLES and type(focused).__name__ == "ArticleView"
    assert after == ARTICLES and left == ""  # Esc clears the filter: every article again
    assert all(size == PAGE for _, size in windows)


def test_j_and_k_and_the_newest_sort_over_the_database(library_db, windows):
    async def scenario(app, pilot, screen, articles):
        await pilot.press("J", "J", "K")
        walked = screen.article.id
        await pilot.press("S", "S", "S")  # added → unreviewed first → source → newest
        sort, first = screen.library_sort, screen.visible_ids[0]
        await pilot.press("J")
        return walked, sort, first, screen.article.id, articles.cursor

    walked, sort, first, after, cursor = run(library_db, scenario)
    newest = sorted(range(1, ARTICLES + 1), key=lambda n: (date(n), n), reverse=True)
    assert walked == 2 and sort == "newest" and first == newest[0]
    assert after == newest[newest.index(2) + 1] and cursor == newest.index(after)


def test_a_decision_moves_the_progress_and_rereads_its_row(library_db, windows, tmp_path):
    path = tmp_path / "copy.db"
    path.write_bytes(library_db.read_bytes())

    async def scenario(app, pilot, screen, articles):
        await pilot.press("a")  # article 1's first quote
        accepted = screen.progress.reviewed, shown(articles)
        await pilot.press("J", "u")  # undo from another article: back to article 1, counted again
        await app.workers.wait_for_complete()
        await pilot.pause()
        return accepted, screen.article.id, screen.progress.reviewed, shown(articles)

    (reviewed, text), back_to, undone, text_after = run(path, scenario)
    assert reviewed == 1 and "#1 1/2" in text
    assert back_to == 1 and undone == 0 and "#1 0/2" in text_after
