"""A 5 MB article opens without freezing the reader: the pane wraps only what it
shows at once, the rest in the background, and keys keep working meanwhile."""

from __future__ import annotations

import asyncio

from test_tui_support import build_db, insert_huge_article
from textual.widgets import Input

from newsread.config import Config
from newsread.tui.app import NewsreadApp
from newsread.tui.article_view import ArticleView
from newsread.tui.help_screen import HelpScreen


def test_a_5_mb_article_opens_lazily_and_answers_keys(tmp_path):
    path = tmp_path / "huge.db"
    build_db(path, limit=2)
    huge = insert_huge_article(path, megabytes=5)

    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen.open_article(huge)
            view = screen.query_one(ArticleView)
            assert len(view.text) >= 5_000_000
            # Only the lines on screen (and up to the selected quote) are wrapped at first.
            assert not view.wrapped and len(view._lines) < 2_000  # of some 80,000
            first = screen.walk[0]
            assert screen.selected is first
            await pilot.press("j")
            assert screen.selected is screen.walk[1]
            await pilot.press("question_mark")  # the app answers keys while wrapping goes on
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape", "k")
            assert screen.selected is first
            # Far into the article: the wrap catches up on demand, the quote is on screen.
            last = screen.walk[-1]
            screen.go_to(huge, last.id)
            await pilot.pause()
            top = round(view.scroll_y)
            assert screen.selected is last
            assert top <= view._line_of(last.start) < top + view.size.height
            rendered = "".join(segment.text for y in range(view.size.height) for segment in view.render_line(y))
            assert last.text[:20] in rendered.replace("\n", " ") or last.text.split()[0] in rendered
            await pilot.press("f")  # the library filter still takes focus
            assert isinstance(app.focused, Input)
            return view.wrapped

    asyncio.run(main())
