"""Snapshots (120×36) of the reader's main screens, on the gold-quote database."""

from __future__ import annotations

from test_tui_support import db_path  # noqa: F401  (fixture)

from newsread.config import Config
from newsread.tui.app import NewsreadApp

SIZE = (120, 36)


def reader(path):
    return NewsreadApp(path, Config(user="tester"))


async def library_read(pilot) -> None:
    """The library is read by a worker after the first screen; wait for it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_gdansk(pilot) -> None:
    """The Gdańsk article: several speakers, every kind of quote."""
    await library_read(pilot)
    screen = pilot.app.screen
    while "Gdańsk" not in (screen.article.title if screen.article else ""):
        await pilot.press("J")
    await pilot.press("j", "j")
    await pilot.pause()


def test_reader_library_article_editor(snap_compare, db_path):
    assert snap_compare(reader(db_path), terminal_size=SIZE, run_before=open_gdansk)


def test_speaker_picker(snap_compare, db_path):
    async def run_before(pilot):
        await open_gdansk(pilot)
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(reader(db_path), terminal_size=SIZE, run_before=run_before)


def test_speakers_screen(snap_compare, db_path):
    async def run_before(pilot):
        await library_read(pilot)
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(reader(db_path), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, db_path):
    async def run_before(pilot):
        await library_read(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(reader(db_path), terminal_size=SIZE, run_before=run_before)
