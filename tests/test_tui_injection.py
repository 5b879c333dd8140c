"""Stored text with terminal control sequences is shown as visible placeholders.

Ingest strips control characters, but a database written by another tool may not
have. Every character the reader puts on screen is checked here: no C0, DEL or C1
control in any rendered strip, on every screen that shows stored text.
"""

from __future__ import annotations

import asyncio
import re

from test_tui_support import HOSTILE_TEXT, build_db, insert_hostile_article

from newsread.config import Config
from newsread.tui.app import NewsreadApp
from newsread.tui.article_view import ArticleView
from newsread.tui.safe_text import visible

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
SIZE = (120, 36)


def screen_text(app) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


def controls_on_screen(app) -> list[str]:
    return [repr(line) for line in screen_text(app).split("\n") if CONTROL.search(line)]


def test_visible_keeps_length_and_shows_every_control():
    text = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2J\x9b\x08\x00\x7f\tz\nq"
    shown = visible(text, newlines=True)
    assert len(shown) == len(text)
    assert shown == "a␛]52;c;ZXZpbA==␇b␛[2J\ufffd␈␀␡ z\nq"
    assert visible(text) == shown.replace("\n", " ")
    assert visible("plain “text”\n", newlines=True) == "plain “text”\n"


def test_no_control_character_reaches_any_screen(tmp_path):
    path = tmp_path / "hostile.db"
    build_db(path, limit=2)
    article_id, quote_id = insert_hostile_article(path)

    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        seen = {}
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            screen.open_article(article_id, quote_id)
            await pilot.pause()
            seen["reader"] = controls_on_screen(app)
            text = screen_text(app)
            view = screen.query_one(ArticleView)
            # Same length placeholders: the quote's highlight covers exactly its text.
            assert view.text == visible(HOSTILE_TEXT, newlines=True)
            assert "Hostile␛]52;c;ZXZpbA==␇ title␛[2J here" in text
            assert "Evil␛]0;pwned␇ Speaker" in text
            await pilot.press("e")  # the speaker picker
            await pilot.pause()
            seen["picker"] = controls_on_screen(app)
            await pilot.press("escape", "N")  # the note prompt, prefilled
            await pilot.pause()
            seen["note"] = controls_on_screen(app)
            await pilot.press("escape", "s")  # speakers
            await pilot.pause()
            for _ in range(5):
                if "Evil" in screen_text(app):
                    break
                await pilot.press("down")
            seen["speakers"] = controls_on_screen(app)
            await pilot.press("escape", "slash", *"minister")
            await pilot.pause()
            seen["search"] = controls_on_screen(app)
            assert "Hostile" in screen_text(app)
        return seen

    seen = asyncio.run(main())
    assert seen == {name: [] for name in seen}, seen
