"""Loading the bundled samples on an empty database, for a thread worker.

Runs off the app thread with its own Store (a sqlite3 connection belongs to its
thread) and reports through ``post``; spaCy is imported only in here, via
``newsread.library.extract_articles``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message


class SamplesProgress(Message):
    def __init__(self, done: int, total: int, step: str) -> None:
        super().__init__()
        self.done, self.total, self.step = done, total, step


class SamplesLoaded(Message):
    def __init__(self, error: str = "") -> None:
        super().__init__()
        self.error = error


def load_samples(db_path: Path, user: str | None, pipeline: str | None, post: Callable[[Message], object]) -> None:
    from newsread.library import add_articles, extract_articles
    from newsread.samples import sample_articles
    from newsread.store import Store

    try:
        articles = sample_articles()
        post(SamplesProgress(0, len(articles), "Storing the sample articles…"))
        with Store(db_path, user=user) as store:
            ids, _ = add_articles(store, articles)
        post(SamplesProgress(0, len(ids), "Loading the language model and finding quotes…"))
        extract_articles(db_path, ids, user=user, pipeline=pipeline,
                         progress=lambda done, total: post(SamplesProgress(done, total, f"Finding quotes: {done}/{total} articles")))
    except Exception as error:  # shown to the user; the articles stay usable without quotes
        post(SamplesLoaded(f"{type(error).__name__}: {error}"))
    else:
        post(SamplesLoaded())
