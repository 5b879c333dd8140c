"""Extraction on several cores, each worker parsing *and* extracting whole texts.

``nlp.pipe(n_process=...)`` parallelises only the parse: every Doc is pickled back to
the parent, which then runs all the rule work alone. Here forked workers share the
loaded pipeline (copy-on-write) and send back only the small Extraction objects.

The workers are plain text-in, records-out: they never see a database. Whoever
stores the results opens its connection only after ``WorkerPool`` has forked, since
a SQLite connection must never be carried across ``fork()``.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsread.model import Extraction

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from spacy.language import Language

_worker_nlp: Language | None = None
GROUP = 4  # texts a worker parses in one nlp.pipe call


def can_fork() -> bool:
    # Forking a process that runs other threads (the reader's workers) can deadlock the child.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _remember(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _extract_group(texts: list[str]) -> list[Extraction]:
    # A group, not one text: nlp.pipe batches the parse, which is faster than text by text.
    from .extraction import extract_many

    assert _worker_nlp is not None  # the pool's initializer set it
    return list(extract_many(texts, _worker_nlp))


class WorkerPool:
    """``n_process`` forked workers holding ``nlp``; forks when entered."""

    def __init__(self, nlp: Language, n_process: int) -> None:
        self.nlp, self.n_process = nlp, n_process
        self._pool: Pool | None = None

    def __enter__(self) -> WorkerPool:
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(self.n_process, initializer=_remember, initargs=(self.nlp,))
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._pool is not None  # entered
        self._pool.terminate()
        self._pool.join()

    def extract(self, texts: Iterable[str], progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
        """Extractions in input order."""
        assert self._pool is not None, "WorkerPool.extract outside its with block"
        done = 0
        # The texts are read here, in batches, not by the pool's feeder thread: they may
        # come from a sqlite3 connection, which belongs to this thread.
        for batch in batched(texts, self.n_process * GROUP * 4):
            for group in self._pool.imap(_extract_group, list(batched(batch, GROUP))):
                for extraction in group:
                    done += 1
                    if progress is not None:
                        progress(done)
                    yield extraction


def extract_in_processes(texts: Iterable[str], nlp: Language, n_process: int,
                         progress: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Extractions in input order, computed by ``n_process`` forked workers."""
    with WorkerPool(nlp, n_process) as pool:
        yield from pool.extract(texts, progress)


def batched(items: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
