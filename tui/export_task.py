"""Exporting the database from the reader, for a thread worker.

Runs off the app thread with its own read-only Store (a sqlite3 connection belongs to
its thread) and reports through ``post``, as the CLI's ``newsread export`` writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message


class ExportDone(Message):
    def __init__(self, output: Path, count: int = 0, error: str = "") -> None:
        super().__init__()
        self.output, self.count, self.error = output, count, error


def default_output(fmt: str) -> Path:
    suffix = {"jsonl": ".jsonl", "articles-jsonl": ".jsonl", "csv": ".csv", "spacy": ".spacy",
              "prodigy": ".jsonl", "labelstudio": ".json", "datasette-metadata": ".json"}.get(fmt, "")
    return Path.home() / f"newsread-{fmt}{suffix}"


def export_database(db_path: Path, fmt: str, output: Path, post: Callable[[Message], object]) -> None:
    from newsread.formats import export
    from newsread.store import Store, StoreError

    try:
        with Store(db_path, readonly=True) as store:
            count = export(fmt, store.export_records(), output)
    except (StoreError, ValueError, OSError) as error:
        post(ExportDone(output, error=getattr(error, "strerror", None) or str(error)))
    else:
        post(ExportDone(output, count))
