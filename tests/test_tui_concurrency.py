"""The reader beside other programs writing the same database: nothing lost, never a stale write.

The reader runs under Pilot; `newsread reextract`, `newsread add` and other users are
real processes or other Store connections on the same file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui_review import drive, open_article_with_quotes, status
from test_tui_support import build_db, db_path  # noqa: F401  (fixture)

from newsread.store import Store
from newsread.tui.reader_screen import ReaderScreen

NEWSREAD = str(Path(sys.executable).parent / "newsread")


def newsread(path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSREAD_CONFIG": "/nonexistent/newsread.toml"}
    return subprocess.run([NEWSREAD, "--db", str(path), *args], capture_output=True, text=True, env=env, timeout=600)


def integrity(path: Path) -> list:
    with sqlite3.connect(path) as conn:
        return [conn.execute("PRAGMA integrity_check").fetchall(),
                conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')").fetchall(),
                conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").fetchall()]


@pytest.fixture
def quiet_poll(monkeypatch):
    """The reader would pick another program's change up within a second; these tests write
    before it can, to check what a write onto a stale quote does."""
    monkeypatch.setattr(ReaderScreen, "POLL_SECONDS", 3600)


@pytest.mark.slow
def test_reextract_beside_an_open_reader_keeps_the_database_whole(tmp_path):
    """The session that once destroyed a database: reader open, `j`, reextract one article and
    then all, `j` and `a` in the reader."""
    path = build_db(tmp_path / "n.db", limit=12)

    async def scenario(app, pilot, screen):
        await pilot.press("j")
        for args in (("reextract", "1"), ("reextract",)):
            result = newsread(path, *args)
            assert result.returncode == 0, result.stderr
            await pilot.pause(1.5)  # the reader notices, reloads the library in a worker
        await pilot.press("j", "a")
        await pilot.pause()
        return status(screen)

    said = drive(path, scenario)
    assert "corrupt" not in said and said.startswith("saved ✓ accepted quote"), said
    assert integrity(path) == [[("ok",)], [], []]
    with Store(path) as store:
        accepted = [q for a in store.article_ids() for q in store.quotes(a) if q.status == "accepted"]
        assert len(accepted) == 1 and said == f"saved ✓ accepted quote {accepted[0].id}"


def test_a_write_onto_a_quote_another_user_changed_is_refused_and_reloads(db_path, quiet_poll):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        shown = screen.selected
        with Store(db_path, user="bob") as bob:
            bob.edit(shown.id, speaker="Bob's Choice", version=shown.version)
        await pilot.press("a")
        return shown, screen.selected, status(screen)

    shown, selected, said = drive(db_path, scenario)
    assert "changed meanwhile by bob" in said and "reloaded" in said and "saved ✓" not in said
    assert selected.id == shown.id and selected.speaker == "Bob's Choice"  # the reader shows bob's version
    with Store(db_path) as store:
        assert store.quote(shown.id).status == "corrected"
        assert [c.user for c in store.history()] == ["bob"]


def test_a_write_onto_a_quote_reextraction_removed_is_refused_and_reloads(db_path, quiet_poll):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        shown, article_id = screen.selected, screen.article.id
        with Store(db_path, user="other") as other:
            model = other.quotes(article_id)
            from newsread.model import Extraction
            other.store_extraction(article_id, Extraction(model, []), "newer")  # same spans, new ids
        await pilot.press("a")
        return shown, article_id, [q.id for q in screen.quotes], status(screen)

    shown, article_id, now_shown, said = drive(db_path, scenario)
    assert "removed by another program" in said and "reloaded" in said
    with Store(db_path) as store:
        current = [q.id for q in store.quotes(article_id)]
        assert shown.id not in current and now_shown == current  # new ids, never the old one's
        assert all(q.status == "unreviewed" for q in store.quotes(article_id)) and store.history() == []


def test_undo_in_one_reader_never_reverts_another_users_change(db_path):
    """Two readers, two users: ana's `u` takes back ana's change only, even after bob's."""
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        mine = screen.selected
        await pilot.press("a")
        with Store(db_path, user="bob") as bob:  # bob's reader, in another article
            theirs = next(q for a in bob.article_ids() if a != mine.article_id for q in bob.quotes(a))
            bob.reject(theirs.id)
        await pilot.press("u")
        first = status(screen)
        await pilot.press("u")
        return mine, theirs, first, status(screen)

    mine, theirs, first, second = drive(db_path, scenario, config=None)
    assert f"undo: accept of quote {mine.id}" in first and second == "nothing to undo"
    with Store(db_path) as store:
        assert store.quote(mine.id).status == "unreviewed"
        assert store.quote(theirs.id).status == "rejected"


def test_a_database_failure_in_any_action_is_one_line_and_the_reader_goes_on(db_path, quiet_poll):
    async def scenario(app, pilot, screen):
        await open_article_with_quotes(pilot, screen)
        damage = sqlite3.connect(db_path, isolation_level=None)  # another tool breaks the schema for a while
        damage.execute("ALTER TABLE quotes RENAME TO quotes_elsewhere")
        await pilot.press("n")
        broken = status(screen)
        damage.execute("ALTER TABLE quotes_elsewhere RENAME TO quotes")
        damage.close()
        before = screen.selected
        await pilot.press("j")
        return broken, before, screen.selected, app.is_running

    broken, before, after, running = drive(db_path, scenario)
    assert broken.startswith("✗ ") and "no such table" in broken and "\n" not in broken
    assert running and after is not before
