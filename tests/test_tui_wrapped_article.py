"""A hard-wrapped article reflows to the width of the article pane: its soft line breaks are
shown as spaces (the offsets unchanged), its paragraphs and short lines kept. Real app, Pilot."""

from __future__ import annotations

import asyncio

from test_tui_injection import screen_text

from newsread.config import Config
from newsread.library import content_hash
from newsread.model import Article
from newsread.store import Store
from newsread.tui.app import NewsreadApp
from newsread.tui.article_view import ArticleView

WRAPPED = (
    "Harbour to close\n"
    "By Ann Lowe\n"
    "\n"
    "The mayor spoke to reporters on Monday after the council voted. \"We will\n"
    "rebuild the bridge before the winter comes, and nobody will stop us,\" Ana\n"
    "Ruiz said at the harbour, where the ferries have not run for a month.\n"
    "\n"
    "Tom Hale, who chairs the harbour board, said the port would close next\n"
    "year unless the government paid for the repairs that the engineers asked\n"
    "for in their report.\n"
)


def test_a_hard_wrapped_article_reflows_to_the_pane(tmp_path):
    path = tmp_path / "wrapped.db"
    with Store(path, user="test") as store:
        article_id, _ = store.add_article(Article(text=WRAPPED, title="Harbour to close"), content_hash(WRAPPED))

    async def main():
        app = NewsreadApp(path, Config(user="tester"))
        async with app.run_test(size=(200, 30)) as pilot:
            await app.workers.wait_for_complete()
            app.screen.open_article(article_id, None)
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            assert len(view.text) == len(WRAPPED)
            return screen_text(app)

    shown = asyncio.run(main())
    # wide enough for a whole paragraph on few lines: the text runs on over the old line ends
    assert '"We will rebuild the bridge' in shown
    assert "close next year unless" in shown
    # the headline and the byline stay lines of their own
    assert "Harbour to close By Ann Lowe" not in shown
