"""Finding quotes in stored articles that never had any extracted, for a thread worker.

An interrupted first launch, or `newsread add --no-extract`, leaves articles without
model quotes; the reader extracts them in the background when it opens. Runs off
the app thread with its own Store and reports through ``post``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message


class PendingProgress(Message):
    def __init__(self, done: int, total: int, error: str = "") -> None:
        super().__init__()
        self.done, self.total, self.error = done, total, error


def extract_pending(db_path: Path, user: str | None, pipeline: str | None, post: Callable[[Message], object]) -> None:
    from newsread.library import extract_articles
    from newsread.store import Store

    try:
        with Store(db_path, user=user) as store:
            pending = store.articles_needing_extraction()
        if not pending:
            return
        post(PendingProgress(0, len(pending)))
        extract_articles(db_path, pending, user=user, pipeline=pipeline,
                         progress=lambda done, total: post(PendingProgress(done, total)))
    except Exception as error:  # shown to the user; the articles stay readable without quotes
        post(PendingProgress(0, 0, f"{type(error).__name__}: {error}"))
