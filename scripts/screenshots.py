"""Save SVG screenshots of the real reader to screenshots/.

Builds a temporary database from the bundled samples with the real extractor
(spaCy; slowish), then drives the app with Pilot at 120×36.

    python scripts/screenshots.py [--out screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from newsread.config import Config
from newsread.library import add_articles, extract_articles
from newsread.samples import sample_articles
from newsread.store import Store
from newsread.tui.app import NewsreadApp

SIZE = (120, 36)


def build_database(path: Path) -> None:
    with Store(path, user="screenshots") as store:
        ids, _ = add_articles(store, sample_articles())
    extract_articles(path, ids, progress=lambda done, total: print(f"\rextracting {done}/{total}", end=""))
    print()


async def shoot(path: Path, out: Path) -> None:
    app = NewsreadApp(path, Config(user="screenshots"))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()  # the library is read after the first screen
        await pilot.pause()

        async def save(name: str) -> None:
            await pilot.pause()
            app.save_screenshot(str(out / f"{name}.svg"))
            print(f"saved {out / name}.svg")

        await save("library")
        screen = app.screen
        while "Gdańsk" not in screen.article.title:  # many speakers, every kind of quote
            await pilot.press("J")
        await pilot.press("j", "j", "a")
        await save("article-editor")
        await pilot.press("e")
        await save("speaker-candidates")
        await pilot.press("escape", "s")
        await save("speakers")
        await pilot.press("escape", "slash", *"police said")
        await save("search")
        await pilot.press("escape", "question_mark")
        await save("help")
        await pilot.press("escape", "escape")
        # Adding a missed quote from the keyboard: the cursor, v, whole words, the overlap warning.
        await pilot.press("k", "w", "w", "v", "w", "w", "e")
        await save("selection")
        await pilot.press("A")
        await save("selection-overlap-warning")
        await pilot.press("escape", "Y")
        await save("accept-confident")
        await pilot.press("escape", "e", "plus", "1", "2")
        await save("joint-speakers")
        await pilot.press("escape")


async def shoot_small(path: Path, out: Path) -> None:
    """At 80×24: the library hidden (L shows it), a one-line legend, the article readable."""
    app = NewsreadApp(path, Config(user="screenshots"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        while "Gdańsk" not in screen.article.title:
            await pilot.press("J")
        await pilot.press("j")
        await pilot.pause()
        app.save_screenshot(str(out / "small-terminal.svg"))
        print(f"saved {out / 'small-terminal'}.svg")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "screenshots.db"
        build_database(path)
        asyncio.run(shoot(path, args.out))
        asyncio.run(shoot_small(path, args.out))


if __name__ == "__main__":
    main()
