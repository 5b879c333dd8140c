"""Articles stored without quotes (an interrupted first launch, `add --no-extract`) get them when the reader opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from newsread.config import Config
from newsread.library import add_articles
from newsread.model import Article
from newsread.store import Store

SAMPLE = Path(__file__).parent.parent / "newsread" / "samples" / "wn-iran-downs-ukrainian-jet-2020-01-13.txt"


@pytest.mark.slow
def test_reader_extracts_articles_stored_without_quotes(tmp_path):
    from newsread.tui.app import NewsreadApp

    db_path = tmp_path / "n.db"
    with Store(db_path) as store:
        (article_id,), _ = add_articles(store, [Article(text=SAMPLE.read_text(encoding="utf-8"), title="Iran")])
        assert store.quotes(article_id) == []

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            for _ in range(30):  # the reader notices the other connection's commit by polling
                await pilot.pause(0.1)
                if app.screen.quotes:
                    break
            return len(app.screen.quotes)

    shown = asyncio.run(main())
    with Store(db_path) as store:
        stored = store.quotes(article_id)
        assert stored and store.articles_needing_extraction() == []
    assert shown == len(stored)
