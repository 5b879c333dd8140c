"""Two readers on one database: each sees the other's changes and both keep working.

The database is in WAL mode with a busy timeout (the store's job); the reader polls
``PRAGMA data_version`` and reloads when another connection committed, and R
reloads at once. One reader runs here under Pilot, the other in a subprocess
(also a headless NewsreadApp), and they take turns accepting quotes.
"""

from __future__ import annotations

import asyncio
import sys
import time

from test_tui_support import db_path  # noqa: F401  (fixture)

from newsread.config import Config
from newsread.store import Store
from newsread.tui.app import NewsreadApp

SIZE = (120, 36)

# The other reader: accept one quote, wait (polling only, no key) until it sees a
# second reviewed quote that this test's reader accepted, accept another one.
OTHER = """
import asyncio, sys, time
from pathlib import Path
from newsread.config import Config
from newsread.tui.app import NewsreadApp

def reviewed(screen):
    return screen.progress.reviewed if screen.progress else 0

async def main():
    app = NewsreadApp(Path(sys.argv[1]), Config(user="other"))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        await app.workers.wait_for_complete()
        await pilot.press("a")
        status = str(screen.query_one("#status").render())
        print("accepted", status, flush=True)
        deadline = time.monotonic() + 30
        while reviewed(screen) < 2:
            assert time.monotonic() < deadline, "never saw the other reader's change"
            await pilot.pause(0.1)
        print("saw", reviewed(screen), flush=True)
        await pilot.press("n", "a")
        print("accepted", str(screen.query_one("#status").render()), flush=True)
        await pilot.pause()

asyncio.run(main())
"""


def reviewed(screen) -> int:
    return screen.progress.reviewed if screen.progress else 0


async def wait_until(pilot, condition, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.1)


def test_two_readers_see_each_others_changes(db_path):
    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            await pilot.pause()
            first_selected = screen.selected.id
            other = await asyncio.create_subprocess_exec(
                sys.executable, "-c", OTHER, str(db_path), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            line = (await asyncio.wait_for(other.stdout.readline(), 60)).decode()
            assert line.startswith("accepted saved ✓"), line + (await other.stderr.read()).decode()[-2000:]

            # The poll notices the other connection's commit: library and article reload,
            # the selection stays where it was.
            await wait_until(pilot, lambda: reviewed(screen) == 1, "the other reader's accept")
            assert screen.selected is not None and screen.selected.id == first_selected
            assert screen.selected.status == "accepted"

            # every message from here on: a poll's message of the other reader's commit may come
            # after this reader's own "saved ✓" on a loaded machine, and replace it on the screen
            said: list[str] = []
            screen.watch(screen.query_one("#status"), "text", lambda text: said.append(text.plain), init=False)
            await pilot.press("n", "a")
            await wait_until(pilot, lambda: any(m.startswith("saved ✓") for m in said), "this reader's write")
            assert not any(m.startswith("not saved") for m in said), said
            line = (await asyncio.wait_for(other.stdout.readline(), 60)).decode()
            assert line.startswith("saw"), line
            line = (await asyncio.wait_for(other.stdout.readline(), 60)).decode()
            assert line.startswith("accepted saved ✓"), line
            assert await asyncio.wait_for(other.wait(), 60) == 0, (await other.stderr.read()).decode()[-2000:]

            # R reloads at once, without waiting for the poll.
            screen.POLL_SECONDS = 3600
            await pilot.press("R")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "reloaded" in str(screen.query_one("#status").render())
            return reviewed(screen)

    assert asyncio.run(main()) == 3
    with Store(db_path) as store:
        users = {c.user for c in store.history()}
    assert users == {"tester", "other"}


def test_a_change_elsewhere_reloads_the_library_but_not_the_open_article(db_path, monkeypatch):
    from newsread.tui.article_view import ArticleView

    shown = []
    show_article = ArticleView.show_article
    monkeypatch.setattr(ArticleView, "show_article", lambda self, *a, **k: (shown.append(1), show_article(self, *a, **k)))

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            await pilot.pause()
            opened = screen.article.id
            with Store(db_path, user="other") as other:  # another connection: another program
                article = next(i for i in other.article_ids() if i != opened and other.quotes(i))
                other.accept(other.quotes(article)[0].id)
            before = len(shown)
            await wait_until(pilot, lambda: reviewed(screen) == 1, "the library to reload")
            await pilot.pause(1.5)  # another poll or two
            assert len(shown) == before  # the article on screen did not change: not reopened
            with Store(db_path, user="other") as other:
                other.accept(other.quotes(opened)[0].id)
            await wait_until(pilot, lambda: screen.quotes[0].status == "accepted", "the open article to reload")
            return len(shown) - before

    assert asyncio.run(main()) == 1


def test_a_commit_elsewhere_keeps_a_fresh_saved_message_on_screen(db_path, monkeypatch):
    """The poll notes another program's change of the open article after this reader's fresh
    "saved ✓", not in its place; a message older than FRESH_MESSAGE_SECONDS is replaced."""
    from newsread.tui import reader_screen

    async def change_elsewhere(pilot, screen) -> str:
        with Store(db_path, user="other") as other:  # another connection: another program
            quote = next(q for q in other.quotes(screen.article.id) if q.status == "unreviewed")
            other.edit(quote.id, note="checked elsewhere")
        status = screen.query_one("#status")
        await wait_until(pilot, lambda: "another program" in status.text.plain, "the poll's reload")
        return status.text.plain

    async def main():
        app = NewsreadApp(db_path, Config(user="tester"))
        async with app.run_test(size=SIZE) as pilot:
            screen = app.screen
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("a")
            kept = await change_elsewhere(pilot, screen)
            monkeypatch.setattr(reader_screen, "FRESH_MESSAGE_SECONDS", 0.0)
            await pilot.press("n", "a")
            replaced = await change_elsewhere(pilot, screen)
            return kept, replaced

    kept, replaced = asyncio.run(main())
    assert kept.startswith("saved ✓") and kept.endswith(" · updated: another program changed the database"), kept
    assert replaced == "updated: another program changed the database", replaced
